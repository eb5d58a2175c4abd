import { detectDateOrder, parseDateText } from '../../core/ingest/dates';
import { duckdb } from '../../core/sql/dialect';
import { textColumnsToIPC } from '../arrowText';
import type { Engine } from '../engine';
import type { ColumnInfo, ColumnKind, DateOrder, ImportProblem } from './types';

/**
 * Text columns that hold numbers, dates or booleans become typed columns here, for
 * every format alike. A column is converted when at least this share of its
 * non-blank values parse; the rest become blanks and are reported, never dropped
 * silently.
 */
const CONVERT_SHARE = 0.95;
const MAX_PROBLEM_SAMPLES = 20;
const DATE_SAMPLE = 500;
const STATS_SAMPLE = 5_000;
const MAX_MAPPED_DATES = 200_000;

const q = duckdb.quoteIdent;

export interface TypingOptions {
  decimalComma?: boolean;
  dateOrder?: DateOrder | 'auto';
}

/** A column's text made ASCII: Persian and Arabic-Indic digits and separators. */
function asciiText(ref: string): string {
  return `translate(trim(${ref}), '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫٬', '01234567890123456789.,')`;
}

/**
 * Text to DOUBLE: thousands separators only in groups of three (so "3,5" is never 35),
 * decimal comma on request, and "12,5%" read as 0.125.
 */
function numberExpr(ref: string, decimalComma: boolean): string {
  const t = asciiText(ref);
  const body = `regexp_replace(${t}, '\\s*%$', '')`;
  const grouped = decimalComma
    ? `CASE WHEN regexp_full_match(${body}, '[+-]?\\d{1,3}(\\.\\d{3})+(,\\d*)?') THEN replace(${body}, '.', '') ELSE ${body} END`
    : `CASE WHEN regexp_full_match(${body}, '[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?') THEN replace(${body}, ',', '') ELSE ${body} END`;
  const normal = decimalComma ? `replace(${grouped}, ',', '.')` : grouped;
  return `(TRY_CAST(${normal} AS DOUBLE) * CASE WHEN ends_with(${t}, '%') THEN 0.01 ELSE 1 END)`;
}

const nonBlank = (ref: string) => `nullif(trim(${ref}), '') IS NOT NULL`;
/** Every expression names its table so a joined date mapping can never shadow a column. */
const STAGE = '__stage';
const ref = (col: string) => `${STAGE}.${q(col)}`;

interface Conversion {
  column: string;
  kind: ColumnKind;
  /** Expression over the staging row giving the typed value. */
  expr: string;
  /** A mapping table joined in (dates in orders DuckDB cannot parse, like Jalali). */
  mapping?: string;
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
}

async function statsFor(engine: Engine, table: string, cols: string[], decimalComma: boolean) {
  const parts = cols.flatMap((c, i) => [
    `count(*) FILTER (WHERE ${nonBlank(ref(c))}) AS "nb${i}"`,
    `count(${numberExpr(ref(c), decimalComma)}) AS "num${i}"`,
    // The same text read with a decimal comma, so "850,25" is found without asking.
    `count(${numberExpr(ref(c), true)}) AS "numdc${i}"`,
    `count(TRY_CAST(${asciiText(ref(c))} AS DATE)) FILTER (WHERE length(trim(${ref(c)})) = 10) AS "date${i}"`,
    `count(TRY_CAST(${asciiText(ref(c))} AS TIMESTAMP)) FILTER (WHERE length(trim(${ref(c)})) > 10) AS "ts${i}"`,
    `count(*) FILTER (WHERE lower(trim(${ref(c)})) IN ('true', 'false')) AS "bool${i}"`,
    `count(*) FILTER (WHERE regexp_matches(${asciiText(ref(c))}, '^1[34]\\d\\d[/.-]\\d{1,2}[/.-]\\d{1,2}')) AS "jal${i}"`,
  ]);
  // Deciding a column's type needs a sample, not the whole table; the full table is
  // then checked once for the values that do not fit.
  const row = (
    await engine.query(
      `SELECT ${parts.join(', ')} FROM (SELECT * FROM ${q(table)} LIMIT ${STATS_SAMPLE}) AS ${STAGE}`,
    )
  ).toArray()[0];
  return cols.map(
    (_, i): ColumnStats => ({
      nonBlank: Number(row[`nb${i}`]),
      num: Number(row[`num${i}`]),
      numDecimalComma: Number(row[`numdc${i}`]),
      date: Number(row[`date${i}`]),
      ts: Number(row[`ts${i}`]),
      bool: Number(row[`bool${i}`]),
      jalali: Number(row[`jal${i}`]),
    }),
  );
}

async function distinctText(engine: Engine, table: string, col: string, limit: number, sampled: boolean) {
  const from = sampled ? `(SELECT * FROM ${q(table)} LIMIT ${STATS_SAMPLE})` : q(table);
  const r = await engine.query(
    `SELECT DISTINCT trim(${ref(col)}) AS v FROM ${from} AS ${STAGE} WHERE ${nonBlank(ref(col))} LIMIT ${limit}`,
  );
  return r.toArray().map((x) => String(x.v));
}

/** Dates written in an order DuckDB cannot cast (d/m/y, m/d/y, Jalali, Persian digits): mapped in JS. */
async function dateMapping(
  engine: Engine,
  table: string,
  col: string,
  index: number,
  forced: DateOrder | undefined,
): Promise<Conversion | undefined> {
  const sample = await distinctText(engine, table, col, DATE_SAMPLE, true);
  const order = forced ?? detectDateOrder(sample);
  if (!order) return undefined;
  const all = await distinctText(engine, table, col, MAX_MAPPED_DATES + 1, false);
  if (all.length > MAX_MAPPED_DATES) return undefined;
  const __raw: string[] = [];
  const __iso: string[] = [];
  for (const v of all) {
    const d = parseDateText(v, order);
    if (d) {
      __raw.push(v);
      __iso.push(d);
    }
  }
  if (__raw.length < all.length * CONVERT_SHARE) return undefined;
  const mapping = `__datemap_${index}`;
  await engine.insertArrowIPC(mapping, textColumnsToIPC({ __raw, __iso }));
  return { column: col, kind: 'date', mapping, expr: `TRY_CAST(${q(mapping)}.__iso AS DATE)` };
}

function decide(col: string, s: ColumnStats, decimalComma: boolean): Conversion | undefined {
  if (s.nonBlank === 0) return undefined;
  const enough = (n: number) => n >= s.nonBlank * CONVERT_SHARE;
  if (enough(s.jalali)) return undefined;
  const r = ref(col);
  if (enough(s.num)) return { column: col, kind: 'number', expr: numberExpr(r, decimalComma) };
  if (enough(s.numDecimalComma)) return { column: col, kind: 'number', expr: numberExpr(r, true) };
  // COALESCE tries the plain cast first and only cleans the text of rows it failed on.
  if (enough(s.date))
    return {
      column: col,
      kind: 'date',
      expr: `COALESCE(TRY_CAST(${r} AS DATE), TRY_CAST(${asciiText(r)} AS DATE))`,
    };
  if (enough(s.date + s.ts))
    return {
      column: col,
      kind: 'timestamp',
      expr: `COALESCE(TRY_CAST(${r} AS TIMESTAMP), TRY_CAST(${asciiText(r)} AS TIMESTAMP))`,
    };
  if (s.bool === s.nonBlank)
    return { column: col, kind: 'boolean', expr: `TRY_CAST(lower(trim(${r})) AS BOOLEAN)` };
  return undefined;
}

export interface TypingResult {
  problems: { count: number; samples: ImportProblem[] };
}

/**
 * Rebuilds `staging` into `target` with text columns typed. Rows keep their order.
 * Problem rows are 1-based positions in the staging table.
 */
export async function typeColumns(
  engine: Engine,
  staging: string,
  target: string,
  columns: ColumnInfo[],
  options: TypingOptions,
): Promise<TypingResult> {
  const decimalComma = options.decimalComma ?? false;
  const forcedOrder = options.dateOrder && options.dateOrder !== 'auto' ? options.dateOrder : undefined;
  const textCols = columns.filter((c) => c.kind === 'text').map((c) => c.name);
  const conversions = new Map<string, Conversion>();
  if (textCols.length > 0) {
    const stats = await statsFor(engine, staging, textCols, decimalComma);
    for (const [i, col] of textCols.entries()) {
      const s = stats[i];
      const direct = forcedOrder ? undefined : decide(col, s, decimalComma);
      const conv =
        direct ??
        (s.nonBlank > 0 && s.num < s.nonBlank * CONVERT_SHARE
          ? await dateMapping(engine, staging, col, i, forcedOrder)
          : forcedOrder
            ? decide(col, s, decimalComma)
            : undefined);
      if (conv) conversions.set(col, conv);
    }
  }

  const list = [...conversions.values()];
  const select = columns
    .map((c) => {
      const conv = conversions.get(c.name);
      return conv ? `${conv.expr} AS ${q(c.name)}` : ref(c.name);
    })
    .join(', ');
  const problems = await collectProblems(engine, staging, list);
  const order = list.some((c) => c.mapping) ? ` ORDER BY ${STAGE}.rowid` : '';
  await engine.query(
    `CREATE OR REPLACE TABLE ${q(target)} AS SELECT ${select} ${fromWithMappings(staging, list)}${order}`,
  );
  for (const c of conversions.values()) if (c.mapping) await engine.query(`DROP TABLE ${q(c.mapping)}`);
  return { problems };
}

function fromWithMappings(staging: string, conversions: Conversion[]): string {
  const joins = conversions
    .filter((c) => c.mapping)
    .map((c) => `LEFT JOIN ${q(c.mapping!)} ON ${q(c.mapping!)}.__raw = trim(${ref(c.column)})`);
  return [`FROM ${q(staging)} AS ${STAGE}`, ...joins].join(' ');
}

async function collectProblems(engine: Engine, staging: string, conversions: Conversion[]) {
  if (conversions.length === 0) return { count: 0, samples: [] };
  const failure = (c: Conversion) => `${nonBlank(ref(c.column))} AND (${c.expr}) IS NULL`;
  const failing = (c: Conversion) => `${fromWithMappings(staging, [c])} WHERE ${failure(c)}`;
  const counts = conversions.map((c, i) => `count(*) FILTER (WHERE ${failure(c)}) AS "n${i}"`).join(', ');
  const countRow = (
    await engine.query(`SELECT ${counts} ${fromWithMappings(staging, conversions)}`)
  ).toArray()[0];
  const perColumn = conversions.map((_, i) => Number(countRow[`n${i}`]));
  const count = perColumn.reduce((a, b) => a + b, 0);
  const samples: ImportProblem[] = [];
  for (const [i, c] of conversions.entries()) {
    if (perColumn[i] === 0 || samples.length >= MAX_PROBLEM_SAMPLES) continue;
    const rows = await engine.query(
      `SELECT ${STAGE}.rowid + 1 AS r, ${ref(c.column)} AS v ${failing(c)} ORDER BY ${STAGE}.rowid LIMIT ${MAX_PROBLEM_SAMPLES - samples.length}`,
    );
    for (const r of rows.toArray())
      samples.push({ column: c.column, row: Number(r.r), value: String(r.v), expected: c.kind });
  }
  return { count, samples };
}
