import { lookupFunction, type RowFunction } from '../formula/registry';
import type { Dialect } from '../sql/dialect';
import { canonicalTable } from './canonical';
import type { ColumnKind } from './columnKind';
import type { TableMapping } from './mapping';
import { SPAN_RULES, type SpanRule } from './mappingSpans';
import { mappedColumns, mappingSelectSql } from './mappingView';

/** What the preview measures for a mapping: its date columns and the spans between them. */
interface PlausibilityPlan {
  readonly sql: string;
  /** Canonical date columns, in the order of their `d<i>_…` result columns. */
  readonly dates: readonly string[];
  /** Spans whose two ends are both mapped, in the order of their `s<i>_…` result columns. */
  readonly spans: readonly SpanRule[];
}

export interface DateMeasure {
  readonly column: string;
  readonly filled: number;
  /** ISO days, or null when the column is empty. */
  readonly min: string | null;
  readonly max: string | null;
  /** Rows dated after today. */
  readonly future: number;
}

export interface SpanMeasure {
  readonly rule: SpanRule;
  /** Rows that have both ends. */
  readonly count: number;
  /** In the unit the rule's function measures (hours or days). */
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Rows whose end is before their start. */
  readonly negative: number;
}

export interface Plausibility {
  readonly rows: number;
  readonly today: string;
  readonly dates: readonly DateMeasure[];
  readonly spans: readonly SpanMeasure[];
}

const isDate = (k: ColumnKind | undefined) => k === 'date' || k === 'timestamp';

/**
 * One query over what the mapping's view would be (mappingSelectSql, before it is
 * made): for each mapped date its fill, range and future rows; for each span a KPI
 * derives, its median, range and the rows that end before they start. `today` is an
 * ISO day given by the caller (CURRENT_DATE needs the ICU extension, never loaded).
 * Null when the mapping has no date column.
 */
export function plausibilityPlan(
  rawTable: string,
  mapping: TableMapping,
  headers: readonly string[],
  kinds: Readonly<Record<string, ColumnKind>>,
  today: string,
  d: Dialect,
): PlausibilityPlan | null {
  const t = mapping.canonicalTable;
  const present = mappedColumns(mapping);
  const dates = (canonicalTable(t)?.columns ?? [])
    .filter((c) => isDate(c.kind) && present.has(`${t}.${c.name}`))
    .map((c) => c.name);
  if (dates.length === 0) return null;
  const spans = SPAN_RULES.filter((r) => r.table === t && dates.includes(r.start) && dates.includes(r.end));
  const q = d.quoteIdent;
  const day = d.dateLiteral(today);
  const measure: string[] = ['COUNT(*) AS "rows"'];
  dates.forEach((column, i) => {
    const c = `CAST(${q(column)} AS DATE)`;
    measure.push(
      `COUNT(${c}) AS d${i}_n`,
      `CAST(MIN(${c}) AS VARCHAR) AS d${i}_min`,
      `CAST(MAX(${c}) AS VARCHAR) AS d${i}_max`,
      `COUNT(*) FILTER (WHERE ${c} > ${day}) AS d${i}_future`,
    );
  });
  const spanSql = spans.map((r) => {
    const f = lookupFunction(r.fn) as RowFunction;
    return f.sql(d, [q(r.start), q(r.end)], { periodStart: 'NULL', periodEnd: 'NULL', today: day });
  });
  spans.forEach((_r, i) => {
    const s = `s${i}`;
    measure.push(
      `COUNT(${s}) AS ${s}_n`,
      `MEDIAN(${s}) AS ${s}_median`,
      `MIN(${s}) AS ${s}_min`,
      `MAX(${s}) AS ${s}_max`,
      `COUNT(*) FILTER (WHERE ${s} < 0) AS ${s}_negative`,
    );
  });
  const view = mappingSelectSql(rawTable, mapping, headers, { dialect: d, kinds });
  const spanCols = spanSql.map((sql, i) => `, CAST(${sql} AS DOUBLE) AS s${i}`).join('');
  const sql = [
    `WITH v AS (${view}),`,
    `w AS (SELECT *${spanCols} FROM v)`,
    `SELECT ${measure.join(',\n  ')}`,
    'FROM w',
  ].join('\n');
  return { sql, dates, spans };
}

const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The plan's one result row (column name → plain value) read into measures. */
export function readPlausibility(
  plan: PlausibilityPlan,
  row: Readonly<Record<string, unknown>>,
  today: string,
): Plausibility {
  return {
    rows: num(row.rows) ?? 0,
    today,
    dates: plan.dates.map((column, i) => ({
      column,
      filled: num(row[`d${i}_n`]) ?? 0,
      min: str(row[`d${i}_min`]),
      max: str(row[`d${i}_max`]),
      future: num(row[`d${i}_future`]) ?? 0,
    })),
    spans: plan.spans.map((rule, i) => ({
      rule,
      count: num(row[`s${i}_n`]) ?? 0,
      median: num(row[`s${i}_median`]),
      min: num(row[`s${i}_min`]),
      max: num(row[`s${i}_max`]),
      negative: num(row[`s${i}_negative`]) ?? 0,
    })),
  };
}

/** Every warning the preview can give, with its parameters (the UI words them). */
export type PlausibilityWarning =
  | { readonly code: 'date-empty'; readonly column: string }
  | { readonly code: 'date-future'; readonly column: string; readonly share: number; readonly today: string }
  | { readonly code: 'span-empty'; readonly span: SpanRule }
  | { readonly code: 'span-negative'; readonly span: SpanRule; readonly share: number }
  | { readonly code: 'span-long'; readonly span: SpanRule; readonly median: number };

/**
 * What looks wrong before the mapping is applied: a date column with no value in
 * any row, dates after today, a span no row has both ends of, rows that end before
 * they start (as a share of the rows with both ends), and a median beyond its rule's
 * limit (mappingSpans.ts says why each limit).
 */
export function judgePlausibility(p: Plausibility): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  const empty = new Set<string>();
  for (const d of p.dates) {
    if (p.rows > 0 && d.filled === 0) {
      empty.add(d.column);
      out.push({ code: 'date-empty', column: d.column });
    } else if (d.future > 0) {
      out.push({ code: 'date-future', column: d.column, share: d.future / d.filled, today: p.today });
    }
  }
  for (const s of p.spans) {
    if (empty.has(s.rule.start) || empty.has(s.rule.end)) continue;
    if (s.count === 0) {
      out.push({ code: 'span-empty', span: s.rule });
      continue;
    }
    if (s.negative > 0) out.push({ code: 'span-negative', span: s.rule, share: s.negative / s.count });
    if (s.median !== null && s.median > s.rule.limit)
      out.push({ code: 'span-long', span: s.rule, median: s.median });
  }
  return out;
}
