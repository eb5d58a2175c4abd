import type { Utf8 } from 'apache-arrow';
import { type DateTextOrder, detectDateOrder } from '../../core/ingest/dates';
import type { ColumnKind } from '../../core/model/columnKind';
import { duckdb } from '../../core/sql/dialects/registry';
import { dropSql } from '../../core/sql/tableDdl';
import type { Engine } from '../engine';
import { columnStrings } from './arrowStrings';
import { CONVERT_SHARE, type SampleVerdict, sampleVerdict } from './sampleKinds';
import type { DateOrder } from './types';
import {
  asciiText,
  booleanExpr,
  currencyMarkExpr,
  dateExpr,
  moneyExpr,
  numberExpr,
  present,
  ref,
  STAGE,
  timestampExpr,
} from './typingSql';

/** Rows a column's type is decided on; the full data is only ever read once more, typed. */
export const STATS_SAMPLE = 5_000;
const DATE_SAMPLE = 500;

const q = duckdb.quoteIdent;

export interface TypingOptions {
  decimalComma?: boolean;
  dateOrder?: DateOrder | 'auto';
}

/** A DuckDB type the CSV reader can give a column itself, with the same values as `expr`. */
export type ReadType = 'DATE' | 'TIMESTAMP' | 'BOOLEAN';

export interface Conversion {
  column: string;
  kind: ColumnKind;
  /** Expression over the text row (`__stage`) giving the typed value. */
  expr: string;
  /** Set when the sample was clean: the CSV reader may type the column directly. */
  readAs?: ReadType;
  /** The currency mark its amounts were written with ($, €, USD, ریال), when they had one. */
  currency?: string;
}

/** A column of amounts in several currencies, left as text. */
export interface MixedCurrencies {
  column: string;
  currencies: string[];
}

/** Dates in an order DuckDB cannot cast (d/m/y, m/d/y, Jalali): mapped in JS once all values are in. */
export interface DateMappingPlan {
  column: string;
  order: DateTextOrder;
}

export interface TypingPlan {
  conversions: Map<string, Conversion>;
  mappings: DateMappingPlan[];
  mixedCurrencies: MixedCurrencies[];
}

interface ColumnStats {
  nonBlank: number;
  num: number;
  numDecimalComma: number;
  date: number;
  ts: number;
  bool: number;
  /** Dates with a year 1300–1499 first: Solar Hijri, which DuckDB would misread as Gregorian. */
  jalali: number;
  /** Amounts read with a currency mark or accounting parentheses allowed, without and with a decimal comma. */
  money: number;
  moneyDecimalComma: number;
  /** The distinct currency marks written, sorted. */
  marks: string[];
}

/** Separates the marks `string_agg` joins; no currency mark holds it. */
const MARK_SEPARATOR = '\u001f';

async function statsFor(engine: Engine, sample: string, cols: string[], decimalComma: boolean) {
  const parts = cols.flatMap((c, i) => [
    `count(*) FILTER (WHERE ${present(ref(c))}) AS "nb${i}"`,
    `count(${numberExpr(ref(c), decimalComma)}) AS "num${i}"`,
    // The same text read with a decimal comma, so "850,25" is found without asking.
    `count(${numberExpr(ref(c), true)}) AS "numdc${i}"`,
    `count(TRY_CAST(${asciiText(ref(c))} AS DATE)) FILTER (WHERE length(trim(${ref(c)})) = 10) AS "date${i}"`,
    `count(TRY_CAST(${asciiText(ref(c))} AS TIMESTAMP)) FILTER (WHERE length(trim(${ref(c)})) > 10) AS "ts${i}"`,
    `count(*) FILTER (WHERE lower(trim(${ref(c)})) IN ('true', 'false')) AS "bool${i}"`,
    `count(*) FILTER (WHERE regexp_matches(${asciiText(ref(c))}, '^1[34]\\d\\d[/.-]\\d{1,2}[/.-]\\d{1,2}')) AS "jal${i}"`,
  ]);
  const row = (await engine.query(`SELECT ${parts.join(', ')} FROM ${sample} AS ${STAGE}`)).toArray()[0];
  const stats = cols.map(
    (_, i): ColumnStats => ({
      nonBlank: Number(row[`nb${i}`]),
      num: Number(row[`num${i}`]),
      numDecimalComma: Number(row[`numdc${i}`]),
      date: Number(row[`date${i}`]),
      ts: Number(row[`ts${i}`]),
      bool: Number(row[`bool${i}`]),
      jalali: Number(row[`jal${i}`]),
      money: 0,
      moneyDecimalComma: 0,
      marks: [],
    }),
  );
  await addMoneyStats(engine, sample, cols, stats, decimalComma);
  return stats;
}

/**
 * Amount statistics, in a second query over the sample and only for the columns that
 * plain numbers do not settle, so a file of clean numbers pays nothing for them.
 */
async function addMoneyStats(
  engine: Engine,
  sample: string,
  cols: string[],
  stats: ColumnStats[],
  decimalComma: boolean,
) {
  const open = cols.flatMap((c, i) => {
    const s = stats[i];
    const settled = Math.max(s.num, s.numDecimalComma) >= s.nonBlank * CONVERT_SHARE;
    return s.nonBlank > 0 && !settled ? [{ c, i }] : [];
  });
  if (open.length === 0) return;
  const parts = open.flatMap(({ c, i }) => [
    `count(${moneyExpr(ref(c), decimalComma)}) AS "mon${i}"`,
    `count(${moneyExpr(ref(c), true)}) AS "mondc${i}"`,
    `string_agg(DISTINCT ${currencyMarkExpr(ref(c))}, chr(31)) AS "cur${i}"`,
  ]);
  const row = (await engine.query(`SELECT ${parts.join(', ')} FROM ${sample} AS ${STAGE}`)).toArray()[0];
  for (const { i } of open) {
    const marks = row[`cur${i}`];
    stats[i].money = Number(row[`mon${i}`]);
    stats[i].moneyDecimalComma = Number(row[`mondc${i}`]);
    stats[i].marks = marks == null ? [] : String(marks).split(MARK_SEPARATOR).sort();
  }
}

function decide(col: string, s: ColumnStats, decimalComma: boolean): Conversion | undefined {
  if (s.nonBlank === 0) return undefined;
  const enough = (n: number) => n >= s.nonBlank * CONVERT_SHARE;
  if (enough(s.jalali)) return undefined;
  const r = ref(col);
  if (enough(s.num)) return { column: col, kind: 'number', expr: numberExpr(r, decimalComma) };
  if (enough(s.numDecimalComma)) return { column: col, kind: 'number', expr: numberExpr(r, true) };
  // Amounts in one currency are numbers in it; in several they cannot be added up, and stay text.
  const currency = s.marks.length === 1 ? { currency: s.marks[0] } : {};
  if (s.marks.length <= 1 && enough(s.money))
    return { column: col, kind: 'number', expr: moneyExpr(r, decimalComma), ...currency };
  if (s.marks.length <= 1 && enough(s.moneyDecimalComma))
    return { column: col, kind: 'number', expr: moneyExpr(r, true), ...currency };
  if (enough(s.date)) return { column: col, kind: 'date', expr: dateExpr(r) };
  if (enough(s.date + s.ts)) return { column: col, kind: 'timestamp', expr: timestampExpr(r) };
  if (s.bool === s.nonBlank) return { column: col, kind: 'boolean', expr: booleanExpr(r) };
  return undefined;
}

const EXPRESSIONS = { date: dateExpr, timestamp: timestampExpr, boolean: booleanExpr } as const;
const READ_TYPES = { date: 'DATE', timestamp: 'TIMESTAMP', boolean: 'BOOLEAN' } as const;

function fromVerdict(col: string, v: Exclude<SampleVerdict, { kind: 'text' }>): Conversion {
  const conv: Conversion = { column: col, kind: v.kind, expr: EXPRESSIONS[v.kind](ref(col)) };
  return v.clean ? { ...conv, readAs: READ_TYPES[v.kind] } : conv;
}

async function sampleValues(engine: Engine, sample: string, cols: string[]) {
  const table = await engine.query(`SELECT ${cols.map((c) => q(c)).join(', ')} FROM ${sample} AS ${STAGE}`);
  return cols.map((_, i) => columnStrings(table.getChildAt<Utf8>(i), table.numRows));
}

async function distinctSample(engine: Engine, sample: string, col: string) {
  const r = await engine.query(
    `SELECT DISTINCT trim(${ref(col)}) AS v FROM ${sample} AS ${STAGE} WHERE ${present(ref(col))} LIMIT ${DATE_SAMPLE}`,
  );
  return r.toArray().map((x) => String(x.v));
}

/**
 * The typing rules as SQL statistics over the sample: every text column, every rule.
 * `planTyping` settles most columns in JS first and leaves only the rest to this.
 */
export async function planBySql(
  engine: Engine,
  sample: string,
  textCols: string[],
  options: TypingOptions,
): Promise<TypingPlan> {
  const decimalComma = options.decimalComma ?? false;
  const forcedOrder = options.dateOrder && options.dateOrder !== 'auto' ? options.dateOrder : undefined;
  const conversions = new Map<string, Conversion>();
  const mappings: DateMappingPlan[] = [];
  const mixedCurrencies: MixedCurrencies[] = [];
  if (textCols.length === 0) return { conversions, mappings, mixedCurrencies };
  const stats = await statsFor(engine, sample, textCols, decimalComma);
  for (const [i, col] of textCols.entries()) {
    const s = stats[i];
    const direct = forcedOrder ? undefined : decide(col, s, decimalComma);
    if (s.marks.length > 1 && Math.max(s.money, s.moneyDecimalComma) >= s.nonBlank * CONVERT_SHARE)
      mixedCurrencies.push({ column: col, currencies: s.marks });
    if (direct) conversions.set(col, direct);
    else if (s.nonBlank > 0 && s.num < s.nonBlank * CONVERT_SHARE) {
      const order = forcedOrder ?? detectDateOrder(await distinctSample(engine, sample, col));
      if (order) mappings.push({ column: col, order });
    } else if (forcedOrder) {
      const conv = decide(col, s, decimalComma);
      if (conv) conversions.set(col, conv);
    }
  }
  return { conversions, mappings, mixedCurrencies };
}

/**
 * Decides, on a sample (`sample` is a relation: a table or a parenthesised SELECT),
 * how each text column is typed. Nothing here reads the full data, so a loader can
 * fold the typing into its one pass over it. When the sample is costly to evaluate (a
 * CSV read) and the SQL rules are needed, it is first copied into the table `scratch`.
 */
export async function planTyping(
  engine: Engine,
  sample: string,
  textCols: string[],
  options: TypingOptions,
  scratch?: string,
): Promise<TypingPlan> {
  // A chosen date order changes how every column is read, so only the SQL rules apply then.
  const sqlOnly = options.dateOrder !== undefined && options.dateOrder !== 'auto';
  const settled = new Map<string, Conversion>();
  const rest: string[] = [];
  if (sqlOnly) rest.push(...textCols);
  else if (textCols.length > 0) {
    const values = await sampleValues(engine, sample, textCols);
    for (const [i, col] of textCols.entries()) {
      const verdict = sampleVerdict(values[i]);
      if (!verdict) rest.push(col);
      else if (verdict.kind !== 'text') settled.set(col, fromVerdict(col, verdict));
    }
  }
  if (rest.length === 0) return { conversions: settled, mappings: [], mixedCurrencies: [] };
  if (!scratch) return merge(await planBySql(engine, sample, rest, options), settled);
  try {
    await engine.query(`CREATE OR REPLACE TABLE ${q(scratch)} AS SELECT * FROM ${sample} AS ${STAGE}`);
    return merge(await planBySql(engine, q(scratch), rest, options), settled);
  } finally {
    await engine.query(dropSql(duckdb, scratch));
  }
}

function merge(plan: TypingPlan, settled: ReadonlyMap<string, Conversion>): TypingPlan {
  for (const [col, conv] of settled) plan.conversions.set(col, conv);
  return plan;
}
