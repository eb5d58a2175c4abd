import { CALENDAR_DAY, CALENDAR_TABLE, periodColumns } from '../sql/calendarSchema';
import type { Dialect } from '../sql/dialect';
import type { ScorecardRequest } from './compile';
import { aggregateBlockSql, fromClause, slotParts } from './compileBlocks';
import { ScorecardPlan } from './compilePlan';
import { RANGE_KINDS } from './compileRanges';
import { CompileScope } from './compileScope';
import type { Block, Slot } from './planBlocks';
import { activeRollupSelect, eventRollupSelect } from './rollupEvents';
import type { SqlCtx } from './rowSql';

/**
 * A day-level rollup of one aggregate block (compileBlocks.ts): one row per
 * day of the block's date column, one column per partial aggregate, each with the KPI's
 * filter already applied. Periods of any grain and calendar, and any range, are sums
 * (or minima, maxima) of their days, so a refresh reads a few thousand rows instead of
 * the table. `select` builds the table and is also its key: the same block over the
 * same data (the caller keys by the data's contents token) gives the same SQL.
 */
interface RollupSpec {
  readonly select: string;
}

/**
 * How one slot's value comes back from its partial columns (`cols`), over the days `also`
 * keeps; `start` is the first day of the days merged (SQL, NULL when they have none), and
 * `day` the day column.
 */
type Merge = (cols: readonly string[], also: string | null, start: string, day: string) => string;

interface SlotRollup {
  readonly partials: readonly string[];
  readonly merge: Merge;
}

interface RolledSlot {
  readonly name: string;
  readonly number: boolean;
  /** The table's columns it merges. */
  readonly columns: readonly string[];
  readonly merge: Merge;
}

/**
 * One table a block's slots are read from: its SELECT (and key), and the slots it answers.
 * `through`: they count every day up to the range's start (ACTIVE()), not the days in it.
 */
interface DayTable {
  readonly select: string;
  readonly slots: readonly RolledSlot[];
  readonly through?: true;
}

interface BlockRollup {
  readonly tables: readonly DayTable[];
  /** The block's slots no day figure can answer (medians, percentiles): they read the table. */
  readonly rest: readonly Slot[];
}

const DAY = 'day';
const partial = (i: number) => `p${i}`;

/** Sums of day sums and of day counts are exact for counts; a mean is carried as sum and count. */
function slotRollup(
  d: Dialect,
  fn: string,
  args: readonly string[],
  filter: string | null,
): SlotRollup | null {
  const sumOf: Merge = ([c], also) => d.aggregate('sum', [c], also);
  const and = (c: string) => (filter === null ? c : `(${c}) AND (${filter})`);
  switch (fn) {
    case 'SUM':
    case 'COUNT':
      return { partials: [d.aggregate(fn === 'SUM' ? 'sum' : 'count', [args[0]], filter)], merge: sumOf };
    case 'SUMIF':
      return { partials: [d.aggregate('sum', [args[0]], and(args[1]))], merge: sumOf };
    case 'COUNTIF':
      return { partials: [d.aggregate('countRows', [], and(args[0]))], merge: sumOf };
    case 'COUNTROWS':
      return { partials: [d.aggregate('countRows', [], filter)], merge: sumOf };
    case 'MIN':
    case 'MAX': {
      const kind = fn === 'MIN' ? 'min' : 'max';
      return {
        partials: [d.aggregate(kind, [args[0]], filter)],
        merge: ([c], also) => d.aggregate(kind, [c], also),
      };
    }
    case 'AVERAGE':
    case 'AVERAGEIF': {
      const where = fn === 'AVERAGE' ? filter : and(args[1]);
      return {
        partials: [d.aggregate('sum', [args[0]], where), d.aggregate('count', [args[0]], where)],
        merge: ([sum, n], also) => {
          const count = d.aggregate('sum', [n], also);
          const total = d.cast(d.aggregate('sum', [sum], also), 'double');
          return `CASE WHEN ${count} > 0 THEN ${total} / ${d.cast(count, 'double')} END`;
        },
      };
    }
    default:
      // Medians, percentiles and deviations do not merge from day figures; distinct counts are below.
      return null;
  }
}

/**
 * A distinct count's table: each (day, value) once, with the value's previous day (`p0`,
 * blank on its first), counted per (day, previous day) (`p1`). The distinct values of
 * any run of days from `start` are the rows in it whose value was not seen since `start`,
 * a plain sum: COUNT(DISTINCT) over the pairs (a hash of up to a million values each
 * refresh at demo ×41) is gone, and the sum is exact for any grain, calendar or range.
 * A row without a date sorts last, so it never hides a dated one's first day.
 */
function distinctSelect(s: CompileScope, day: string, from: string, value: string, filter: string | null) {
  const where = [`${value} IS NOT NULL`, ...(filter === null ? [] : [`(${filter})`])].join(' AND ');
  const [d, v, prev] = [s.q(DAY), s.q('v'), s.q(partial(0))];
  const before = `MAX(dv.${d}) OVER (PARTITION BY dv.${v} ORDER BY dv.${d} NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`;
  return [
    `SELECT dp.${d} AS ${d}, dp.${prev} AS ${prev}, ${s.d.aggregate('countRows', [], null)} AS ${s.q(partial(1))}`,
    `FROM (SELECT dv.${d} AS ${d}, ${before} AS ${prev}`,
    `FROM (SELECT DISTINCT ${day} AS ${d}, ${value} AS ${v}`,
    from,
    `WHERE ${where}) AS dv) AS dp`,
    `GROUP BY dp.${d}, dp.${prev}`,
    `ORDER BY ${d}`,
  ].join('\n');
}

/** A distinct count from its table: the rows whose value was not seen since the first day merged. */
function distinctSlot(s: CompileScope, name: string, number: boolean): RolledSlot {
  const merge: Merge = ([prev, n], also, start) => {
    const fresh = `(${prev} IS NULL OR ${prev} < ${start})`;
    return `COALESCE(${s.d.aggregate('sum', [n], also === null ? fresh : `${fresh} AND ${also}`)}, 0)`;
  };
  return { name, number, columns: [partial(0), partial(1)], merge };
}

/**
 * ACTIVE() at `start` from its event days (rollupEvents.ts): the rows started by then less
 * those ended by then, exact because a row's end day, when it has one, is after its start day.
 */
function activeSlot(s: CompileScope, name: string, number: boolean): RolledSlot {
  const merge: Merge = ([started, ended], _also, start, day) => {
    const upTo = (c: string) => `COALESCE(${s.d.aggregate('sum', [c], `${day} <= ${start}`)}, 0)`;
    return `${upTo(started)} - ${upTo(ended)}`;
  };
  return { name, number, columns: ['n_start', 'n_end'], merge };
}

/** The ACTIVE() figures of a whole-range block (no grain: ACTIVE() is no event block there) from their day tables. */
function activeRollup(s: CompileScope, b: Block): BlockRollup | null {
  const tables: DayTable[] = [];
  const rest: Slot[] = [];
  for (const slot of b.slots) {
    const select = activeRollupSelect(s, b, slot);
    if (select === null) rest.push(slot);
    else
      tables.push({ select, through: true, slots: [activeSlot(s, slot.name, slot.call.type === 'number')] });
  }
  return tables.length === 0 ? null : { tables, rest };
}

/**
 * The rollup of a block, or null when it has none: only plain aggregates of a dated
 * table that read no period bounds, and ACTIVE() without a grain; no breakdown (the
 * breakdown stays on the table). Mergeable aggregates share one day table; a distinct
 * count has a table of its own (distinctSelect).
 */
function blockRollup(s: CompileScope, b: Block): BlockRollup | null {
  if (s.plan.breakdown !== null || b.kind !== 'aggregate') return null;
  if (b.usesPeriod && b.time === null) return activeRollup(s, b);
  if (b.time === null || b.usesPeriod) return null;
  const { alias, from } = fromClause(s, b);
  // No slot reads the period (usesPeriod is false), so these bounds never reach the SQL.
  const ctx: SqlCtx = { alias, row: { periodStart: s.today, periodEnd: s.today, today: s.today } };
  const day = s.d.cast(`t0.${s.q(b.time)}`, 'date');
  const merged: RolledSlot[] = [];
  const tables: DayTable[] = [];
  const rest: Slot[] = [];
  const cols: string[] = [];
  for (const slot of b.slots) {
    const { f, args, filter } = slotParts(s, slot, b, ctx);
    const number = slot.call.type === 'number';
    if (f.name === 'COUNTD') {
      tables.push({
        select: distinctSelect(s, day, from, args[0], filter),
        slots: [distinctSlot(s, slot.name, number)],
      });
      continue;
    }
    const rollup = slotRollup(s.d, f.name, args, filter);
    if (rollup === null) {
      rest.push(slot);
      continue;
    }
    const columns = rollup.partials.map((_, i) => partial(cols.length + i));
    merged.push({ name: slot.name, number, columns, merge: rollup.merge });
    rollup.partials.forEach((p, i) => {
      cols.push(`${p} AS ${s.q(columns[i])}`);
    });
  }
  if (merged.length > 0)
    tables.unshift({
      select: [`SELECT ${day} AS ${s.q(DAY)}, ${cols.join(', ')}`, from, `GROUP BY ${day}`].join('\n'),
      slots: merged,
    });
  return tables.length === 0 ? null : { tables, rest };
}

/**
 * The rollups a request's blocks can have, whatever its range, grain or calendar: those
 * of the periods and those of the whole-range figures (without a grain, KPIs reading
 * earlier periods drop out, so a block may hold other aggregates).
 */
export function scorecardRollups(req: ScorecardRequest): RollupSpec[] {
  const d = req.dialect;
  const plain = { ...req, breakdown: null };
  const selects = new Set<string>();
  for (const grain of ['month', null] as const) {
    const s = new CompileScope(plain, new ScorecardPlan(plain, grain, ''), d, '');
    for (const b of s.plan.blocks) {
      for (const t of blockRollup(s, b)?.tables ?? []) selects.add(t.select);
      const events = eventRollupSelect(s, b);
      if (events !== null) selects.add(events);
    }
  }
  return [...selects].map((select) => ({ select }));
}

/** The result columns of slots: one per range with the whole-range figures, else one. */
const columnsOf = (s: CompileScope, slots: readonly { name: string }[]) =>
  slots.flatMap((slot) => (s.ranges ? RANGE_KINDS.map((kind) => `${slot.name}_${kind}`) : [slot.name]));

/**
 * A block read from its rollups, shaped as aggregateBlockSql shapes it from the table;
 * null when the request names no table built for it. Slots no ready rollup answers are
 * computed from the table beside them, and the parts joined on the period: each has a
 * row for periods the table has rows in (one row without a grain); a distinct count
 * missing from a period is 0 there, as COALESCE in r0 makes it.
 */
export function rollupBlockSql(s: CompileScope, b: Block): string | null {
  const r = blockRollup(s, b);
  if (r === null) return null;
  const parts: { sql: string; columns: string[] }[] = [];
  const rest = [...r.rest];
  for (const t of r.tables) {
    const table = s.req.rollups?.get(t.select);
    if (table === undefined)
      rest.push(...b.slots.filter((slot) => t.slots.some((x) => x.name === slot.name)));
    else parts.push({ sql: rolledSql(s, t, table), columns: columnsOf(s, t.slots) });
  }
  if (parts.length === 0) return null;
  if (rest.length > 0)
    parts.push({ sql: aggregateBlockSql(s, { ...b, slots: rest }), columns: columnsOf(s, rest) });
  if (parts.length === 1) return parts[0].sql;
  const cols = parts.flatMap((p, i) => p.columns.map((c) => `x${i}.${s.q(c)} AS ${s.q(c)}`));
  const by = `${s.null('text')} AS by_value`;
  if (s.grain === null)
    return [
      `SELECT ${[by, ...cols].join(', ')}`,
      parts.map((p, i) => `${i === 0 ? 'FROM' : 'CROSS JOIN'} (${p.sql}) AS x${i}`).join('\n'),
    ].join('\n');
  const startOf = (n: number) => s.d.least(parts.slice(0, n).map((_, i) => `x${i}.period_start`));
  return [
    `SELECT ${[`${startOf(parts.length)} AS period_start`, by, ...cols].join(', ')}`,
    `FROM (${parts[0].sql}) AS x0`,
    ...parts
      .slice(1)
      .map((p, i) => `FULL JOIN (${p.sql}) AS x${i + 1} ON x${i + 1}.period_start = ${startOf(i + 1)}`),
  ].join('\n');
}

function rolledSql(s: CompileScope, t: DayTable, table: string): string {
  const day = `r.${s.q(DAY)}`;
  const value = (slot: RolledSlot, also: string | null, start: string) => {
    const sql = slot.merge(
      slot.columns.map((c) => `r.${s.q(c)}`),
      also,
      start,
      day,
    );
    return slot.number ? s.d.cast(sql, 'double') : sql;
  };
  const by = `${s.null('text')} AS by_value`;
  const from = `FROM ${s.q(table)} AS r`;
  if (s.ranges) {
    const cols = RANGE_KINDS.flatMap((kind) => {
      const [lo, hi] = [`rr.${s.q(`${kind}_lo`)}`, `rr.${s.q(`${kind}_hi`)}`];
      return t.slots.map(
        (slot) =>
          `${value(slot, `${day} >= ${lo} AND ${day} <= ${hi}`, lo)} AS ${s.q(`${slot.name}_${kind}`)}`,
      );
    });
    return [`SELECT ${[by, ...cols].join(',\n  ')}`, from, `CROSS JOIN ${s.n('range_bounds')} AS rr`].join(
      '\n',
    );
  }
  const cols = (start: string) => t.slots.map((slot) => `${value(slot, null, start)} AS ${s.q(slot.name)}`);
  // ACTIVE() counts from the range's start (today without one: aggregateBlockSql's period), every day before it.
  if (s.grain === null && t.through === true)
    return [
      `SELECT ${[by, ...cols(`COALESCE(bd.lo, ${s.today})`)].join(',\n  ')}`,
      from,
      `CROSS JOIN ${s.n('bounds')} AS bd`,
    ].join('\n');
  if (s.grain === null)
    return [
      `SELECT ${[by, ...cols('bd.lo')].join(',\n  ')}`,
      from,
      `CROSS JOIN ${s.n('bounds')} AS bd`,
      `WHERE (bd.lo IS NULL OR ${day} >= bd.lo) AND (bd.hi IS NULL OR ${day} <= bd.hi)`,
    ].join('\n');
  const p = periodColumns(s.calendar, s.grain);
  return [
    `SELECT sp.period_start AS period_start, ${[by, ...cols('sp.period_start')].join(',\n  ')}`,
    from,
    `JOIN ${s.q(CALENDAR_TABLE)} AS c ON c.${s.q(CALENDAR_DAY)} = ${day}`,
    `JOIN ${s.n('spine_periods')} AS sp ON sp.period_start = c.${s.q(p.start)}`,
    'GROUP BY sp.period_start',
  ].join('\n');
}

/** Statements that drop a rollup table (`table` unquoted). */
export function dropRollupSql(d: Dialect, table: string): string {
  return `DROP TABLE IF EXISTS ${d.quoteIdent(table)}`;
}
