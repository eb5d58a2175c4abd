import type { ColumnKind } from '../model/columnKind';
import type { CalendarKind, Grain } from '../sql/calendarSchema';
import type { Dialect } from '../sql/dialect';
import type { CheckedKpi } from './checked';
import { aggregateBlockSql, eventBlockSql } from './compileBlocks';
import { ScorecardPlan } from './compilePlan';
import { rangeBoundsSql, rangesSql } from './compileRanges';
import { CompileScope } from './compileScope';
import {
  boundsSql,
  byValuesSql,
  dayBucketSql,
  givenRange,
  periodsSql,
  spansSql,
  spinePeriodsSql,
  wholeRangeSpineSql,
} from './compileSpine';
import { baseSql, kpiCtx, kpiSql, r0Sql } from './compileStages';
import type { Diagnostic } from './diagnostics';
import type { TimeSource } from './planBlocks';
import { rollupBlockSql } from './rollup';
import { eventRollupSql } from './rollupEvents';
import type { KpiDef, Schema } from './schema';

export type { TimeSource } from './planBlocks';

export interface ScorecardRequest {
  kpis: readonly KpiDef[];
  schema: Schema;
  /** Absent or null: one value per KPI over the whole range. */
  grain?: Grain | null;
  calendar?: CalendarKind;
  /** ISO dates, inclusive; each defaults to the data's first / last date. */
  from?: string;
  to?: string;
  breakdown?: { table: string; column: string } | null;
  /** The dialect of the engine the SQL will run on (src/engine/engineDialect.ts). */
  dialect: Dialect;
  /** ISO date TODAY() stands for; defaults to the current UTC date. */
  today?: string;
  /**
   * Also compute each KPI over the whole range, the range of equal length before it and
   * the same range a year earlier (rows whose range_kind is set), each table over the
   * range rather than period by period. With no grain, only these rows come back.
   */
  totals?: boolean;
  /**
   * Rollup tables ready for this data (rollup.ts), by their RollupSpec.select: a block
   * with one reads it instead of its table.
   */
  rollups?: ReadonlyMap<string, string>;
}

export interface ScorecardOutput {
  kpiId: string;
  column: string;
  type: ColumnKind | null;
  /** False when none of the tables the KPI reads has a date: it has whole-range values and no periods. */
  dated: boolean;
  /** The date columns it reads (through the KPIs it uses), for the dates its data spans. */
  times: TimeSource[];
  /** The column of what each value rests on (compileBase.ts: a rate's denominator, else rows); null when nothing does. */
  base: string | null;
}

export interface CompiledScorecard {
  /** One query; empty when nothing could be compiled. */
  sql: string;
  /** Result columns besides these: period_start (DATE), period (label), by_value. */
  outputs: ScorecardOutput[];
  diagnostics: Diagnostic[];
  /** A query giving the range (lo, hi) the scorecard covers, so the caller can size the calendar. */
  boundsSql: string;
  /** Days before `lo` the query reads for PREV, YOY and friends. */
  lookbackDays: number;
  /** First and last date of each date column read (see ScorecardOutput.times); empty when none is. */
  spansSql: string;
  /** The dialect the SQL is written in (Dialect.name): only an engine speaking it may run it. */
  dialect: string;
  /**
   * `sql` with the range asked for as parameters $1 and $2 (`from`, `to`): one prepared
   * statement answers every range of the same KPIs, grain and calendar, planned once.
   * Absent when the dialect has no parameters or the range is not two dates.
   */
  ranged?: RangedSql;
}

export interface RangedSql {
  sql: string;
  from: string;
  to: string;
}

/** Names of the fixed result columns. */
export const RESULT_COLUMNS = {
  start: 'period_start',
  end: 'period_end',
  label: 'period',
  by: 'by_value',
  /** 'total', 'previous' or 'last_year' on whole-range rows; null on period rows. */
  range: 'range_kind',
} as const;

/**
 * Compiles a set of KPIs into ONE query (DESIGN.md "How it compiles"): a period
 * spine crossed with breakdown values, one aggregate block per source table and
 * date column with a filter per KPI, ACTIVE() by running sums of start and end
 * events, KPI expressions in stages on top, window functions for time intelligence.
 * Every engine-specific word comes from the request's dialect.
 */
export function compileScorecard(req: ScorecardRequest): CompiledScorecard {
  const d = req.dialect;
  const grain = req.grain ?? null;
  const main = new CompileScope(req, new ScorecardPlan(req, grain, ''), d, '');
  const plan = main.plan;
  const kpis = [...plan.checked.values()];
  const reach = plan.reach();
  const outputs = kpis.map((k, i) => {
    const r = reach.get(k.id);
    return {
      kpiId: k.id,
      column: `k${i}`,
      type: k.type,
      dated: r === undefined || !r.reads || r.dated,
      times: [...(r?.times.values() ?? [])],
      base: plan.hasBase(k.id) ? `n${i}` : null,
    };
  });
  // Per period an undated KPI would repeat one number: it has whole-range values only.
  const undated = new Set(grain === null ? [] : outputs.filter((o) => !o.dated).map((o) => o.kpiId));
  const sql = buildSql(main, outputs, undated);
  return {
    sql,
    ranged: rangedSql(main, sql),
    outputs,
    diagnostics: plan.diagnostics,
    boundsSql: `SELECT lo, hi FROM (${boundsSql(main)}) AS b`,
    lookbackDays: plan.lookbackDays(),
    spansSql: spansSql(main),
    dialect: d.name,
  };
}

/**
 * `sql` with its first CTE, the bounds, asking for the range as parameters. Only the bounds
 * name the range's dates, so the rest of the text is the same either way (the user's own
 * date literals included, which must stay as they are).
 */
function rangedSql(main: CompileScope, sql: string): RangedSql | undefined {
  const range = givenRange(main);
  if (range === null || main.d.dateParameter === undefined) return undefined;
  const bounds = (parameters: boolean) => `WITH ${main.n('bounds')} AS (\n${boundsSql(main, parameters)}\n)`;
  const literal = bounds(false);
  if (!sql.startsWith(literal)) return undefined;
  return { sql: `${bounds(true)}${sql.slice(literal.length)}`, ...range };
}

function buildSql(main: CompileScope, outputs: ScorecardOutput[], undated: ReadonlySet<string>): string {
  const { req } = main;
  const parts = stagedSql(main, outputs, undated);
  const { start, by, range } = RESULT_COLUMNS;
  const q = (c: string) => main.q(c);
  const order = `ORDER BY ${q(range)} NULLS FIRST, ${q(start)}, ${q(by)} NULLS LAST`;
  if (main.grain === null || req.totals !== true)
    return [`WITH ${parts.ctes.join(',\n')}`, parts.select, order].join('\n');
  // The whole-range rows come from a second compile over the same bounds, in the same query.
  const totals = new CompileScope(req, new ScorecardPlan(req, null, 't_'), main.d, 't_');
  const part = stagedSql(totals, outputs, new Set());
  // The union in parentheses: ClickHouse would order only its second part.
  return [
    `WITH ${[...parts.ctes, ...part.ctes.slice(1)].join(',\n')}`,
    `SELECT * FROM (${parts.select}`,
    'UNION ALL',
    `${part.select}) AS u`,
    order,
  ].join('\n');
}

/** The CTEs (bounds first) and the final SELECT of one compile. */
function stagedSql(
  s: CompileScope,
  outputs: readonly ScorecardOutput[],
  undated: ReadonlySet<string>,
): { ctes: string[]; select: string } {
  const { plan, d } = s;
  const ctes: string[] = [];
  const cte = (name: string, body: string) => ctes.push(`${s.n(name)} AS (\n${body}\n)`);
  cte('bounds', boundsSql(s));
  if (s.grain !== null) {
    cte('periods', periodsSql(s));
    cte('spine_periods', spinePeriodsSql(s));
    if (plan.blocks.some((b) => b.kind === 'event')) cte('day_bucket', dayBucketSql(s));
  } else if (s.ranges) {
    cte('range_bounds', rangeBoundsSql(d, s.n('bounds')));
    cte('spine_periods', rangesSql(d, s.n('range_bounds')));
  } else {
    cte('spine_periods', wholeRangeSpineSql(s));
  }
  // Block names carry the prefix already.
  for (const b of plan.blocks)
    ctes.push(
      `${s.q(b.name)} AS (\n${b.kind === 'event' ? (eventRollupSql(s, b) ?? eventBlockSql(s, b)) : (rollupBlockSql(s, b) ?? aggregateBlockSql(s, b))}\n)`,
    );
  cte('by_values', byValuesSql(s));
  cte('r0', r0Sql(s));
  const stages = plan.stages();
  const maxStage = Math.max(0, ...stages.values());
  const columnOf = new Map(outputs.map((o) => [o.kpiId, o.column]));
  const baseOf = new Map(outputs.flatMap((o) => (o.base === null ? [] : [[o.kpiId, o.base] as const])));
  for (let n = 1; n <= maxStage; n++) {
    const cols = outputs
      .filter((o) => stages.get(o.kpiId) === n)
      .flatMap((o) => {
        const k = plan.checked.get(o.kpiId) as CheckedKpi;
        const value = `${kpiSql(s, k, columnOf)} AS ${s.q(o.column)}`;
        return o.base === null
          ? [value]
          : [value, `${baseSql(s, k, kpiCtx(s, columnOf), baseOf)} AS ${s.q(o.base)}`];
      });
    cte(`r${n}`, `SELECT *, ${cols.join(',\n  ')}\nFROM ${s.n(`r${n - 1}`)}`);
  }
  const finalCols = outputs.flatMap((o) =>
    (o.base === null ? [o.column] : [o.column, o.base]).map((c) =>
      plan.failed.has(o.kpiId) || undated.has(o.kpiId) ? `${s.null('double')} AS ${s.q(c)}` : s.q(c),
    ),
  );
  const { start, end, label, by, range } = RESULT_COLUMNS;
  const rangeCol = s.grain === null ? s.q(range) : `${s.null('text')} AS ${s.q(range)}`;
  const select = [
    `SELECT ${[start, end, label, by].map((c) => s.q(c)).join(', ')}, ${rangeCol}${finalCols.length > 0 ? `, ${finalCols.join(', ')}` : ''}`,
    `FROM ${s.n(`r${maxStage}`)}`,
    `WHERE ${s.q('in_range')}`,
  ].join('\n');
  return { ctes, select };
}
