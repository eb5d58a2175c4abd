import type { CalendarKind, Grain } from '../sql/calendarSchema';
import { MAX_PERIOD_DAYS } from '../sql/calendarSchema';
import { checkKpis } from './check';
import type { CheckedKpi, TExpr } from './checked';
import { walk } from './checked';
import type { ScorecardRequest } from './compile';
import { type BasePlan, planBase, rowsCall } from './compileBase';
import { type Diagnostic, diagnostic } from './diagnostics';
import type { Block, BlockKind, Call, Slot, TimeSource } from './planBlocks';
import { type AggregateFunction, lookupFunction } from './registry';
import { findColumn, findTable, joinPath } from './schema';
import { closest } from './suggest';
import { constantNumber } from './typeRules';

interface Lookback {
  periods: number;
  years: number;
}

interface Reach {
  reads: boolean;
  dated: boolean;
  times: Map<string, TimeSource>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How far back (through PREV, ROLLING, YOY and the KPIs they use) one KPI may read. */
const MAX_LOOKBACK_YEARS = 100;

const timeKey = (t: TimeSource) => `${t.table}\u0000${t.column}`;

/**
 * What a scorecard compile computes, before any SQL: the checked KPIs and which fail,
 * the aggregate blocks (one per source table and date column, one per ACTIVE()) and
 * their slots, what each KPI's value rests on, and how far back each reads.
 */
export class ScorecardPlan {
  readonly diagnostics: Diagnostic[] = [];
  checked = new Map<string, CheckedKpi>();
  readonly failed = new Set<string>();
  readonly blocks: Block[] = [];
  readonly slotOfCall = new Map<Call, Slot>();
  /** What each KPI's value rests on, and the row counts added for it (compileBase.ts). */
  readonly bases = new Map<string, { plan: BasePlan; exprs: TExpr[] }>();
  breakdown: { table: string; column: string } | null = null;
  readonly calendar: CalendarKind;
  private readonly slotByKey = new Map<string, Slot>();
  private slotCount = 0;

  constructor(
    readonly req: ScorecardRequest,
    readonly grain: Grain | null,
    /** Prefix of block names, so a second compile can share one WITH. */
    private readonly prefix: string,
  ) {
    this.calendar = req.calendar ?? 'gregorian';
    const checked = checkKpis(req.schema, req.kpis);
    this.checked = checked.kpis;
    this.diagnostics.push(...checked.diagnostics);
    this.validateRequest();
    this.markFailures();
    for (const k of this.okKpis()) this.collectSlots(k);
    this.markFailures();
    for (const k of this.okKpis()) this.collectBase(k);
    this.limitLookback();
  }

  okKpis(): CheckedKpi[] {
    return [...this.checked.values()].filter((k) => !this.failed.has(k.id));
  }

  /** Whether a block's values differ from period to period. */
  dated(b: Block): boolean {
    return b.time !== null || b.usesPeriod || b.kind === 'event';
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
  hasBase(id: string, seen = new Set<string>()): boolean {
    const b = this.bases.get(id);
    if (b === undefined || this.failed.has(id) || seen.has(id)) return false;
    if (b.plan.t !== 'refs') return true;
    seen.add(id);
    return (this.checked.get(id)?.refs ?? []).some((r) => this.hasBase(r, seen));
  }

  /**
   * What each KPI reads, through the KPIs it uses: whether any table at all, whether
   * anything dated (a snapshot such as a customer list is not), and which date columns.
   */
  reach(): Map<string, Reach> {
    const own = new Map<string, Reach>();
    for (const b of this.blocks)
      for (const id of b.kpis) {
        const r = own.get(id) ?? { reads: true, dated: false, times: new Map() };
        if (this.dated(b)) r.dated = true;
        if (b.time !== null)
          r.times.set(timeKey({ table: b.source, column: b.time }), { table: b.source, column: b.time });
        own.set(id, r);
      }
    const out = new Map<string, Reach>();
    for (const k of this.okKpis()) {
      const r: Reach = { reads: false, dated: false, times: new Map() };
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

  /** The date columns the blocks read, each once. */
  times(): TimeSource[] {
    const times = new Map<string, TimeSource>();
    for (const b of this.blocks)
      if (b.time !== null)
        times.set(timeKey({ table: b.source, column: b.time }), { table: b.source, column: b.time });
    return [...times.values()];
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

  filterApplies(k: CheckedKpi, source: string): boolean {
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

  private addSlot(k: CheckedKpi, call: Call, f: AggregateFunction): void {
    const source = call.source as string;
    const kind: BlockKind = f.active === true && this.grain !== null ? 'event' : 'aggregate';
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
    // Each ACTIVE() has a block of its own; plain aggregates share one per source, date column and period use.
    const shares = (b: Block) =>
      b.kind === 'aggregate' && b.source === source && b.time === time && b.usesPeriod === usesPeriod;
    let block = kind === 'event' ? undefined : this.blocks.find(shares);
    if (block === undefined) {
      block = {
        name: `${this.prefix}${kind === 'event' ? 'e' : 'b'}${this.blocks.length}`,
        kind,
        source,
        time,
        usesPeriod,
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
    const slot: Slot = { name: `a${this.slotCount++}`, call, kpi: k, empty: f.empty };
    block.slots.push(slot);
    this.slotByKey.set(key, slot);
    this.slotOfCall.set(call, slot);
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

  /** Days before the range the query reads for PREV, YOY and friends (0 without a grain). */
  lookbackDays(): number {
    if (this.grain === null) return 0;
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

  /** Stage of each KPI: one more than the KPIs it refers to, so windows can read earlier columns. */
  stages(): Map<string, number> {
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
}

function stripSpans(key: string, value: unknown): unknown {
  return key === 'span' ? undefined : value;
}
