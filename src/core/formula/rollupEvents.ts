import { type TExpr, walk } from './checked';
import { activeSide, fromClause, slotParts } from './compileBlocks';
import type { CompileScope } from './compileScope';
import type { Block, Slot } from './planBlocks';
import { type AggregateFunction, lookupFunction } from './registry';
import type { SqlCtx } from './rowSql';

const DAY = 'day';

/** Whether the ACTIVE() call or its KPI's filter reads the period's bounds (then no day table answers it). */
function readsPeriod(s: CompileScope, b: Block): boolean {
  const slot = b.slots[0];
  let reads = false;
  const note = (n: TExpr) => {
    if (n.t === 'call' && (n.fn === 'PERIOD_START' || n.fn === 'PERIOD_END')) reads = true;
    return !reads;
  };
  for (const a of slot.call.args) walk(a, note);
  if (slot.kpi.filter !== null && s.plan.filterApplies(slot.kpi, b.source)) walk(slot.kpi.filter, note);
  return reads;
}

/** The day table of a block holding one ACTIVE() slot (b.slots[0]); null when it reads the period. */
function eventDaySelect(s: CompileScope, b: Block): string | null {
  if (s.plan.breakdown !== null || readsPeriod(s, b)) return null;
  const { alias, from } = fromClause(s, b);
  const slot = b.slots[0];
  const ctx: SqlCtx = { alias, row: { periodStart: s.today, periodEnd: s.today, today: s.today } };
  const [start, end] = slot.call.args.map((a) => s.rowSql(a, ctx));
  const { filter } = slotParts(s, slot, b, ctx);
  const side = (date: string, ds: number, de: number, conds: string[]) =>
    [
      `SELECT ${s.d.cast(date, 'date')} AS ${s.q(DAY)}, ${ds} AS ds, ${de} AS de`,
      from,
      `WHERE ${[...conds, ...(filter === null ? [] : [`(${filter})`])].join(' AND ')}`,
    ].join('\n');
  return [
    `SELECT ev.${s.q(DAY)} AS ${s.q(DAY)}, SUM(ev.ds) AS n_start, SUM(ev.de) AS n_end FROM (`,
    side(start, 1, 0, activeSide(s, 'start', start, end)),
    'UNION ALL',
    side(end, 0, 1, activeSide(s, 'end', start, end)),
    `) AS ev GROUP BY ev.${s.q(DAY)}`,
  ].join('\n');
}

/**
 * The day table of an ACTIVE() block (eventBlockSql): per day, how many rows start and
 * how many end on it, the KPI's filter applied. Which period an event counts from
 * depends only on its day, so the block's running sums come out the same from these
 * daily counts for any grain, calendar or range. Null without one: a breakdown, or a
 * start, end or filter that reads the period.
 */
export function eventRollupSelect(s: CompileScope, b: Block): string | null {
  return b.kind === 'event' ? eventDaySelect(s, b) : null;
}

/** The tables an aggregate slot reads through its arguments and its KPI's filter, in the order the plan adds them. */
function slotTables(s: CompileScope, source: string, slot: Slot): Set<string> {
  const tables = new Set<string>();
  const note = (n: TExpr) => {
    if (n.t === 'column' || n.t === 'table') tables.add(n.table);
    return true;
  };
  for (const a of slot.call.args) walk(a, note);
  if (slot.kpi.filter !== null && s.plan.filterApplies(slot.kpi, source)) walk(slot.kpi.filter, note);
  return tables;
}

/**
 * The day table an ACTIVE() of a compile without a grain (a whole-range figure) reads: the
 * one its own event block has in a compile with a grain (the same SELECT, so the same
 * table). Null for any other slot, or when that block would have none.
 */
export function activeRollupSelect(s: CompileScope, b: Block, slot: Slot): string | null {
  const f = lookupFunction(slot.call.fn) as AggregateFunction | undefined;
  if (s.grain !== null || f?.active !== true) return null;
  return eventDaySelect(s, { ...b, kind: 'event', tables: slotTables(s, b.source, slot), slots: [slot] });
}

/** An ACTIVE() block from its day table, shaped as eventBlockSql shapes it; null when none is ready. */
export function eventRollupSql(s: CompileScope, b: Block): string | null {
  const select = eventRollupSelect(s, b);
  const table = select === null ? undefined : s.req.rollups?.get(select);
  if (table === undefined) return null;
  const day = `r.${s.q(DAY)}`;
  const bucket = `CASE WHEN ${day} < fs.first_start THEN fs.first_start ELSE db.bucket END`;
  return [
    `SELECT ${bucket} AS period_start, ${s.null('text')} AS by_value, SUM(r.n_start) AS n_start, SUM(r.n_end) AS n_end`,
    `FROM ${s.q(table)} AS r`,
    `CROSS JOIN (SELECT MIN(period_start) AS first_start FROM ${s.n('spine_periods')}) AS fs`,
    `LEFT JOIN ${s.n('day_bucket')} AS db ON db.d = ${day}`,
    `GROUP BY ${bucket}`,
  ].join('\n');
}
