import type { ColumnKind } from '../model/columnKind';
import {
  CALENDAR_DAY,
  CALENDAR_TABLE,
  type CalendarKind,
  type Grain,
  MAX_PERIOD_DAYS,
  periodColumns,
} from '../sql/calendarSchema';
import type { Dialect } from '../sql/dialect';
import { duckdb } from '../sql/dialects/registry';
import { checkKpis } from './check';
import type { CheckedKpi, TExpr } from './checked';
import { walk } from './checked';
import { type BasePlan, planBase, rowsCall } from './compileBase';
import { RANGE_KINDS, rangeBoundsSql, rangesSql } from './compileRanges';
import { type Diagnostic, diagnostic } from './diagnostics';
import { type AggregateFunction, lookupFunction, type WindowContext } from './registry';
import { argSql, type ExprSqlContext, exprSql, type SqlCtx } from './rowSql';
import { findColumn, findTable, joinPath, type KpiDef, type Relationship, type Schema } from './schema';
import { closest } from './suggest';
import { constantNumber } from './typeRules';

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
  dialect?: Dialect;
  /** ISO date TODAY() stands for; defaults to the current UTC date. */
  today?: string;
  /**
   * Also compute each KPI over the whole range, the range of equal length before it and
   * the same range a year earlier (rows whose range_kind is set), each table over the
   * range rather than period by period. With no grain, only these rows come back.
   */
  totals?: boolean;
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

export interface TimeSource {
  table: string;
  column: string;
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How far back (through PREV, ROLLING, YOY and the KPIs they use) one KPI may read. */
const MAX_LOOKBACK_YEARS = 100;

interface Slot {
  name: string;
  call: Extract<TExpr, { t: 'call' }>;
  kpi: CheckedKpi;
  empty: 0 | null;
  active: boolean;
}

interface Block {
  name: string;
  source: string;
  time: string | null;
  usesPeriod: boolean;
  /** ACTIVE() by running sums of start and end events. */
  event: boolean;
  slots: Slot[];
  /** Tables referenced by slots and filters, to be joined in. */
  tables: Set<string>;
  kpis: Set<string>;
}

interface BlockSql {
  alias: (table: string) => string;
  from: string;
  by: string | null;
}

/**
 * Compiles a set of KPIs into ONE query (DESIGN.md "How it compiles"): a period
 * spine crossed with breakdown values, one aggregate block per source table and
 * date column with a FILTER per KPI, ACTIVE() by running sums of start and end
 * events, KPI expressions in stages on top, window functions for time intelligence.
 */
export function compileScorecard(req: ScorecardRequest): CompiledScorecard {
  return new Compiler(req).compile();
}

class Compiler {
  private readonly d: Dialect;
  private readonly grain: Grain | null;
  private readonly calendar: CalendarKind;
  private readonly diagnostics: Diagnostic[] = [];
  private checked = new Map<string, CheckedKpi>();
  private readonly failed = new Set<string>();
  private readonly blocks: Block[] = [];
  private readonly slotByKey = new Map<string, Slot>();
  private readonly slotOfCall = new Map<Extract<TExpr, { t: 'call' }>, Slot>();
  /** What each KPI's value rests on, and the row counts added for it (compileBase.ts). */
  private readonly bases = new Map<string, { plan: BasePlan; exprs: TExpr[] }>();
  private breakdown: { table: string; column: string } | null = null;
  private readonly today: string;
  private slotCount = 0;

  /** Whole-range rows (the three ranges) instead of one value over the range. */
  private readonly ranges: boolean;
  /** Prefix of this compiler's CTE names, so a second compile can share one WITH. */
  private readonly prefix: string;

  constructor(
    private readonly req: ScorecardRequest,
    part: { prefix: string } | null = null,
  ) {
    this.d = req.dialect ?? duckdb;
    this.grain = part === null ? (req.grain ?? null) : null;
    this.ranges = this.grain === null && req.totals === true;
    this.prefix = part?.prefix ?? '';
    this.calendar = req.calendar ?? 'gregorian';
    const today = req.today ?? new Date().toISOString().slice(0, 10);
    this.today = this.d.dateLiteral(today);
  }

  private q(name: string): string {
    return this.d.quoteIdent(name);
  }

  /** A CTE of this compile; `bounds` is always the outer compile's, so both cover one range. */
  private n(name: string): string {
    return this.q(name === 'bounds' ? name : `${this.prefix}${name}`);
  }

  compile(): CompiledScorecard {
    this.prepare();
    const kpis = [...this.checked.values()];
    const reach = this.reach();
    const outputs = kpis.map((k, i) => {
      const r = reach.get(k.id);
      return {
        kpiId: k.id,
        column: `k${i}`,
        type: k.type,
        dated: r === undefined || !r.reads || r.dated,
        times: [...(r?.times.values() ?? [])],
        base: this.hasBase(k.id) ? `n${i}` : null,
      };
    });
    // Per period an undated KPI would repeat one number: it has whole-range values only.
    const undated = new Set(this.grain === null ? [] : outputs.filter((o) => !o.dated).map((o) => o.kpiId));
    const sql = this.buildSql(outputs, undated);
    const boundsSql = `SELECT lo, hi FROM (${this.boundsSql()})`;
    const lookbackDays = this.grain === null ? 0 : this.lookbackDays();
    const spansSql = this.spansSql();
    return {
      sql,
      outputs,
      diagnostics: this.diagnostics,
      boundsSql,
      lookbackDays,
      spansSql,
      dialect: this.d.name,
    };
  }

  private prepare(): void {
    const checked = checkKpis(this.req.schema, this.req.kpis);
    this.checked = checked.kpis;
    this.diagnostics.push(...checked.diagnostics);
    this.validateRequest();
    this.markFailures();
    for (const k of this.okKpis()) this.collectSlots(k);
    this.markFailures();
    for (const k of this.okKpis()) this.collectBase(k);
    this.limitLookback();
  }

  /** The aggregates a KPI's base reads; a row count is added as one more aggregate of its block. */
  private collectBase(k: CheckedKpi): void {
    const plan = planBase(k, this.checked);
    if (plan === null || k.expr === null) return;
    const span = k.expr.span;
    const exprs: TExpr[] =
      plan.t === 'exprs'
        ? [...plan.exprs]
        : plan.t === 'rows'
          ? plan.sources.map((source) => {
              const call = rowsCall(source, span);
              this.addSlot(k, call, lookupFunction('COUNTROWS') as AggregateFunction);
              return call;
            })
          : [];
    this.bases.set(k.id, { plan, exprs });
  }

  /** Whether a KPI has a base: its own, or (made of other KPIs) one of theirs. */
  private hasBase(id: string, seen = new Set<string>()): boolean {
    const b = this.bases.get(id);
    if (b === undefined || this.failed.has(id) || seen.has(id)) return false;
    if (b.plan.t !== 'refs') return true;
    seen.add(id);
    return (this.checked.get(id)?.refs ?? []).some((r) => this.hasBase(r, seen));
  }

  /** The base at KPI level: the smallest of what it rests on. */
  private baseSql(k: CheckedKpi, ctx: SqlCtx, baseOf: ReadonlyMap<string, string>): string {
    const b = this.bases.get(k.id);
    const parts =
      b === undefined
        ? []
        : b.plan.t === 'refs'
          ? k.refs.flatMap((r) => {
              const c = baseOf.get(r);
              return c === undefined ? [] : [this.q(c)];
            })
          : b.exprs.map((e) => this.rowSql(e, ctx));
    if (parts.length === 0) return 'CAST(NULL AS DOUBLE)';
    return `CAST(${parts.length === 1 ? parts[0] : `LEAST(${parts.join(', ')})`} AS DOUBLE)`;
  }

  /**
   * What each KPI reads, through the KPIs it uses: whether any table at all, whether
   * anything dated (a snapshot such as a customer list is not), and which date columns.
   */
  private reach(): Map<string, { reads: boolean; dated: boolean; times: Map<string, TimeSource> }> {
    const own = new Map<string, { reads: boolean; dated: boolean; times: Map<string, TimeSource> }>();
    for (const b of this.blocks)
      for (const id of b.kpis) {
        const r = own.get(id) ?? { reads: true, dated: false, times: new Map() };
        if (b.time !== null || b.usesPeriod || b.event) r.dated = true;
        if (b.time !== null) r.times.set(`${b.source}\u0000${b.time}`, { table: b.source, column: b.time });
        own.set(id, r);
      }
    const out = new Map<string, { reads: boolean; dated: boolean; times: Map<string, TimeSource> }>();
    for (const k of this.okKpis()) {
      const r = { reads: false, dated: false, times: new Map<string, TimeSource>() };
      const seen = new Set<string>();
      const visit = (id: string) => {
        if (seen.has(id)) return;
        seen.add(id);
        const o = own.get(id);
        if (o !== undefined) {
          r.reads = true;
          r.dated ||= o.dated;
          for (const [key, t] of o.times) r.times.set(key, t);
        }
        for (const ref of this.checked.get(id)?.refs ?? []) visit(ref);
      };
      visit(k.id);
      out.set(k.id, r);
    }
    return out;
  }

  /** First and last date of each date column the KPIs read: table_name, column_name, lo, hi. */
  private spansSql(): string {
    const times = new Map<string, TimeSource>();
    for (const b of this.blocks)
      if (b.time !== null) times.set(`${b.source}\u0000${b.time}`, { table: b.source, column: b.time });
    return [...times.values()]
      .map(
        (t) =>
          `SELECT ${this.d.stringLiteral(t.table)} AS table_name, ${this.d.stringLiteral(t.column)} AS column_name, MIN(CAST(${this.q(t.column)} AS DATE)) AS lo, MAX(CAST(${this.q(t.column)} AS DATE)) AS hi FROM ${this.q(t.table)}`,
      )
      .join('\nUNION ALL\n');
  }

  /**
   * Refuses a KPI whose look-back, through the KPIs it uses, passes MAX_LOOKBACK_YEARS:
   * the calendar is built a day per row, so a chain of PREVs at a long grain would
   * otherwise stall every KPI of the sheet before any runs.
   */
  private limitLookback(): void {
    if (this.grain === null) return;
    const memo = new Map<string, Lookback>();
    const over: CheckedKpi[] = [];
    for (const k of this.okKpis()) {
      const lb = this.lookback(k.id, memo);
      if (this.daysOf(lb) > MAX_LOOKBACK_YEARS * 366) over.push(k);
    }
    for (const k of over) {
      // The first PREV, ROLLING or KPI name on the way back: where a smaller n goes.
      let span: TExpr['span'] | null = null;
      if (k.expr !== null)
        walk(k.expr, (n) => {
          const reaches = (n.t === 'call' && lookupFunction(n.fn)?.level === 'time') || n.t === 'kpi';
          if (reaches && span === null) span = n.span;
          return span === null;
        });
      this.diagnostics.push({
        ...diagnostic('lookback-too-long', { years: MAX_LOOKBACK_YEARS }, span ?? { start: 0, end: 0 }),
        kpiId: k.id,
        source: 'formula',
      });
      this.failed.add(k.id);
    }
    if (over.length > 0) this.markFailures();
  }

  private okKpis(): CheckedKpi[] {
    return [...this.checked.values()].filter((k) => !this.failed.has(k.id));
  }

  private validateRequest(): void {
    const none = { start: 0, end: 0 };
    for (const text of [this.req.from, this.req.to]) {
      if (text !== undefined && !ISO_DATE.test(text))
        this.diagnostics.push(diagnostic('bad-range', { text }, none));
    }
    const b = this.req.breakdown;
    if (b !== undefined && b !== null) {
      const t = findTable(this.req.schema, b.table);
      const c = t === undefined ? undefined : findColumn(t, b.column);
      if (t === undefined || c === undefined) {
        const names =
          t === undefined ? this.req.schema.tables.map((x) => x.name) : t.columns.map((x) => x.name);
        const suggestion = closest(t === undefined ? b.table : b.column, names);
        this.diagnostics.push(
          diagnostic('breakdown-unknown', { table: b.table, column: b.column, suggestion }, none),
        );
      } else {
        this.breakdown = { table: t.name, column: c.name };
      }
    }
    if (this.grain === null) {
      for (const k of this.checked.values()) {
        if (k.expr === null) continue;
        walk(k.expr, (n) => {
          const f = n.t === 'call' ? lookupFunction(n.fn) : undefined;
          if (f?.level === 'time' && f.name !== 'SHARE') {
            this.diagnostics.push({
              ...diagnostic('time-needs-grain', { fn: f.name }, n.span),
              kpiId: k.id,
              source: 'formula',
            });
            this.failed.add(k.id);
          }
          return true;
        });
      }
    }
  }

  /** A KPI fails with its own errors or when a KPI it refers to fails. */
  private markFailures(): void {
    for (const k of this.checked.values()) if (!k.ok) this.failed.add(k.id);
    let changed = true;
    while (changed) {
      changed = false;
      for (const k of this.checked.values()) {
        if (!this.failed.has(k.id) && k.refs.some((r) => this.failed.has(r))) {
          this.failed.add(k.id);
          changed = true;
        }
      }
    }
  }

  private timeColumnFor(k: CheckedKpi, source: string): string | null {
    if (k.timeColumn !== null && k.timeColumn.table === source) return k.timeColumn.column;
    const t = findTable(this.req.schema, source);
    if (t?.timeColumn === undefined) return null;
    const c = findColumn(t, t.timeColumn);
    return c !== undefined && (c.kind === 'date' || c.kind === 'timestamp') ? c.name : null;
  }

  private filterApplies(k: CheckedKpi, source: string): boolean {
    if (k.filter === null) return false;
    let ok = true;
    walk(k.filter, (n) => {
      if (n.t === 'column' && joinPath(this.req.schema, source, n.table) === null) ok = false;
      return true;
    });
    return ok;
  }

  private collectSlots(k: CheckedKpi): void {
    if (k.expr === null) return;
    walk(k.expr, (n) => {
      if (n.t !== 'call') return true;
      const f = lookupFunction(n.fn);
      if (f?.level !== 'aggregate' || n.source === undefined) return true;
      this.addSlot(k, n, f);
      return false;
    });
  }

  private addSlot(k: CheckedKpi, call: Extract<TExpr, { t: 'call' }>, f: AggregateFunction): void {
    const source = call.source as string;
    const active = f.active === true && this.grain !== null;
    // ACTIVE() asks who is active at a period's (or range's) start, whenever they arrived:
    // never limited to rows dated in the range, but depending on where it starts.
    const time = f.active === true ? null : this.timeColumnFor(k, source);
    let usesPeriod = f.active === true;
    const tables = new Set<string>();
    const note = (n: TExpr) => {
      if (n.t === 'column' || n.t === 'table') tables.add(n.table);
      if (n.t === 'call' && (n.fn === 'PERIOD_START' || n.fn === 'PERIOD_END')) usesPeriod = true;
      return true;
    };
    for (const a of call.args) walk(a, note);
    const applies = this.filterApplies(k, source);
    if (applies && k.filter !== null) walk(k.filter, note);
    if (this.breakdown !== null) {
      if (joinPath(this.req.schema, source, this.breakdown.table) === null) {
        this.diagnostics.push({
          ...diagnostic(
            'breakdown-unreachable',
            { kpi: k.id, from: source, to: this.breakdown.table },
            call.span,
          ),
          kpiId: k.id,
          source: 'formula',
        });
        this.failed.add(k.id);
        return;
      }
      tables.add(this.breakdown.table);
    }
    const blockKey = active ? null : `${source}\u0000${time ?? ''}\u0000${usesPeriod}`;
    let block =
      blockKey === null
        ? undefined
        : this.blocks.find(
            (b) => `${b.source}\u0000${b.time ?? ''}\u0000${b.usesPeriod}` === blockKey && !b.event,
          );
    if (block === undefined) {
      block = {
        name: `${this.prefix}${active ? 'e' : 'b'}${this.blocks.length}`,
        source,
        time,
        usesPeriod,
        event: active,
        slots: [],
        tables: new Set(),
        kpis: new Set(),
      };
      this.blocks.push(block);
    }
    for (const t of tables) block.tables.add(t);
    block.kpis.add(k.id);
    // Identical aggregates (same block, arguments and filter) are computed once.
    const key = `${block.name}\u0000${f.name}\u0000${JSON.stringify(call.args, stripSpans)}\u0000${applies ? JSON.stringify(k.filter, stripSpans) : ''}`;
    const existing = this.slotByKey.get(key);
    if (existing !== undefined) {
      this.slotOfCall.set(call, existing);
      return;
    }
    const slot: Slot = { name: `a${this.slotCount++}`, call, kpi: k, empty: f.empty, active };
    block.slots.push(slot);
    this.slotByKey.set(key, slot);
    this.slotOfCall.set(call, slot);
  }

  // ---- SQL ----

  private buildSql(outputs: ScorecardOutput[], undated: ReadonlySet<string>): string {
    const main = this.parts(outputs, undated);
    const { start, by, range } = RESULT_COLUMNS;
    const order = `ORDER BY ${this.q(range)} NULLS FIRST, ${this.q(start)}, ${this.q(by)} NULLS LAST`;
    if (this.grain === null || this.req.totals !== true)
      return [`WITH ${main.ctes.join(',\n')}`, main.select, order].join('\n');
    // The whole-range rows come from a second compile over the same bounds, in the same query.
    const totals = new Compiler(this.req, { prefix: 't_' });
    totals.prepare();
    const part = totals.parts(outputs, new Set());
    return [
      `WITH ${[...main.ctes, ...part.ctes.slice(1)].join(',\n')}`,
      main.select,
      'UNION ALL',
      part.select,
      order,
    ].join('\n');
  }

  /** The CTEs (bounds first) and the final SELECT of this compile. */
  private parts(
    outputs: readonly ScorecardOutput[],
    undated: ReadonlySet<string>,
  ): { ctes: string[]; select: string } {
    const ctes: string[] = [];
    const cte = (name: string, body: string) => ctes.push(`${this.n(name)} AS (\n${body}\n)`);
    cte('bounds', this.boundsSql());
    if (this.grain !== null) {
      cte('periods', this.periodsSql());
      cte('spine_periods', this.spinePeriodsSql());
      if (this.blocks.some((b) => b.event)) {
        cte('day_bucket', this.dayBucketSql());
      }
    } else if (this.ranges) {
      cte('range_bounds', rangeBoundsSql(this.d, this.n('bounds')));
      cte('spine_periods', rangesSql(this.d, this.n('range_bounds')));
    } else {
      cte(
        'spine_periods',
        `SELECT bd.lo AS period_start, bd.hi AS period_end, 'all' AS period, 0 AS period_ord, 0 AS period_year, TRUE AS in_range, CAST(NULL AS VARCHAR) AS range_kind FROM ${this.n('bounds')} AS bd`,
      );
    }
    // Block names carry the prefix already.
    for (const b of this.blocks)
      ctes.push(`${this.q(b.name)} AS (\n${b.event ? this.eventBlockSql(b) : this.blockSql(b)}\n)`);
    cte('by_values', this.byValuesSql());
    cte('r0', this.r0Sql());
    const stages = this.stages();
    const maxStage = Math.max(0, ...stages.values());
    const columnOf = new Map(outputs.map((o) => [o.kpiId, o.column]));
    const baseOf = new Map(outputs.flatMap((o) => (o.base === null ? [] : [[o.kpiId, o.base] as const])));
    for (let s = 1; s <= maxStage; s++) {
      const cols = outputs
        .filter((o) => stages.get(o.kpiId) === s)
        .flatMap((o) => {
          const k = this.checked.get(o.kpiId) as CheckedKpi;
          const value = `${this.kpiSql(k, columnOf)} AS ${this.q(o.column)}`;
          return o.base === null
            ? [value]
            : [value, `${this.baseSql(k, this.kpiCtx(columnOf), baseOf)} AS ${this.q(o.base)}`];
        });
      cte(`r${s}`, `SELECT *, ${cols.join(',\n  ')}\nFROM ${this.n(`r${s - 1}`)}`);
    }
    const finalCols = outputs.flatMap((o) =>
      (o.base === null ? [o.column] : [o.column, o.base]).map((c) =>
        this.failed.has(o.kpiId) || undated.has(o.kpiId) ? `CAST(NULL AS DOUBLE) AS ${this.q(c)}` : this.q(c),
      ),
    );
    const { start, end, label, by, range } = RESULT_COLUMNS;
    const rangeCol = this.grain === null ? this.q(range) : `CAST(NULL AS VARCHAR) AS ${this.q(range)}`;
    const select = [
      `SELECT ${[start, end, label, by].map((c) => this.q(c)).join(', ')}, ${rangeCol}${finalCols.length > 0 ? `, ${finalCols.join(', ')}` : ''}`,
      `FROM ${this.n(`r${maxStage}`)}`,
      'WHERE "in_range"',
    ].join('\n');
    return { ctes, select };
  }

  private boundsSql(): string {
    const from =
      this.req.from !== undefined && ISO_DATE.test(this.req.from) ? this.d.dateLiteral(this.req.from) : null;
    const to =
      this.req.to !== undefined && ISO_DATE.test(this.req.to) ? this.d.dateLiteral(this.req.to) : null;
    if (this.grain === null && !this.ranges) {
      return `SELECT CAST(${from ?? 'NULL'} AS DATE) AS lo, CAST(${to ?? 'NULL'} AS DATE) AS hi`;
    }
    const times = this.blocks
      .filter((b) => b.time !== null)
      .map((b) => ({ table: b.source, column: b.time as string }));
    const unique = [...new Map(times.map((t) => [`${t.table}.${t.column}`, t])).values()];
    if (unique.length === 0) {
      return `SELECT COALESCE(${from ?? 'NULL'}, ${this.today}) AS lo, COALESCE(${to ?? 'NULL'}, ${this.today}) AS hi`;
    }
    const lows = unique.map((t) => `(SELECT MIN(CAST(${this.q(t.column)} AS DATE)) FROM ${this.q(t.table)})`);
    const highs = unique.map(
      (t) => `(SELECT MAX(CAST(${this.q(t.column)} AS DATE)) FROM ${this.q(t.table)})`,
    );
    return [
      `SELECT COALESCE(${from ?? 'NULL'}, LEAST(${lows.join(', ')}), ${this.today}) AS lo,`,
      `  COALESCE(${to ?? 'NULL'}, GREATEST(${highs.join(', ')}), ${this.today}) AS hi`,
    ].join('\n');
  }

  private periodsSql(): string {
    const p = periodColumns(this.calendar, this.grain as Grain);
    const c = (col: string) => `c.${this.q(col)}`;
    return [
      `SELECT ${c(p.start)} AS period_start, MAX(${c(CALENDAR_DAY)}) AS period_end,`,
      `  ANY_VALUE(${c(p.label)}) AS period, ANY_VALUE(${c(p.ord)}) AS period_ord, ANY_VALUE(${c(p.year)}) AS period_year`,
      `FROM ${this.q(CALENDAR_TABLE)} AS c GROUP BY ${c(p.start)}`,
    ].join('\n');
  }

  /** Periods and years of history a KPI reads before the range: its own windows plus those of the KPIs it uses. */
  private lookback(id: string, memo: Map<string, Lookback>): Lookback {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const own = { periods: 0, years: 0 };
    memo.set(id, own);
    const k = this.checked.get(id);
    if (k?.expr === null || k === undefined) return own;
    walk(k.expr, (n) => {
      if (n.t !== 'call') return true;
      const f = lookupFunction(n.fn);
      if (f?.level === 'time') {
        const lb = f.lookback(n.args[1] === undefined ? null : constantNumber(n.args[1]));
        own.periods = Math.max(own.periods, lb.periods);
        own.years = Math.max(own.years, lb.years);
      }
      return true;
    });
    const refs = k.refs.filter((r) => !this.failed.has(r)).map((r) => this.lookback(r, memo));
    const total = {
      periods: own.periods + Math.max(0, ...refs.map((r) => r.periods)),
      years: own.years + Math.max(0, ...refs.map((r) => r.years)),
    };
    memo.set(id, total);
    return total;
  }

  private lookbackDays(): number {
    const memo = new Map<string, Lookback>();
    let periods = 0;
    let years = 0;
    for (const k of this.okKpis()) {
      const lb = this.lookback(k.id, memo);
      periods = Math.max(periods, lb.periods);
      years = Math.max(years, lb.years);
    }
    return this.daysOf({ periods, years });
  }

  private daysOf(lb: Lookback): number {
    return lb.years * 366 + lb.periods * MAX_PERIOD_DAYS[this.grain as Grain];
  }

  private spinePeriodsSql(): string {
    return [
      'SELECT p.*, p.period_end >= bd.lo AS in_range',
      `FROM ${this.n('periods')} AS p, ${this.n('bounds')} AS bd`,
      `WHERE p.period_end >= bd.lo - ${this.lookbackDays()} AND p.period_start <= bd.hi`,
    ].join('\n');
  }

  private dayBucketSql(): string {
    const p = periodColumns(this.calendar, this.grain as Grain);
    // The first period start on or after each day: an event on that day counts from then on.
    return [
      `SELECT c.${this.q(CALENDAR_DAY)} AS d,`,
      `  CASE WHEN p.period_start = c.${this.q(CALENDAR_DAY)} THEN p.period_start ELSE p.period_end + 1 END AS bucket`,
      `FROM ${this.q(CALENDAR_TABLE)} AS c JOIN ${this.n('periods')} AS p ON p.period_start = c.${this.q(p.start)}`,
    ].join('\n');
  }

  /**
   * The join condition of one link. Keys of different kinds (a canonical text id
   * against a file's numeric one) are compared as text: the engine refuses to
   * compare them as they are.
   */
  private joinKeys(r: Relationship, toAlias: string, fromAlias: string): string {
    const kind = (table: string, column: string) => {
      const t = findTable(this.req.schema, table);
      return t === undefined ? undefined : findColumn(t, column)?.kind;
    };
    const to = `${toAlias}.${this.q(r.toColumn)}`;
    const from = `${fromAlias}.${this.q(r.fromColumn)}`;
    if (kind(r.toTable, r.toColumn) === kind(r.fromTable, r.fromColumn)) return `${to} = ${from}`;
    return `CAST(${to} AS VARCHAR) = CAST(${from} AS VARCHAR)`;
  }

  /** FROM clause with the source table and the related tables joined many-to-one. */
  private fromClause(b: Block): BlockSql {
    const aliases = new Map<string, string>([[b.source, 't0']]);
    const joins: string[] = [];
    for (const t of b.tables) {
      const path = joinPath(this.req.schema, b.source, t) as Relationship[];
      for (const r of path) {
        if (aliases.has(r.toTable)) continue;
        const alias = `t${aliases.size}`;
        const fromAlias = aliases.get(r.fromTable) as string;
        joins.push(`LEFT JOIN ${this.q(r.toTable)} AS ${alias} ON ${this.joinKeys(r, alias, fromAlias)}`);
        aliases.set(r.toTable, alias);
      }
    }
    const alias = (table: string) => aliases.get(table) ?? 't0';
    const by =
      this.breakdown === null ? null : `${alias(this.breakdown.table)}.${this.q(this.breakdown.column)}`;
    return { alias, from: [`FROM ${this.q(b.source)} AS t0`, ...joins].join('\n'), by };
  }

  private filterSql(slot: Slot, b: Block, ctx: SqlCtx): string | null {
    const k = slot.kpi;
    if (k.filter === null || !this.filterApplies(k, b.source)) return null;
    return this.rowSql(k.filter, ctx);
  }

  /** `also`: a condition on top of the KPI's filter (the range a whole-range value counts). */
  private slotSql(slot: Slot, b: Block, ctx: SqlCtx, also: string | null = null): string {
    const f = lookupFunction(slot.call.fn) as AggregateFunction;
    const args = slot.call.args.map((a, i) => this.argSql(f.name, i, a, ctx));
    const own = this.filterSql(slot, b, ctx);
    const filter = also === null ? own : own === null ? also : `${also} AND (${own})`;
    const sql = f.sql(args, filter, ctx.row);
    return slot.call.type === 'number' ? `CAST(${sql} AS DOUBLE)` : sql;
  }

  /**
   * A block's aggregates over each whole range in one scan: each slot three times, each
   * counting only the rows dated in its range (a join to the ranges would read every row
   * three times). An undated table is one snapshot: the whole range's, no earlier range's.
   */
  private rangesBlockSql(b: Block): string {
    const { alias, from, by } = this.fromClause(b);
    const t = b.time === null ? null : `CAST(t0.${this.q(b.time)} AS DATE)`;
    const kinds = b.time === null && !b.usesPeriod ? (['total'] as const) : RANGE_KINDS;
    const cols = [`${by ?? 'CAST(NULL AS VARCHAR)'} AS by_value`];
    for (const kind of kinds) {
      const [lo, hi] = [`rr.${this.q(`${kind}_lo`)}`, `rr.${this.q(`${kind}_hi`)}`];
      const ctx: SqlCtx = { alias, row: { periodStart: lo, periodEnd: hi, today: this.today } };
      const inRange = t === null ? null : `${t} >= ${lo} AND ${t} <= ${hi}`;
      for (const slot of b.slots)
        cols.push(`${this.slotSql(slot, b, ctx, inRange)} AS ${this.q(`${slot.name}_${kind}`)}`);
    }
    const [first, last] = [
      `LEAST(${RANGE_KINDS.map((k) => `rr.${this.q(`${k}_lo`)}`).join(', ')})`,
      `GREATEST(${RANGE_KINDS.map((k) => `rr.${this.q(`${k}_hi`)}`).join(', ')})`,
    ];
    return [
      `SELECT ${cols.join(',\n  ')}`,
      from,
      `CROSS JOIN ${this.n('range_bounds')} AS rr`,
      ...(t === null ? [] : [`WHERE ${t} >= ${first} AND ${t} <= ${last}`]),
      'GROUP BY ALL',
    ].join('\n');
  }

  private blockSql(b: Block): string {
    if (this.ranges) return this.rangesBlockSql(b);
    const { alias, from, by } = this.fromClause(b);
    const byCol = `${by ?? 'CAST(NULL AS VARCHAR)'} AS by_value`;
    const where: string[] = [];
    let periodJoin = '';
    let period = 'bd.lo';
    let periodEnd = 'bd.hi';
    let groupPeriod = false;
    if (this.grain !== null && b.time !== null) {
      const p = periodColumns(this.calendar, this.grain);
      periodJoin = [
        `JOIN ${this.q(CALENDAR_TABLE)} AS c ON c.${this.q(CALENDAR_DAY)} = CAST(t0.${this.q(b.time)} AS DATE)`,
        `JOIN ${this.n('spine_periods')} AS sp ON sp.period_start = c.${this.q(p.start)}`,
      ].join('\n');
      period = 'sp.period_start';
      periodEnd = 'sp.period_end';
      groupPeriod = true;
    } else if (this.grain !== null && b.usesPeriod) {
      periodJoin = `CROSS JOIN ${this.n('spine_periods')} AS sp`;
      period = 'sp.period_start';
      periodEnd = 'sp.period_end';
      groupPeriod = true;
    } else if (this.grain === null && b.time !== null) {
      const t = `CAST(t0.${this.q(b.time)} AS DATE)`;
      where.push(`(bd.lo IS NULL OR ${t} >= bd.lo)`, `(bd.hi IS NULL OR ${t} <= bd.hi)`);
    }
    const ctx: SqlCtx = {
      alias,
      row: {
        periodStart: this.grain === null ? `COALESCE(bd.lo, ${this.today})` : period,
        periodEnd: this.grain === null ? `COALESCE(bd.hi, ${this.today})` : periodEnd,
        today: this.today,
      },
    };
    const cols = [
      ...(groupPeriod ? ['sp.period_start AS period_start'] : []),
      byCol,
      ...b.slots.map((s) => `${this.slotSql(s, b, ctx)} AS ${this.q(s.name)}`),
    ];
    return [
      `SELECT ${cols.join(',\n  ')}`,
      from,
      `CROSS JOIN ${this.n('bounds')} AS bd`,
      ...(periodJoin === '' ? [] : [periodJoin]),
      ...(where.length > 0 ? [`WHERE ${where.join(' AND ')}`] : []),
      'GROUP BY ALL',
    ].join('\n');
  }

  /** ACTIVE(start, end): +1 at the first period start on/after start, −1 at the one on/after end. */
  private eventBlockSql(b: Block): string {
    const { alias, from, by } = this.fromClause(b);
    const slot = b.slots[0];
    const ctx: SqlCtx = {
      alias,
      row: { periodStart: 'fs.first_start', periodEnd: 'fs.first_start', today: this.today },
    };
    const [start, end] = slot.call.args.map((a) => this.rowSql(a, ctx));
    const filter = this.filterSql(slot, b, ctx);
    const byCol = `${by ?? 'CAST(NULL AS VARCHAR)'} AS by_value`;
    const side = (date: string, ds: number, de: number, conds: string[]) =>
      [
        `SELECT CASE WHEN CAST(${date} AS DATE) < fs.first_start THEN fs.first_start ELSE db.bucket END AS bucket, ${byCol}, ${ds} AS ds, ${de} AS de`,
        from,
        `CROSS JOIN (SELECT MIN(period_start) AS first_start FROM ${this.n('spine_periods')}) AS fs`,
        `LEFT JOIN ${this.n('day_bucket')} AS db ON db.d = CAST(${date} AS DATE)`,
        `WHERE ${[...conds, ...(filter === null ? [] : [`(${filter})`])].join(' AND ')}`,
      ].join('\n');
    return [
      'SELECT ev.bucket AS period_start, ev.by_value, SUM(ev.ds) AS n_start, SUM(ev.de) AS n_end FROM (',
      side(start, 1, 0, [`${start} IS NOT NULL`]),
      'UNION ALL',
      side(end, 0, 1, [`${start} IS NOT NULL`, `${end} IS NOT NULL`]),
      ') AS ev GROUP BY ALL',
    ].join('\n');
  }

  private byValuesSql(): string {
    if (this.breakdown === null) return 'SELECT CAST(NULL AS VARCHAR) AS by_value';
    const parts = [
      `SELECT ${this.q(this.breakdown.column)} AS by_value FROM ${this.q(this.breakdown.table)}`,
      ...this.blocks.map((b) => `SELECT by_value FROM ${this.q(b.name)}`),
    ];
    return parts.join('\nUNION\n');
  }

  private r0Sql(): string {
    const cols = ['s.*'];
    const joins: string[] = [];
    for (const b of this.blocks) {
      const on = [
        `${b.name}.by_value IS NOT DISTINCT FROM s.by_value`,
        ...(this.grain !== null && (b.time !== null || b.usesPeriod || b.event)
          ? [`${b.name}.period_start = s.period_start`]
          : []),
      ];
      const dated = b.time !== null || b.usesPeriod;
      joins.push(`LEFT JOIN ${this.q(b.name)} ON ${on.join(' AND ')}`);
      for (const slot of b.slots) {
        if (b.event) {
          cols.push(
            `CAST(SUM(COALESCE(${b.name}.n_start, 0) - COALESCE(${b.name}.n_end, 0)) OVER (PARTITION BY s.by_value ORDER BY s.period_start ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) AS ${this.q(slot.name)}`,
          );
        } else if (this.ranges) {
          // Each range's row reads its own column; an undated table has the whole range's only.
          const v = (kind: string) => {
            const c = `${b.name}.${this.q(`${slot.name}_${kind}`)}`;
            return slot.empty === 0 ? `COALESCE(${c}, 0)` : c;
          };
          const whens = (dated ? RANGE_KINDS : (['total'] as const)).map(
            (kind) => `WHEN ${this.d.stringLiteral(kind)} THEN ${v(kind)}`,
          );
          cols.push(`CASE s.range_kind ${whens.join(' ')} END AS ${this.q(slot.name)}`);
        } else {
          const v = `${b.name}.${this.q(slot.name)}`;
          cols.push(`${slot.empty === 0 ? `COALESCE(${v}, 0)` : v} AS ${this.q(slot.name)}`);
        }
      }
    }
    return [
      `SELECT ${cols.join(',\n  ')}`,
      `FROM (SELECT * FROM ${this.n('spine_periods')} CROSS JOIN ${this.n('by_values')}) AS s`,
      ...joins,
    ].join('\n');
  }

  /** Stage of each KPI: one more than the KPIs it refers to, so windows can read earlier columns. */
  private stages(): Map<string, number> {
    const out = new Map<string, number>();
    const visit = (id: string): number => {
      const known = out.get(id);
      if (known !== undefined) return known;
      const k = this.checked.get(id);
      out.set(id, 1);
      const s = 1 + Math.max(0, ...(k?.refs ?? []).filter((r) => !this.failed.has(r)).map(visit));
      out.set(id, s);
      return s;
    };
    for (const k of this.okKpis()) visit(k.id);
    return out;
  }

  private kpiSql(k: CheckedKpi, columnOf: Map<string, string>): string {
    const sql = this.rowSql(k.expr as TExpr, this.kpiCtx(columnOf));
    return k.type === 'number' ? `CAST(${sql} AS DOUBLE)` : sql;
  }

  /** Expressions on the stage relations: KPI columns, aggregate columns and windows over periods. */
  private kpiCtx(columnOf: Map<string, string>): SqlCtx {
    const window: WindowContext = {
      partition: this.q('by_value'),
      order: this.q('period_start'),
      ordinal: this.q('period_ord'),
      year: this.q('period_year'),
      inRange: this.q('in_range'),
      period: this.q('period_start'),
    };
    return {
      alias: () => 't0',
      row: { periodStart: this.q('period_start'), periodEnd: this.q('period_end'), today: this.today },
      kpiLevel: { columnOf, window },
    };
  }

  private argSql(fn: string, i: number, a: TExpr, ctx: SqlCtx): string {
    return argSql(fn, i, a, this.exprCtx(ctx));
  }

  /** SQL for a row expression (in a block) or a KPI expression (on the stage relations). */
  private rowSql(e: TExpr, ctx: SqlCtx): string {
    return exprSql(e, this.exprCtx(ctx));
  }

  private exprCtx(ctx: SqlCtx): ExprSqlContext {
    return {
      ...ctx,
      dialect: this.d,
      aggregate: (call) => {
        const slot = this.slotOfCall.get(call);
        return slot === undefined ? 'NULL' : this.q(slot.name);
      },
    };
  }
}

interface Lookback {
  periods: number;
  years: number;
}

function stripSpans(key: string, value: unknown): unknown {
  return key === 'span' ? undefined : value;
}
