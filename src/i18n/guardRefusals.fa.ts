import type { GuardRefusalFormatters } from '../core/sql/guard';
import { quotedCode as code, quotedName as name } from './isolate';
import { localizeDigits } from './locale';

/**
 * The SQL guard's refusals in Persian, one per code of core/sql/guard.ts (the compiler
 * fails when a code has none). What the user wrote (keywords, functions, quoted text) stays
 * as written, left to right; table names in their own direction.
 */

const num = (n: number) => localizeDigits(String(n));
const ONLY_OWN = 'فقط جدول‌های خود کارپوشه را می‌توان پرس‌وجو کرد';

export const guardRefusalsFa: GuardRefusalFormatters = {
  empty: () => 'SQL کارپوشه خالی است.',
  'nul-character': () => `SQL کارپوشه نمی‌تواند نویسهٔ ${code('NUL')} داشته باشد.`,
  'multiple-statements': (p) => `SQL کارپوشه باید تنها یک دستور باشد؛ این یکی ${num(p.count)} دستور دارد.`,
  'not-a-query': (p) =>
    `SQL کارپوشه باید یک پرس‌وجو باشد که با ${code('SELECT')} یا ${code('WITH')} آغاز شود، نه با ${code(p.word)}.`,
  'forbidden-keyword': (p) =>
    `SQL کارپوشه فقط می‌تواند داده بخواند: ${code(p.keyword)} مجاز نیست. (اگر ${code(p.text)} نام ستونی است، آن را میان ${code('"')} بنویسید.)`,
  'forbidden-function': (p) =>
    `SQL کارپوشه نمی‌تواند ${code(`${p.name}()`)} را فراخوانی کند: این تابع فایل‌ها، نشانی‌های اینترنتی یا تنظیمات موتور بیرون از کارپوشه را می‌خواند.`,
  'table-function': (p) => `SQL کارپوشه نمی‌تواند از ${code(`${p.name}()`)} بخواند: ${ONLY_OWN}.`,
  'file-as-table': (p) => `SQL کارپوشه نمی‌تواند ${code(p.text)} را در جای جدول بخواند: ${ONLY_OWN}.`,
  'unknown-table': (p) =>
    p.tables.length === 0
      ? `${name(p.table)} جدولی از این کارپوشه نیست؛ هنوز جدولی بارگذاری نشده است که SQL کارپوشه بخواند.`
      : `${name(p.table)} جدولی از این کارپوشه نیست؛ SQL کارپوشه فقط این‌ها را می‌تواند بخواند: ${p.tables.map(name).join('، ')}.`,
  'file-access': (p) =>
    `SQL کارپوشه نمی‌تواند ${code(p.path)} را باز کند: ${ONLY_OWN}، نه فایل‌ها یا نشانی‌های اینترنتی.`,
  'settings-locked': () => 'SQL کارپوشه نمی‌تواند تنظیمات موتور را تغییر دهد.',
};
