import { type DiagnosticFormatters, quoted, visibleChar } from '../core/formula/diagnostics';
import { END_OF_FORMULA } from '../core/formula/parser';
import type { ParamType } from '../core/formula/registry';
import { NO_TABLE, PARAM_WORDS, TYPE_WORDS } from '../core/formula/typeRules';
import type { ColumnKind } from '../core/model/columnKind';
import { quotedCode as code, isolated, ltr, quotedName as name } from './isolate';
import { localizeDigits } from './locale';

/**
 * Formula diagnostics in Persian, one per code of core/formula/diagnostics.ts (the compiler
 * fails when a code has none). What the user wrote (function, table and column names,
 * pieces of formula) stays as written, isolated so it keeps its own order in a
 * right-to-left sentence: formula pieces left to right as the formula bar shows them,
 * names in their own direction.
 */

/** A function name, as written, without quotes. */
const fn = ltr;
const num = (n: number) => localizeDigits(String(n));
const didYouMean = (s: string | null) => (s === null ? '' : `؛ منظورتان ${code(s)} بود؟`);

const TYPE_WORDS_FA: Readonly<Record<ColumnKind, string>> = {
  number: 'عدد',
  text: 'متن',
  boolean: 'شرط (درست/نادرست)',
  date: 'تاریخ',
  timestamp: 'تاریخ و زمان',
};

const PARAM_WORDS_FA: Readonly<Record<ParamType, string>> = {
  number: 'عدد',
  text: 'متن',
  boolean: 'شرط (درست/نادرست)',
  datelike: 'تاریخ',
  orderable: 'عدد، متن یا تاریخ',
  any: 'یک مقدار',
  table: 'نام جدول',
};

/** Core's English words in a diagnostic's parameters (types, the end of the formula), in Persian. */
const WORDS = new Map<string, string>([
  ...Object.entries(TYPE_WORDS).map(([k, en]) => [en, TYPE_WORDS_FA[k as ColumnKind]] as const),
  ...Object.entries(PARAM_WORDS).map(([k, en]) => [en, PARAM_WORDS_FA[k as ParamType]] as const),
  [END_OF_FORMULA, 'پایان فرمول'],
]);

/** A word core chose (a type, the end of the formula), or a `quoted` piece of formula. */
function word(s: string): string {
  const w = WORDS.get(s);
  if (w !== undefined) return w;
  const quoted = /^`(.*)`$/s.exec(s);
  return quoted ? code(quoted[1]) : isolated(s);
}

export const diagnosticsFa: DiagnosticFormatters = {
  'unexpected-character': (p) => `${code(visibleChar(p.char))} را نمی‌توان در فرمول به کار برد`,
  'unterminated-text': () => `این متن با ${code('"')} بسته نشده است`,
  'unterminated-name': () => `این نام با ${code(']')} بسته نشده است`,
  'expected-value': (p) =>
    p.found === END_OF_FORMULA
      ? 'اینجا عدد، متن، نام یا تابعی لازم است، اما فرمول تمام شده است'
      : `اینجا عدد، متن، نام یا تابعی لازم است، اما ${word(p.found)} آمده است`,
  'unexpected-token': (p) => `${word(p.found)} اینجا نابه‌جاست؛ عملگر یا ${code(',')} جا افتاده است؟`,
  'missing-close-paren': (p) => `${code(p.opened)} که اینجا باز شده بسته نشده است؛ ${code(')')} بیفزایید`,
  'bad-date': (p) => `${code(p.text)} تاریخ نیست؛ تاریخ را به شکل ${code('DATE("2024-01-31")')} بنویسید`,
  'bad-name': (p) =>
    `${code(p.text)} نام نیست؛ به شکل ${code('table.column')} یا ${code('[نام دلخواه]')} بنویسید`,
  'empty-formula': () => 'فرمول خالی است',
  'unknown-name': (p) =>
    p.table === null
      ? `شاخصی با نام ${name(p.name)} نیست${p.suggestion === null ? '، و این شاخص جدولی ندارد که ستونی در آن جست‌وجو شود' : ''}${didYouMean(p.suggestion)}`
      : `نه شاخصی با نام ${name(p.name)} هست و نه ستونی در جدول ${name(p.table)}${didYouMean(p.suggestion)}`,
  'unknown-table': (p) => `جدولی با نام ${name(p.table)} نیست${didYouMean(p.suggestion)}`,
  'unknown-column': (p) =>
    `جدول ${name(p.table)} ستونی با نام ${name(p.column)} ندارد${didYouMean(p.suggestion)}`,
  'ambiguous-name': (p) =>
    `${name(p.name)} هم نام یک شاخص است و هم نام ستونی از ${name(p.table)}؛ برای ستون بنویسید ${code(`${p.table}.${p.name}`)}، یا نام شاخص را عوض کنید`,
  'unknown-function': (p) => `تابعی با نام ${code(p.name)} نیست${didYouMean(p.suggestion)}`,
  'needs-parentheses': (p) => `${code(p.name)} تابع است؛ بنویسید ${code(`${p.name}()`)}`,
  'arg-count': (p) => {
    const want =
      p.max === null
        ? `دست‌کم ${num(p.min)}`
        : p.min === p.max
          ? num(p.min)
          : `${num(p.min)} تا ${num(p.max)}`;
    const given = p.found === 0 ? 'هیچ آرگومانی داده نشده است' : `${num(p.found)} آرگومان داده شده است`;
    return `تابع ${fn(p.fn)} ${want} آرگومان می‌گیرد، اما ${given}`;
  },
  'arg-type': (p) =>
    `تابع ${fn(p.fn)} برای ${code(p.param)} ${word(p.expected)} می‌خواهد، اما این ${word(p.found)} است`,
  'operator-type': (p) =>
    p.right === null
      ? `${code(p.op)} را نمی‌توان روی ${word(p.left)} به کار برد`
      : `${code(p.op)} را نمی‌توان میان ${word(p.left)} و ${word(p.right)} به کار برد`,
  'mixed-types': (p) =>
    `همهٔ مقدارهای ${fn(p.fn)} باید از یک نوع باشند، اما ${word(p.first)} و ${word(p.other)} با هم آمده‌اند`,
  'constant-required': (p) =>
    `${code(p.param)} در تابع ${fn(p.fn)} باید مقداری ثابت باشد، نه برگرفته از داده‌ها`,
  'arg-range': (p) =>
    `${code(p.param)} در تابع ${fn(p.fn)} باید ${p.whole ? 'عددی صحیح' : 'عددی'} از ${num(p.min)} تا ${num(p.max)} باشد، اما این ${code(p.found)} است`,
  'control-character': (p) =>
    `${p.within === 'text' ? 'متن' : 'نام'} نمی‌تواند نویسهٔ کنترلی نامرئی ${ltr(p.char)} را داشته باشد؛ آن را پاک کنید`,
  'lookback-too-long': (p) =>
    `این شاخص (با شاخص‌هایی که به کار می‌برد) بیش از ${num(p.years)} سال به گذشته برمی‌گردد؛ در ${fn('PREV')} یا ${fn('ROLLING')} عدد کوچک‌تری بنویسید یا دورهٔ بزرگ‌تری برگزینید`,
  'bare-column': (p) =>
    `${name(p.column)} برای هر سطر مقداری دارد، اما شاخص برای هر دوره یک مقدار می‌خواهد؛ آن را در تابعی تجمیعی بگذارید، مانند ${code(`SUM(${p.column})`)} یا ${code(`AVERAGE(${p.column})`)}`,
  'nested-aggregate': (p) =>
    `${fn(p.inner)} خود برای هر دوره یک مقدار است و نمی‌تواند درون ${fn(p.outer)} بیاید؛ تابع‌های تجمیعی تودرتو نمی‌شوند`,
  'time-needs-kpi': (p) =>
    `${fn(p.fn)} روی مقدار شاخص‌ها کار می‌کند (نام یک شاخص یا تجمیعی مانند ${code('SUM(x)')})، نه روی مقدار سطرها`,
  'nested-time': (p) =>
    `${fn(p.inner)} نمی‌تواند درون ${fn(p.outer)} بیاید؛ ${code(`${p.inner}(…)`)} را شاخصی جدا کنید و نامش را به کار ببرید`,
  'time-needs-grain': (p) =>
    `${fn(p.fn)} دوره‌ها را با هم می‌سنجد، پس دورهٔ زمانی لازم دارد (روز، هفته، ماه، فصل یا سال)`,
  'not-row-level': (p) =>
    `ستون ساخته‌شده برای هر سطر فایل جداگانه حساب می‌شود، پس ${fn(p.fn)} اینجا به کار نمی‌رود؛ از ستون‌های همان سطر استفاده کنید`,
  'kpi-cycle': (p) => `این شاخص‌ها در یک چرخه به یکدیگر ارجاع می‌دهند: ${ltr(p.path.join(' → '))}`,
  'kpi-has-errors': (p) => `شاخص ${name(p.id)} خطا دارد؛ نخست آن را درست کنید`,
  'unknown-kpi-table': (p) => `جدول شاخص، ${name(p.table)}، وجود ندارد${didYouMean(p.suggestion)}`,
  'bad-time-column': (p) =>
    p.found !== null
      ? `ستون تاریخ شاخص، ${name(p.column)}، ${word(p.found)} دارد، نه تاریخ`
      : p.table === NO_TABLE
        ? `ستون ${name(p.column)} را نمی‌توان تاریخ شاخص گرفت: شاخص جدولی ندارد`
        : `جدول ${name(p.table)} ستونی با نام ${name(p.column)} ندارد که تاریخ شاخص باشد`,
  'filter-not-condition': (p) =>
    `فیلتر باید شرط باشد (برای هر سطر درست یا نادرست)، اما این ${word(p.found)} است`,
  'filter-aggregate': () => 'فیلتر سطر به سطر بررسی می‌شود، پس نمی‌تواند تابع تجمیعی یا مقدار شاخص داشته باشد',
  'unlinked-tables': (p) =>
    `${p.tables.map(name).join(' و ')} با پیوندی به هم وصل نیستند، پس نمی‌توان آن‌ها را در یک تجمیع با هم آورد؛ پیوندی تعریف کنید یا برای هر جدول تجمیعی جدا بنویسید`,
  'no-source-table': (p) =>
    `${fn(p.fn)} جدولی لازم دارد: ستونی را به شکل ${code('table.column')} نام ببرید یا جدول شاخص را تعیین کنید`,
  'not-a-table': (p) => `${fn(p.fn)} اینجا نام جدول می‌خواهد، مانند ${code(`${p.fn}(deals)`)}`,
  'breakdown-unknown': (p) =>
    `نمی‌توان به تفکیک ${code(`${p.table}.${p.column}`)} دید: چنین ستونی نیست${didYouMean(p.suggestion)}`,
  'breakdown-unreachable': (p) =>
    `شاخص ${name(p.kpi)} روی جدول ${name(p.from)} شمرده می‌شود که پیوندی به ${name(p.to)} ندارد، پس نمی‌توان آن را به این تفکیک دید`,
  'bad-range': (p) => `${code(p.text)} تاریخ نیست؛ بازه را به شکل ${code('YYYY-MM-DD')} بنویسید`,
  'duplicate-kpi': (p) => `دو شاخص شناسهٔ ${name(p.id)} را دارند`,
  'text-no-match': (p) => {
    const never = `${code(p.column)} هیچ‌جا ${name(p.text)} ندارد`;
    if (p.suggestion === null)
      return `${never}، پس این مقایسه با هیچ سطری جور نمی‌شود؛ متن دقیقاً مقایسه می‌شود`;
    const meant = `${never}؛ منظورتان ${name(p.suggestion)} بود؟`;
    if (!p.caseOnly) return meant;
    return `${meant} متن دقیقاً و با بزرگی و کوچکی حروف مقایسه می‌شود (تابع ${code('EXACT()')} وجود ندارد: ${code('=')} خودش دقیق است)؛ برای نادیده گرفتن بزرگی و کوچکی حروف بنویسید ${code(`LOWER(${p.column}) = ${quoted(p.text.toLowerCase())}`)}`;
  },
};
