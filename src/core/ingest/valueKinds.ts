import type { ColumnKind } from '../model/columnKind';
import { currencyMarkOf } from './currency.ts';
import {
  type DateTextOrder,
  detectDateOrder,
  hasTimeOfDay,
  parseDateText,
  parseTimestampText,
} from './dates.ts';
import { excelSerialToIso, excelSerialToTimestamp, isExcelSerialDay } from './excelDates.ts';
import { isMissingValueWord } from './missingValues.ts';
import { parseNumberText } from './numbers.ts';

/**
 * A cell after typing. Dates are `YYYY-MM-DD` and timestamps `YYYY-MM-DD HH:MM:SS`
 * strings, ready for a DATE / TIMESTAMP cast; null is a blank.
 */
type CellValue = number | boolean | string | null;

interface KindOptions {
  decimalComma?: boolean;
  /** How date text is written; detected from the column when absent. */
  dateOrder?: DateTextOrder;
  /** Read numbers in a date or timestamp column as Excel serial days. */
  excelSerials?: boolean;
}

type Coerced = { ok: true; value: CellValue } | { ok: false };

/** One value that did not fit its column: `index` into the values given, `text` as it was. */
interface ValueProblem {
  index: number;
  text: string;
}

interface TypedColumn {
  kind: ColumnKind;
  /** The order date text was read in, when the column is dates from text. */
  dateOrder?: DateTextOrder;
  values: CellValue[];
  problems: ValueProblem[];
  /** Missing-value words (NA, NULL, -) stored as blanks in a typed column; absent when none. */
  readAsBlank?: number;
  /** A number column's currency mark ($, €, USD, ریال), when its amounts carry one. */
  currency?: string;
  /** A text column of amounts in several currencies: the marks, sorted. */
  mixedCurrencies?: string[];
}

/** A column takes a type when this share of its non-blank values fit it; the rest are problems. */
const KIND_SHARE = 0.95;
/** Date text samples enough to tell the order, without scanning a huge column twice. */
const DATE_ORDER_SAMPLES = 2000;

const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = { true: true, false: false };

function isBlank(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'number' && Number.isNaN(value)) ||
    (typeof value === 'string' && value.trim() === '')
  );
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** Spreadsheet dates arrive as Date objects at UTC midnight when they carry no time. */
function isMidnightUtc(d: Date): boolean {
  return d.getTime() % 86_400_000 === 0;
}

function dateToTimestamp(d: Date): string {
  const iso = d.toISOString();
  const ms = iso.slice(19, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms === '.000' ? '' : ms}`;
}

/** The value as the user would have seen it, for problem reports and text columns. */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (isValidDate(value))
    return isMidnightUtc(value) ? value.toISOString().slice(0, 10) : dateToTimestamp(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

type Coercer = (value: unknown, opts: KindOptions) => CellValue | undefined;

function toNumber(value: unknown, opts: KindOptions): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return parseNumberText(value, opts) ?? undefined;
  return undefined;
}

function serialFrom(value: unknown, opts: KindOptions): number | undefined {
  if (!opts.excelSerials) return undefined;
  const n = toNumber(value, opts);
  return n !== undefined && isExcelSerialDay(n) ? n : undefined;
}

const COERCERS: Record<ColumnKind, Coercer> = {
  text: (v) => displayText(v),
  number: toNumber,
  boolean: (v) =>
    typeof v === 'boolean' ? v : typeof v === 'string' ? BOOLEAN_TEXT[v.trim().toLowerCase()] : undefined,
  date: (v, opts) => {
    if (isValidDate(v)) return v.toISOString().slice(0, 10);
    const serial = serialFrom(v, opts);
    if (serial !== undefined) return excelSerialToIso(serial);
    return typeof v === 'string' ? (parseDateText(v, opts.dateOrder ?? 'iso') ?? undefined) : undefined;
  },
  timestamp: (v, opts) => {
    if (isValidDate(v)) return dateToTimestamp(v);
    const serial = serialFrom(v, opts);
    if (serial !== undefined) return excelSerialToTimestamp(serial);
    return typeof v === 'string' ? (parseTimestampText(v, opts.dateOrder ?? 'iso') ?? undefined) : undefined;
  },
};

/** A missing-value word where a number, date or boolean was expected. */
function isMissingIn(value: unknown, kind: ColumnKind): boolean {
  return kind !== 'text' && typeof value === 'string' && isMissingValueWord(value);
}

/**
 * One JSON / XLSX / pasted value as `kind`; a blank is `{ ok: true, value: null }`, and
 * so is a missing-value word (NA, NULL, -) unless the kind is text.
 */
export function coerceValue(value: unknown, kind: ColumnKind, opts: KindOptions = {}): Coerced {
  if (isBlank(value) || isMissingIn(value, kind)) return { ok: true, value: null };
  const coerced = COERCERS[kind](value, opts);
  return coerced === undefined ? { ok: false } : { ok: true, value: coerced };
}

/** Every value as `kind`; values that do not fit become blanks and are listed as problems. */
export function coerceColumn(
  values: readonly unknown[],
  kind: ColumnKind,
  opts: KindOptions = {},
): { values: CellValue[]; problems: ValueProblem[] } {
  const out: CellValue[] = new Array(values.length);
  const problems: ValueProblem[] = [];
  values.forEach((v, index) => {
    const c = coerceValue(v, kind, opts);
    out[index] = c.ok ? c.value : null;
    if (!c.ok) problems.push({ index, text: displayText(v) });
  });
  return { values: out, problems };
}

function dateOrderOf(values: readonly unknown[], opts: KindOptions): DateTextOrder | undefined {
  if (opts.dateOrder) return opts.dateOrder;
  const texts: string[] = [];
  for (const v of values) {
    if (typeof v === 'string' && v.trim() !== '') texts.push(v);
    if (texts.length >= DATE_ORDER_SAMPLES) break;
  }
  return texts.length > 0 ? (detectDateOrder(texts) ?? undefined) : undefined;
}

/**
 * The type of a column and its values: boolean, number or date/timestamp when at least
 * 95% of the non-blank values fit (so a numeric column with a few blanks or a stray
 * "n/a" stays numeric, the stray value reported), else text. A date column with any
 * time of day other than midnight is a timestamp column.
 */
export function typeColumn(values: readonly unknown[], opts: KindOptions = {}): TypedColumn {
  const nonBlank = values.filter((v) => !isBlank(v) && !isMissingIn(v, 'number'));
  const missing = values.filter((v) => isMissingIn(v, 'number')).length;
  const withMissing = (typed: TypedColumn): TypedColumn =>
    missing > 0 ? { ...typed, readAsBlank: missing } : typed;
  const fits = (kind: ColumnKind, o: KindOptions) =>
    nonBlank.length > 0 &&
    nonBlank.filter((v) => coerceValue(v, kind, o).ok).length >= KIND_SHARE * nonBlank.length;

  if (fits('boolean', opts))
    return withMissing({ kind: 'boolean', ...coerceColumn(values, 'boolean', opts) });
  if (fits('number', opts)) {
    const marks = currencyMarks(nonBlank);
    if (marks.length > 1)
      return { kind: 'text', ...coerceColumn(values, 'text', opts), mixedCurrencies: marks };
    const typed = withMissing({ kind: 'number', ...coerceColumn(values, 'number', opts) });
    return marks.length === 1 ? { ...typed, currency: marks[0] } : typed;
  }
  const dateOpts: KindOptions = { ...opts, dateOrder: dateOrderOf(nonBlank, opts) };
  if (fits('date', { ...dateOpts, excelSerials: false })) {
    const timed = nonBlank.some((v) =>
      isValidDate(v) ? !isMidnightUtc(v) : typeof v === 'string' && hasTimeOfDay(v),
    );
    const kind = timed ? 'timestamp' : 'date';
    const typed = coerceColumn(values, kind, dateOpts);
    return withMissing(
      dateOpts.dateOrder ? { kind, dateOrder: dateOpts.dateOrder, ...typed } : { kind, ...typed },
    );
  }
  return { kind: 'text', ...coerceColumn(values, 'text', opts) };
}

/** The distinct currency marks of a column's text values, sorted. */
function currencyMarks(values: readonly unknown[]): string[] {
  const marks = new Set<string>();
  for (const v of values) {
    const mark = typeof v === 'string' ? currencyMarkOf(v) : null;
    if (mark !== null) marks.add(mark);
  }
  return [...marks].sort();
}

/** The column type `typeColumn` would choose. */
export function inferKind(values: readonly unknown[], opts: KindOptions = {}): ColumnKind {
  return typeColumn(values, opts).kind;
}
