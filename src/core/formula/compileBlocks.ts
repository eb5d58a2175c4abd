import { CALENDAR_DAY, CALENDAR_TABLE, periodColumns } from '../sql/calendarSchema';
import { RANGE_KINDS } from './compileRanges';
import type { CompileScope } from './compileScope';
import type { Block, Slot } from './planBlocks';
import { type AggregateFunction, lookupFunction } from './registry';
import type { SqlCtx } from './rowSql';
import { findColumn, findTable, joinPath, type Relationship } from './schema';

interface BlockFrom {
  alias: (table: string) => string;
  from: string;
  /** The breakdown column, as read in the block; null without a breakdown. */
  by: string | null;
}

/**
 * The join condition of one link. Keys of different kinds (a canonical text id
 * against a file's numeric one) are compared as text: the engine refuses to
 * compare them as they are.
 */
function joinKeys(s: CompileScope, r: Relationship, toAlias: string, fromAlias: string): string {
  const kind = (table: string, column: string) => {
    const t = findTable(s.req.schema, table);
    return t === undefined ? undefined : findColumn(t, column)?.kind;
  };
  const to = `${toAlias}.${s.q(r.toColumn)}`;
  const from = `${fromAlias}.${s.q(r.fromColumn)}`;
  if (kind(r.toTable, r.toColumn) === kind(r.fromTable, r.fromColumn)) return `${to} = ${from}`;
  return `${s.d.cast(to, 'text')} = ${s.d.cast(from, 'text')}`;
}

/** FROM clause with the source table and the related tables joined many-to-one. */
export function fromClause(s: CompileScope, b: Block): BlockFrom {
  const aliases = new Map<string, string>([[b.source, 't0']]);
  const joins: string[] = [];
  for (const t of b.tables) {
    const path = joinPath(s.req.schema, b.source, t) as Relationship[];
    for (const r of path) {
      if (aliases.has(r.toTable)) continue;
      const alias = `t${aliases.size}`;
      const fromAlias = aliases.get(r.fromTable) as string;
      joins.push(`LEFT JOIN ${s.q(r.toTable)} AS ${alias} ON ${joinKeys(s, r, alias, fromAlias)}`);
      aliases.set(r.toTable, alias);
    }
  }
  const alias = (table: string) => aliases.get(table) ?? 't0';
  const bd = s.plan.breakdown;
  const by = bd === null ? null : `${alias(bd.table)}.${s.q(bd.column)}`;
  return { alias, from: [`FROM ${s.q(b.source)} AS t0`, ...joins].join('\n'), by };
}

/** The by_value column of a block, and what it groups by (explicitly: not every engine has GROUP BY ALL). */
function byColumn(s: CompileScope, by: string | null): string {
  return `${by ?? s.null('text')} AS by_value`;
}

function groupBy(keys: readonly (string | null)[]): string[] {
  const present = keys.filter((k): k is string => k !== null);
  return present.length === 0 ? [] : [`GROUP BY ${present.join(', ')}`];
}

function filterSql(s: CompileScope, slot: Slot, b: Block, ctx: SqlCtx): string | null {
  const k = slot.kpi;
  if (k.filter === null || !s.plan.filterApplies(k, b.source)) return null;
  return s.rowSql(k.filter, ctx);
}

/** A slot's function, its arguments and its filter as SQL (rollup.ts splits them into day partials). */
export function slotParts(s: CompileScope, slot: Slot, b: Block, ctx: SqlCtx, also: string | null = null) {
  const f = lookupFunction(slot.call.fn) as AggregateFunction;
  const args = slot.call.args.map((a, i) => s.argSql(f.name, i, a, ctx));
  const own = filterSql(s, slot, b, ctx);
  const filter = also === null ? own : own === null ? also : `${also} AND (${own})`;
  return { f, args, filter };
}

/** `also`: a condition on top of the KPI's filter (the range a whole-range value counts). */
function slotSql(s: CompileScope, slot: Slot, b: Block, ctx: SqlCtx, also: string | null = null): string {
  const { f, args, filter } = slotParts(s, slot, b, ctx, also);
  const sql = f.sql(s.d, args, filter, ctx.row);
  return slot.call.type === 'number' ? s.d.cast(sql, 'double') : sql;
}

/**
 * A block's aggregates over each whole range in one scan: each slot three times, each
 * counting only the rows dated in its range (a join to the ranges would read every row
 * three times). An undated table is one snapshot: the whole range's, no earlier range's.
 */
function rangesBlockSql(s: CompileScope, b: Block): string {
  const { alias, from, by } = fromClause(s, b);
  const t = b.time === null ? null : s.d.cast(`t0.${s.q(b.time)}`, 'date');
  const kinds = b.time === null && !b.usesPeriod ? (['total'] as const) : RANGE_KINDS;
  const cols = [byColumn(s, by)];
  for (const kind of kinds) {
    const [lo, hi] = [`rr.${s.q(`${kind}_lo`)}`, `rr.${s.q(`${kind}_hi`)}`];
    const ctx: SqlCtx = { alias, row: { periodStart: lo, periodEnd: hi, today: s.today } };
    const inRange = t === null ? null : `${t} >= ${lo} AND ${t} <= ${hi}`;
    for (const slot of b.slots)
      cols.push(`${slotSql(s, slot, b, ctx, inRange)} AS ${s.q(`${slot.name}_${kind}`)}`);
  }
  const first = s.d.least(RANGE_KINDS.map((k) => `rr.${s.q(`${k}_lo`)}`));
  const last = s.d.greatest(RANGE_KINDS.map((k) => `rr.${s.q(`${k}_hi`)}`));
  return [
    `SELECT ${cols.join(',\n  ')}`,
    from,
    `CROSS JOIN ${s.n('range_bounds')} AS rr`,
    ...(t === null ? [] : [`WHERE ${t} >= ${first} AND ${t} <= ${last}`]),
    ...groupBy([by]),
  ].join('\n');
}

/** A block of plain aggregates: per period with a grain, else over the range. */
export function aggregateBlockSql(s: CompileScope, b: Block): string {
  if (s.ranges) return rangesBlockSql(s, b);
  const { alias, from, by } = fromClause(s, b);
  const where: string[] = [];
  let periodJoin = '';
  let period = 'bd.lo';
  let periodEnd = 'bd.hi';
  let groupPeriod = false;
  if (s.grain !== null && b.time !== null) {
    const p = periodColumns(s.calendar, s.grain);
    periodJoin = [
      `JOIN ${s.q(CALENDAR_TABLE)} AS c ON c.${s.q(CALENDAR_DAY)} = ${s.d.cast(`t0.${s.q(b.time)}`, 'date')}`,
      `JOIN ${s.n('spine_periods')} AS sp ON sp.period_start = c.${s.q(p.start)}`,
    ].join('\n');
    [period, periodEnd, groupPeriod] = ['sp.period_start', 'sp.period_end', true];
  } else if (s.grain !== null && b.usesPeriod) {
    periodJoin = `CROSS JOIN ${s.n('spine_periods')} AS sp`;
    [period, periodEnd, groupPeriod] = ['sp.period_start', 'sp.period_end', true];
  } else if (s.grain === null && b.time !== null) {
    const t = s.d.cast(`t0.${s.q(b.time)}`, 'date');
    where.push(`(bd.lo IS NULL OR ${t} >= bd.lo)`, `(bd.hi IS NULL OR ${t} <= bd.hi)`);
  }
  const ctx: SqlCtx = {
    alias,
    row: {
      periodStart: s.grain === null ? `COALESCE(bd.lo, ${s.today})` : period,
      periodEnd: s.grain === null ? `COALESCE(bd.hi, ${s.today})` : periodEnd,
      today: s.today,
    },
  };
  const cols = [
    ...(groupPeriod ? ['sp.period_start AS period_start'] : []),
    byColumn(s, by),
    ...b.slots.map((slot) => `${slotSql(s, slot, b, ctx)} AS ${s.q(slot.name)}`),
  ];
  return [
    `SELECT ${cols.join(',\n  ')}`,
    from,
    `CROSS JOIN ${s.n('bounds')} AS bd`,
    ...(periodJoin === '' ? [] : [periodJoin]),
    ...(where.length > 0 ? [`WHERE ${where.join(' AND ')}`] : []),
    ...groupBy([groupPeriod ? 'sp.period_start' : null, by]),
  ].join('\n');
}

/**
 * The rows of an ACTIVE(start, end) that start (`side` 'start') or end: active at a day P
 * means started on or before P and ended blank or after P, by days (as the grid buckets
 * them), so a row whose end day is not after its start day is never active and has neither.
 */
export function activeSide(s: CompileScope, side: 'start' | 'end', start: string, end: string): string[] {
  const after = `${s.d.cast(end, 'date')} > ${s.d.cast(start, 'date')}`;
  return side === 'start'
    ? [`${start} IS NOT NULL`, `(${end} IS NULL OR ${after})`]
    : [`${start} IS NOT NULL`, `${end} IS NOT NULL`, after];
}

/** ACTIVE(start, end): +1 at the first period start on/after start, −1 at the one on/after end. */
export function eventBlockSql(s: CompileScope, b: Block): string {
  const { alias, from, by } = fromClause(s, b);
  const slot = b.slots[0];
  const ctx: SqlCtx = {
    alias,
    row: { periodStart: 'fs.first_start', periodEnd: 'fs.first_start', today: s.today },
  };
  const [start, end] = slot.call.args.map((a) => s.rowSql(a, ctx));
  const filter = filterSql(s, slot, b, ctx);
  const side = (date: string, ds: number, de: number, conds: string[]) =>
    [
      `SELECT CASE WHEN ${s.d.cast(date, 'date')} < fs.first_start THEN fs.first_start ELSE db.bucket END AS bucket, ${byColumn(s, by)}, ${ds} AS ds, ${de} AS de`,
      from,
      `CROSS JOIN (SELECT MIN(period_start) AS first_start FROM ${s.n('spine_periods')}) AS fs`,
      `LEFT JOIN ${s.n('day_bucket')} AS db ON db.d = ${s.d.cast(date, 'date')}`,
      `WHERE ${[...conds, ...(filter === null ? [] : [`(${filter})`])].join(' AND ')}`,
    ].join('\n');
  return [
    'SELECT ev.bucket AS period_start, ev.by_value, SUM(ev.ds) AS n_start, SUM(ev.de) AS n_end FROM (',
    side(start, 1, 0, activeSide(s, 'start', start, end)),
    'UNION ALL',
    side(end, 0, 1, activeSide(s, 'end', start, end)),
    ') AS ev GROUP BY ev.bucket, ev.by_value',
  ].join('\n');
}
