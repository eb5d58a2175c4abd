import { type CompiledScorecard, RESULT_COLUMNS, type TimeSource } from '../core/formula/compile';
import { isRangeKind, type RangeKind } from '../core/formula/compileRanges';
import type { DateSpan } from '../core/kpi/dateRange';
import { ensureCalendar } from './calendar';
import type { Engine, QueryOptions } from './engine';
import { engineDialect } from './engineDialect';
import { queryRanged } from './preparedRange';
import { type Cell, plainColumn } from './rows';

export type PlainValue = Cell;

export interface ScorecardRow {
  /** ISO date of the period's first day (the range start without a grain). */
  periodStart: string | null;
  periodEnd: string | null;
  period: string | null;
  by: PlainValue;
  /** Set on the whole-range rows a scorecard compiled with `totals` gives; null on period rows. */
  range: RangeKind | null;
  values: Record<string, PlainValue>;
  /** What each KPI's value rests on (compileBase.ts), by KPI id; absent for a KPI with no base. */
  bases: Record<string, PlainValue>;
}

const DAY_MS = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** SQL compiled for one engine would fail on another, or worse, give other numbers. */
function checkDialect(engine: Engine, compiled: CompiledScorecard): void {
  const speaks = engineDialect(engine).name;
  if (compiled.dialect !== speaks)
    throw new Error(`A scorecard compiled for ${compiled.dialect} cannot run on a ${speaks} engine.`);
}

/**
 * The range the query covers, read with its own small query so the calendar can be sized
 * first; with no end given, `hi` is the last day the data has.
 */
export async function scorecardBounds(
  engine: Engine,
  compiled: CompiledScorecard,
  options?: QueryOptions,
): Promise<{ lo: string | null; hi: string | null }> {
  checkDialect(engine, compiled);
  const t = await engine.query(compiled.boundsSql, options);
  const [lo] = plainColumn(t, 'lo');
  const [hi] = plainColumn(t, 'hi');
  return { lo: typeof lo === 'string' ? lo : null, hi: typeof hi === 'string' ? hi : null };
}

/** Runs a compiled scorecard: makes sure the calendar covers its range, then converts rows to plain values. */
export async function runScorecard(
  engine: Engine,
  compiled: CompiledScorecard,
  options?: QueryOptions,
): Promise<ScorecardRow[]> {
  if (compiled.sql === '') return [];
  const { lo, hi } = await scorecardBounds(engine, compiled, options);
  const from = lo === null ? null : isoDate(Date.parse(`${lo}T00:00:00Z`) - compiled.lookbackDays * DAY_MS);
  await ensureCalendar(engine, from, hi);
  const t =
    compiled.ranged === undefined
      ? await engine.query(compiled.sql, options)
      : await queryRanged(engine, compiled.ranged, compiled.sql, options);
  const starts = plainColumn(t, RESULT_COLUMNS.start);
  const ends = plainColumn(t, RESULT_COLUMNS.end);
  const labels = plainColumn(t, RESULT_COLUMNS.label);
  const by = plainColumn(t, RESULT_COLUMNS.by);
  const range = plainColumn(t, RESULT_COLUMNS.range);
  const values = compiled.outputs.map((o) => ({ id: o.kpiId, values: plainColumn(t, o.column) }));
  const bases = compiled.outputs.flatMap((o) =>
    o.base === null ? [] : [{ id: o.kpiId, values: plainColumn(t, o.base) }],
  );
  const rows: ScorecardRow[] = [];
  for (let i = 0; i < t.numRows; i++) {
    const kind = range[i];
    const row: ScorecardRow = {
      periodStart: starts[i] === null ? null : String(starts[i]),
      periodEnd: ends[i] === null ? null : String(ends[i]),
      period: labels[i] === null ? null : String(labels[i]),
      by: by[i],
      range: isRangeKind(kind) ? kind : null,
      values: {},
      bases: {},
    };
    for (const v of values) row.values[v.id] = v.values[i];
    for (const b of bases) row.bases[b.id] = b.values[i];
    rows.push(row);
  }
  return rows;
}

/** Key of a date column in `scorecardSpans`' answer. */
export const spanKey = (t: TimeSource) => `${t.table}\u0000${t.column}`;

/** First and last date of each date column the compiled KPIs read (columns with no dates left out). */
export async function scorecardSpans(
  engine: Engine,
  compiled: CompiledScorecard,
  options?: QueryOptions,
): Promise<Map<string, DateSpan>> {
  const out = new Map<string, DateSpan>();
  if (compiled.spansSql === '') return out;
  checkDialect(engine, compiled);
  const t = await engine.query(compiled.spansSql, options);
  const tables = plainColumn(t, 'table_name');
  const columns = plainColumn(t, 'column_name');
  const lo = plainColumn(t, 'lo');
  const hi = plainColumn(t, 'hi');
  for (let i = 0; i < t.numRows; i++) {
    const from = lo[i];
    const to = hi[i];
    if (typeof from === 'string' && typeof to === 'string')
      out.set(spanKey({ table: String(tables[i]), column: String(columns[i]) }), { from, to });
  }
  return out;
}
