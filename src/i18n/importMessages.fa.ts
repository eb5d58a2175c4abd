import { byteText, type DetectedEncodingReason, type ImportMessageFormatters } from '../core/ingest/messages';
import { isolated, ltr, quotedName as name } from './isolate';
import { localizeDigits } from './locale';
import { DUCKDB_WASM } from './productName';

/**
 * Load errors and notes in Persian, one per code of core/ingest/messages.ts (the compiler
 * fails when a code has none). File, sheet and column names keep their own direction;
 * another program's words (DuckDB's, the JSON parser's) stay as it wrote them, left to
 * right, after a Persian sentence that says what failed.
 */

const num = (n: number) => localizeDigits(String(n));
/** Names of formats and programs, written as they are. */
const latin = ltr;
/** Another program's message, as it wrote it; `who` names the program in Persian. */
const theirWords = (who: string, detail: string) => `پیام ${who}: ${ltr(detail)}`;
const DUCKDB = latin('DuckDB');

export const importMessagesFa: ImportMessageFormatters = {
  'empty-file': (p) => `${name(p.file)} خالی است: چیزی برای بارگذاری ندارد.`,
  'not-text': (p) =>
    `${name(p.file)} به فایل متنی نمی‌ماند: داده‌های دودویی دارد. آیا واقعاً فایل ${latin(p.format)} است؟`,
  'ragged-row': (p) =>
    `${name(p.file)} خوانده نشد: سطر ${num(p.line)} دارای ${num(p.fields)} فیلد است، اما سطر سرستون ${num(p.expected)} فیلد دارد.`,
  'unclosed-quote': (p) =>
    `${name(p.file)} خوانده نشد: نقل‌قولی که در سطر ${num(p.line)} باز شده هرگز بسته نشده است.`,
  'unreadable-text': (p) =>
    `${name(p.file)} در قالب ${latin(p.format)} خوانده نشد. ${theirWords(DUCKDB, p.detail)}`,
  'invalid-json': (p) => {
    const where =
      p.line !== null && p.column !== null
        ? ` در سطر ${num(p.line)}، ستون ${num(p.column)}`
        : p.line !== null
          ? ` در سطر ${num(p.line)}`
          : '';
    return `${name(p.file)}${where} ${latin('JSON')} معتبری نیست. ${theirWords(`خوانندهٔ ${latin('JSON')}`, p.detail)}`;
  },
  'json-not-object': (p) =>
    `${name(p.file)}: رکورد ${num(p.record)} شیء نیست؛ آرایه‌ای از شیءها یا در هر سطر یک شیء لازم است.`,
  'json-no-fields': (p) => `${name(p.file)} هیچ فیلدی ندارد که از آن ستون ساخته شود.`,
  'unreadable-xlsx': (p) =>
    `${name(p.file)} فایل اکسل (${latin('.xlsx')}) خوانایی نیست. ${theirWords('خوانندهٔ اکسل', p.detail)}`,
  'no-such-sheet': (p) =>
    `${name(p.file)} برگه‌ای با نام ${name(p.sheet)} ندارد؛ برگه‌هایش: ${p.sheets.map(name).join('، ')}.`,
  'no-sheet-data': (p) => `${name(p.file)} هیچ برگه‌ای با داده ندارد.`,
  'unreadable-parquet': (p) =>
    `${name(p.file)} فایل ${latin('Parquet')} خوانایی نیست (شاید ناقص یا خراب باشد). ${theirWords(`خوانندهٔ ${latin('Parquet')}`, p.detail)}`,
  'too-large': (p) =>
    `${name(p.file)} برای حافظهٔ زبانهٔ مرورگر بیش از اندازه بزرگ است (${DUCKDB_WASM} در حدود ${num(3)} گیگابایت می‌ایستد). آن را با ${latin('shakhes serve')} (${latin('DuckDB')} بومی روی همین رایانه) باز کنید، یا سطرها یا ستون‌های کمتری بارگذاری کنید.`,
  'over-limit': (p) => {
    const n = (x: number) => (p.what === 'rows' ? `${num(x)} سطر` : latin(byteText(x)));
    const what = {
      rows: `اعلام می‌کند ${n(p.amount)} دارد`,
      bytes: `اعلام می‌کند بازشده‌اش ${n(p.amount)} است`,
      decoded: `پس از بازگشایی حدود ${n(p.amount)} می‌شود`,
      text: `${n(p.amount)} متن ${latin('JSON')} دارد`,
    }[p.what];
    return `${name(p.file)} ${what}؛ سقف ${n(p.limit)} است. پیش از خواندن رد شد: آن را با ${latin('shakhes serve')} (${latin('DuckDB')} بومی روی همین رایانه) باز کنید${p.what === 'text' ? `، آن را به ${latin('CSV')} یا ${latin('Parquet')} تبدیل کنید` : ''} یا برش کوچک‌تری از داده را بارگذاری کنید.`;
  },
  'load-failed': (p) => `${name(p.file)} بارگذاری نشد. ${theirWords(DUCKDB, p.detail)}`,
  unexpected: (p) => `بارگذاری ${name(p.file)} ناموفق بود: ${isolated(p.detail)}`,
  'header-no-rows': (p) => `${name(p.file)} سطر سرستون دارد اما هیچ سطر داده‌ای ندارد.`,
  'title-rows-skipped': (p) =>
    `${num(p.count)} سطر عنوان بالای سرستون در برگهٔ ${name(p.sheet)} کنار گذاشته شد.`,
  'encoding-detected': (p) =>
    `${name(p.file)} با رمزگذاری ${encodingName(p.encoding)} خوانده شد: ${ENCODING_REASONS[p.reason](p.examples)}. اگر متن درست خوانده نمی‌شود، آن را در «گزینه‌های خواندن» عوض کنید.`,
  'encoding-chosen': (p) =>
    `${name(p.file)} به انتخاب شما با رمزگذاری ${encodingName(p.encoding)} خوانده شد؛ به نظر می‌رسد ${encodingName(p.detected)} باشد.`,
  'currency-numbers': (p) =>
    `ستون ${name(p.column)} مبلغ‌هایی به ${name(p.currency)} دارد: به‌صورت عدد خوانده شد و واحد پول روی ستون یادداشت شد.`,
  'mixed-currencies': (p) =>
    `ستون ${name(p.column)} چند واحد پول را با هم دارد (${p.currencies.map(name).join('، ')})، پس متنی ماند: جمع آن‌ها معنایی ندارد.`,
  'read-as-blank': (p) =>
    `${num(p.count)} مقدار (${p.tokens.map(name).join('، ')}) در ${p.columns.map(name).join('، ')} خالی خوانده شد.`,
  'row-number-column': (p) =>
    `ستون نخست سرستون نداشت (ستون شمارهٔ سطر، آن‌گونه که ${latin('R')} و ${latin('pandas')} می‌نویسند)؛ نام آن ${name(p.column)} شد.`,
};

/** Encodings by name as written, with what each is for in Persian. */
const ENCODING_NAMES: Readonly<Record<string, string>> = {
  'windows-1256': `${latin('Windows-1256')} (فارسی و عربی)`,
  'windows-1252': `${latin('Windows-1252')} (لاتین اروپای غربی)`,
};
const encodingName = (e: string) => ENCODING_NAMES[e] ?? latin(e.toUpperCase());

const examples = (words: string[]) => (words.length > 0 ? `، مانند ${words.map(name).join('، ')}` : '');
const ENCODING_REASONS: Record<DetectedEncodingReason, (words: string[]) => string> = {
  'arabic-words': (w) =>
    `فایل ${latin('UTF-8')} نیست و بایت‌های غیر ${latin('ASCII')} آن واژه‌های فارسی یا عربی می‌سازند${examples(w)}`,
  'latin-words': (w) =>
    `فایل ${latin('UTF-8')} نیست و بایت‌های غیر ${latin('ASCII')} آن حرف‌های تکیه‌دار و نشانه‌هایی درون واژه‌های لاتین‌اند${examples(w)}`,
  'not-utf8': () => `فایل ${latin('UTF-8')} نیست و ${latin('Windows-1252')} برای هر بایت نویسه‌ای دارد`,
};
