import { castDraft, type Draft } from 'immer';
import { immer } from 'zustand/middleware/immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { checkKpis } from '../core/formula/check';
import { compileScorecard, type ScorecardOutput, type ScorecardRequest } from '../core/formula/compile';
import type { Diagnostic } from '../core/formula/diagnostics';
import type { KpiDef, Relationship } from '../core/formula/schema';
import { comparedTextColumns } from '../core/formula/textMatch';
import { availability } from '../core/kpi/availability';
import { type BenchmarkRow, comparableValue, lookupBenchmark } from '../core/kpi/benchmarks';
import { CATALOG, catalogKpi, withDependencies } from '../core/kpi/catalog';
import { type DateSpan, defaultRange, monthsBack, spanOf } from '../core/kpi/dateRange';
import { type Evaluation, evaluate, type PeriodValue } from '../core/kpi/evaluate';
import { formatForUnit, percentFromPlain } from '../core/kpi/kpiFigure';
import { type KriState, kriState } from '../core/kpi/kri';
import { newKpiShape } from '../core/kpi/ratioFormula';
import { STATUS_SIGNS, statusOf } from '../core/kpi/status';
import type { CatalogKpi, KpiThresholds } from '../core/kpi/types';
import { type TotalFigure, totalFigure } from '../core/kpi/wholeRange';
import type { CalendarKind, Grain } from '../core/sql/calendarSchema';
import type { Engine } from '../engine/engine';
import { runScorecardIsolated } from '../engine/scorecardIsolation';
import { type ScorecardRow, scorecardSpans, spanKey } from '../engine/scorecardRun';
import { type CacheSnapshot, parseCacheSnapshot, ScorecardCache } from './scorecardCache';
import { type KpiPlan, planKpis, withRefs } from './scorecardKeys';
import { type LoadedTable, presentColumns, scorecardSchema } from './scorecardSchema';
import type { TextValues } from './textValues';

/** A KPI of the workbook: a catalog entry (possibly edited) or one the user wrote. */
export interface WorkbookKpi extends Omit<CatalogKpi, 'needs' | 'uses' | 'table' | 'timeColumn'> {
  /** Absent for a user KPI: the checker infers it from the formula's table.column names. */
  readonly table?: string;
  readonly timeColumn?: string;
  readonly origin: 'catalog' | 'user';
  readonly target: number | null;
}

/**
 * A KPI the user writes. Unit and format default from the formula (a rate of two counts
 * is a percentage, newKpiShape); the creation dialog asks the direction.
 */
export interface NewKpi {
  readonly label: string;
  readonly formula: string;
  readonly unit?: WorkbookKpi['unit'];
  readonly direction?: WorkbookKpi['direction'];
}

/** A catalog KPI the loaded data cannot compute, listed greyed with the reason. */
export interface UnavailableKpi {
  readonly kpi: CatalogKpi;
  readonly reason: string;
  /** The `table.column`s it needs that the data lacks. */
  readonly missing: readonly string[];
}

export interface Period {
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

export interface ScorecardSettings {
  grain: Grain;
  calendar: CalendarKind;
  /** ISO dates; null means the data's own (at most the last `DEFAULT_MONTHS` months of it). */
  from: string | null;
  to: string | null;
  /** `table.column`, or null for none. */
  breakdown: string | null;
  industry: string;
  /** ISO code amounts are shown in (IRT is the toman); shown only, never converted. */
  currency: string;
}

/** The latest value of a KPI for one breakdown value. */
export interface SegmentValue {
  readonly segment: string;
  readonly value: number | null;
  /** What the value rests on (thinBase.ts); absent when unknown. */
  readonly base?: number | null;
}

/** A formula the user typed that does not compile: kept apart so the applied one keeps its results. */
export interface FormulaDraft {
  readonly formula: string;
  readonly diagnostics: Diagnostic[];
}

export type RunStatus = 'idle' | 'running' | 'ready' | 'error';

/** A KPI that compiled but that the engine refused while the others computed. */
export interface KpiFailure {
  /** The engine's message. */
  readonly message: string;
  /** A KPI this one uses that failed too: the likely cause. */
  readonly via: string | null;
}

export interface ScorecardState {
  settings: ScorecardSettings;
  kpis: WorkbookKpi[];
  unavailable: UnavailableKpi[];
  /** First and last date of the tables the KPIs read, read once per change of tables or of the KPIs' tables. */
  dataRange: { from: string; to: string } | null;
  /** The range shown: the one chosen, or the default that fits the data (defaultRange). */
  range: DateSpan | null;
  /** Each KPI over the whole range, with the range before it and the same range last year. */
  totals: Record<string, TotalFigure>;
  periods: Period[];
  /** Values per KPI aligned with `periods`; null where the data has nothing. */
  series: Record<string, (number | null)[]>;
  /** What each value rests on (thinBase.ts), aligned with `series`; absent for a KPI with no base. */
  bases: Record<string, (number | null)[]>;
  evaluations: Record<string, Evaluation>;
  kri: Record<string, KriState>;
  /** What each status was judged against. */
  statusBasis: Record<string, 'thresholds' | 'target' | 'benchmark' | null>;
  benchmarks: Record<string, BenchmarkRow | undefined>;
  /** The user's own benchmark rows (doc.benchmarks): they come before published ones. */
  userBenchmarks: BenchmarkRow[];
  /** Per KPI, latest period's value per breakdown value (best first); empty without a breakdown. */
  segments: Record<string, SegmentValue[]>;
  /** Diagnostics of the applied KPIs (one compile of them all), by KPI id. */
  diagnostics: Record<string, Diagnostic[]>;
  /** KPIs the engine refused in the last run, by id; every other KPI computed. */
  failures: Record<string, KpiFailure>;
  drafts: Record<string, FormulaDraft>;
  selectedKpi: string | null;
  status: RunStatus;
  error: string | null;
  /** Milliseconds the last query took, for the status line. */
  lastRunMs: number | null;
  /** The last run reused computed results for every KPI: nothing was queried. */
  reused: boolean;
  /** The grid's numbers are in; the breakdown of the latest period is still being computed. */
  segmentsPending: boolean;
  /** The numbers shown are the last session's, kept with the workbook, while its data loads. */
  preview: boolean;

  refresh(): Promise<void>;
  setGrain(grain: Grain): Promise<void>;
  setCalendar(calendar: CalendarKind): Promise<void>;
  setCurrency(currency: string): void;
  setRange(from: string | null, to: string | null): Promise<void>;
  setBreakdown(breakdown: string | null): Promise<void>;
  setIndustry(industry: string): void;
  setTarget(id: string, target: number | null): void;
  setThresholds(id: string, thresholds: KpiThresholds): void;
  setLabel(id: string, label: string): void;
  setUnit(id: string, unit: WorkbookKpi['unit']): void;
  setDirection(id: string, direction: WorkbookKpi['direction']): void;
  setUserBenchmarks(rows: BenchmarkRow[]): void;
  /** Applies a formula when it compiles; otherwise keeps it as a draft with its diagnostics. */
  setFormula(id: string, formula: string): Promise<Diagnostic[]>;
  discardDraft(id: string): void;
  addCatalogKpi(id: string): Promise<void>;
  /** Adds a user KPI; returns its id, or the diagnostics when it does not compile. */
  addKpi(def: NewKpi): Promise<{ id: string | null; diagnostics: Diagnostic[] }>;
  removeKpi(id: string): Promise<void>;
  select(id: string | null): void;
  /** The computed results, to keep with the workbook so a reload shows them at once. */
  results(): ScorecardResults | null;
  /**
   * Takes results kept by `results()`: the cache is seeded, and when they were computed
   * for the KPIs and settings now in the store they are shown before any query runs.
   */
  resume(results: ScorecardResults): boolean;
}

/** What a reload needs to show the last scorecard before the engine is back. */
export interface ScorecardResults {
  /** The data, KPIs and settings the view was computed for. */
  viewKey: string;
  dataKey: string;
  view: {
    periods: Period[];
    series: Record<string, (number | null)[]>;
    /** Absent in results kept before bases were. */
    bases?: Record<string, (number | null)[]>;
    segments: Record<string, SegmentValue[]>;
    diagnostics: Record<string, Diagnostic[]>;
    /** Absent in results kept before failures were. */
    failures?: Record<string, KpiFailure>;
    dataRange: { from: string; to: string } | null;
    unavailable: { id: string; reason: string; missing: string[] }[];
  };
  cache: CacheSnapshot;
}

export type ScorecardStore = StoreApi<ScorecardState>;

export interface ScorecardDeps {
  engine(): Promise<Engine>;
  tables(): readonly LoadedTable[];
  /** Relationships the user added beyond the canonical model's. */
  relationships?: () => readonly Relationship[];
  /** ISO date TODAY() stands for; tests pin it. */
  today?: () => string;
  /** Targets a catalog KPI starts with when it joins the workbook (a demo's own goals). */
  defaultTargets?: () => Readonly<Record<string, number>>;
  /**
   * Names the contents of the tables (DataState.dataIds and the mappings): results
   * computed for the same key are reused. Without it every run queries afresh.
   */
  dataKey?: () => string;
  /** Compute the other grains in the background after each run, so switching is instant. */
  prefetch?: boolean;
  /** Learns the values of text columns formulas compare with text, for the checker's warnings. */
  textValues?: TextValues;
}

/** One query's worth of a scorecard: everything but the KPIs. */
type FrameRequest = Omit<ScorecardRequest, 'kpis'> & { breakdown: ScorecardRequest['breakdown'] };

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

const DEFAULT_MONTHS = 36;
/** Periods the sparkline shows. */
export const SPARK_PERIODS = 12;

function fromCatalog(k: CatalogKpi): WorkbookKpi {
  const { needs: _needs, uses: _uses, ...rest } = k;
  return { ...rest, origin: 'catalog', target: null };
}

function toNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function asDef(k: WorkbookKpi): KpiDef {
  return {
    id: k.id,
    label: k.label,
    formula: k.formula,
    table: k.table,
    timeColumn: k.timeColumn,
    filter: k.filter,
  };
}

/** Names what the shown numbers depend on besides the data: the KPIs' definitions and the settings that query. */
function viewKeyOf(kpis: readonly WorkbookKpi[], settings: ScorecardSettings): string {
  const { grain, calendar, from, to, breakdown } = settings;
  return JSON.stringify([kpis.map(asDef), grain, calendar, from, to, breakdown]);
}

function byKpi(diagnostics: readonly Diagnostic[]): Record<string, Diagnostic[]> {
  const out: Record<string, Diagnostic[]> = {};
  for (const d of diagnostics) {
    const id = d.kpiId ?? '';
    out[id] = [...(out[id] ?? []), d];
  }
  return out;
}

const isError = (d: Diagnostic) => d.severity === 'error';

/** Refusals by KPI, each naming a KPI it uses that failed as well, when there is one. */
function failuresOf(failed: ReadonlyMap<string, string>, plan: KpiPlan): Record<string, KpiFailure> {
  const out: Record<string, KpiFailure> = {};
  for (const [id, message] of failed) {
    const via = [...withRefs([id], plan.refs)].find((r) => r !== id && failed.has(r)) ?? null;
    out[id] = { message, via };
  }
  return out;
}

/** A fresh id from a label: lower case words joined by `_`, unique among `taken`. */
export function idFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_+|_+$/g, '') || 'kpi';
  const start = /^\p{L}/u.test(base) ? base : `kpi_${base}`;
  let id = start;
  for (let i = 2; taken.has(id); i++) id = `${start}_${i}`;
  return id;
}

export function createScorecardStore(deps: ScorecardDeps): ScorecardStore {
  // Each run takes a number; a run that finds a newer one started drops its results.
  let runId = 0;
  let tablesKey = '';
  // The data and date columns the spans below were read for.
  let rangeKey = '';
  const spans = new Map<string, Map<string, DateSpan>>();
  // First and last date of each date column the KPIs read (scorecardSpans).
  let kpiSpans = new Map<string, DateSpan>();
  const cache = new ScorecardCache();
  // What the numbers on screen were computed for (data key, view key), for results().
  let shown: { data: string; view: string } | null = null;
  const inflight = new Map<string, Promise<void>>();
  // Engine messages of KPIs refused in this run (and the work it starts), by frame and KPI
  // key. Each run starts afresh: the good KPIs are cached, so asking a bad one again is a
  // single query, and a refusal with a passing cause (the engine busy, memory) clears itself.
  const refused = new Map<string, string>();
  const refusedKey = (frameKey: string, kpiKey: string) => `${frameKey}\u0003${kpiKey}`;
  // Scorecard queries started, so a run can tell whether it computed anything.
  let computed = 0;

  return createStore<ScorecardState>()(
    immer((set, get) => {
      const schema = () =>
        scorecardSchema(deps.tables(), deps.relationships?.() ?? [], (t, c) => deps.textValues?.known(t, c));
      const withTarget = (k: WorkbookKpi): WorkbookKpi => ({
        ...k,
        target: deps.defaultTargets?.()[k.id] ?? null,
      });

      /** Comparisons, status and KRI state from the current series: no query. */
      const evaluateInto = (s: Draft<ScorecardState>) => {
        const grain = s.settings.grain;
        for (const k of s.kpis) {
          const values = s.series[k.id] ?? [];
          const bases = s.bases[k.id];
          const series: PeriodValue[] = values.map((value, i) => ({
            period: s.periods[i]?.label ?? '',
            value,
            base: bases?.[i],
          }));
          // A KPI with no published key still finds the user's own rows under its id.
          const key = k.benchmarkKey ?? k.id;
          const bench =
            k.benchmarkKey === undefined && !s.userBenchmarks.some((r) => r.kpiId === k.id)
              ? undefined
              : lookupBenchmark(key, s.settings.industry, s.userBenchmarks as BenchmarkRow[]);
          s.benchmarks[k.id] = bench;
          const e = evaluate(series, {
            direction: k.direction,
            grain,
            thresholds: k.thresholds ?? null,
            target: k.target,
            benchmark: bench ?? null,
          });
          // With no thresholds and no target, a published benchmark is what the KPI is judged by.
          const benchValue = bench === undefined ? null : comparableValue(bench);
          const judged = k.thresholds?.critical !== undefined || k.thresholds?.warning !== undefined;
          if (
            e.status === 'none' &&
            !judged &&
            k.target === null &&
            benchValue !== null &&
            e.value !== null
          ) {
            const status = statusOf(e.value, k.direction, null, benchValue);
            s.evaluations[k.id] = {
              ...e,
              status,
              statusSign: STATUS_SIGNS[status].sign,
              statusLabel: STATUS_SIGNS[status].label,
            };
            s.statusBasis[k.id] = status === 'none' ? null : 'benchmark';
          } else {
            s.evaluations[k.id] = e;
            s.statusBasis[k.id] = e.status === 'none' ? null : judged ? 'thresholds' : 'target';
          }
          const critical = k.thresholds?.critical;
          if (k.kind === 'kri' && critical !== undefined && k.direction !== 'context') {
            s.kri[k.id] = kriState(series, { threshold: critical, direction: k.direction });
          } else {
            delete s.kri[k.id];
          }
        }
      };
      const reevaluate = () => set(evaluateInto);

      const spread = (result: ScorecardRow[]) => {
        const periods: Period[] = [];
        const series: Record<string, (number | null)[]> = {};
        const bases: Record<string, (number | null)[]> = {};
        const ids = get().kpis.map((k) => k.id);
        for (const id of ids) series[id] = [];
        for (const r of result) {
          periods.push({ label: r.period ?? '', start: r.periodStart ?? '', end: r.periodEnd ?? '' });
          for (const id of ids) {
            series[id].push(toNumber(r.values[id]));
            if (id in r.bases) {
              bases[id] = bases[id] ?? [];
              bases[id].push(toNumber(r.bases[id]));
            }
          }
        }
        return { periods, series, bases };
      };

      /** Each KPI's whole-range figure from the whole-range rows of a run. */
      const totalsOf = (result: readonly ScorecardRow[], outputs: readonly ScorecardOutput[]) => {
        const out: Record<string, TotalFigure> = {};
        const ranged = result.filter((r) => r.range !== null);
        for (const o of outputs) {
          const k = get().kpis.find((x) => x.id === o.kpiId);
          if (k === undefined) continue;
          const rows = ranged.map((r) => ({
            range: r.range ?? 'total',
            from: r.periodStart,
            to: r.periodEnd,
            value: toNumber(r.values[o.kpiId]),
            base: toNumber(r.bases[o.kpiId]),
          }));
          const found = o.times.flatMap((t) => kpiSpans.get(spanKey(t)) ?? []);
          out[o.kpiId] = totalFigure(rows, { direction: k.direction, dated: o.dated, spans: found });
        }
        return out;
      };

      /**
       * Per KPI, the segments of the period starting at `start`: the grid's latest
       * period, which the breakdown run starts at. The run may go on into a period
       * the data has not finished, which the grid leaves out and so must the segments.
       */
      const segmentsOf = (result: ScorecardRow[], ids: readonly string[], start: string) => {
        const out: Record<string, SegmentValue[]> = {};
        const latest = result.filter((r) => (r.periodStart ?? '') === start);
        for (const id of ids) {
          const k = get().kpis.find((x) => x.id === id);
          const sign = k?.direction === 'down' ? 1 : -1;
          out[id] = latest
            .map((r) => ({
              segment: r.by === null ? '' : String(r.by),
              value: toNumber(r.values[id]),
              base: toNumber(r.bases[id]),
            }))
            .sort((a, b) => {
              if (a.value === null) return b.value === null ? 0 : 1;
              if (b.value === null) return -1;
              return sign * (a.value - b.value);
            });
        }
        return out;
      };

      /** What names the data the scorecard reads: without a data key, nothing is reused. */
      const dataKey = (tables: readonly LoadedTable[]) =>
        JSON.stringify([
          deps.dataKey?.() ?? `run:${runId}`,
          tables.map((t) => [t.name, t.columns.map((c) => [c.name, c.kind])]),
          deps.relationships?.() ?? [],
        ]);
      const frameKeyOf = (data: string, req: FrameRequest) =>
        JSON.stringify([
          data,
          req.grain,
          req.calendar,
          req.from,
          req.to,
          req.today ?? todayIso(),
          req.breakdown,
          req.totals === true,
        ]);

      /**
       * Computes `ids` (with the KPIs they use) for one frame into the cache; a KPI the
       * engine refuses is remembered with its message instead (for this run), so the others
       * still compute and the breakdown and prefetch of the same run do not ask again.
       */
      const compute = async (
        engine: Engine,
        frameKey: string,
        req: FrameRequest,
        defs: readonly KpiDef[],
        plan: KpiPlan,
        ids: readonly string[],
        signal?: AbortSignal,
      ): Promise<void> => {
        const compile = (group: readonly string[]) => {
          const need = withRefs(group, plan.refs);
          return compileScorecard({ ...req, kpis: defs.filter((d) => need.has(d.id)) });
        };
        const run = await runScorecardIsolated(
          engine,
          compile,
          ids,
          signal === undefined ? undefined : { signal },
        );
        for (const part of run.parts) {
          const keyOf = new Map<string, string>();
          for (const o of part.compiled.outputs) keyOf.set(o.kpiId, plan.keyOf.get(o.kpiId) ?? '');
          cache.store(frameKey, part.rows, keyOf);
        }
        for (const [id, message] of run.failed)
          refused.set(refusedKey(frameKey, plan.keyOf.get(id) ?? ''), message);
      };

      /**
       * Makes the cache hold every KPI of `plan` for one frame: only the KPIs it lacks
       * are computed (with those they refer to). Runs asking for the same work share it.
       */
      const fill = async (
        engine: Engine,
        frameKey: string,
        req: FrameRequest,
        defs: readonly KpiDef[],
        plan: KpiPlan,
        ids: readonly string[],
        signal?: AbortSignal,
      ): Promise<void> => {
        const missing = ids.filter((id) => {
          const key = plan.keyOf.get(id) ?? '';
          return cache.missing(frameKey, [key]).length > 0 && !refused.has(refusedKey(frameKey, key));
        });
        if (missing.length === 0) return;
        const need = withRefs(missing, plan.refs);
        const work = `${frameKey}\u0001${[...need]
          .map((id) => plan.keyOf.get(id))
          .sort()
          .join('\u0002')}`;
        const shared = signal === undefined ? inflight.get(work) : undefined;
        if (shared !== undefined) return shared;
        computed++;
        const job = compute(engine, frameKey, req, defs, plan, missing, signal);
        if (signal !== undefined) return job;
        inflight.set(work, job);
        try {
          await job;
        } finally {
          inflight.delete(work);
        }
      };

      /** Rows of a frame for `ids` (those the engine refused left out), computing what the cache lacks. */
      const frameRows = async (
        engine: Engine,
        data: string,
        req: FrameRequest,
        defs: readonly KpiDef[],
        plan: KpiPlan,
        ids: readonly string[],
      ): Promise<{ rows: ScorecardRow[]; failed: Map<string, string> }> => {
        const key = frameKeyOf(data, req);
        await fill(engine, key, req, defs, plan, ids);
        const failedIn = () => {
          const failed = new Map<string, string>();
          for (const id of ids) {
            const message = refused.get(refusedKey(key, plan.keyOf.get(id) ?? ''));
            if (message !== undefined) failed.set(id, message);
          }
          return failed;
        };
        const read = () => {
          const failed = failedIn();
          const keyOf = new Map(
            ids.filter((id) => !failed.has(id)).map((id) => [id, plan.keyOf.get(id) ?? '']),
          );
          const rows = cache.rows(key, keyOf);
          return rows === null ? null : { rows, failed };
        };
        // Another run may have pushed the frame out between filling and reading: compute it again.
        const first = read();
        if (first !== null) return first;
        await compute(engine, key, req, defs, plan, ids);
        return read() ?? { rows: [], failed: failedIn() };
      };

      /**
       * The period rows (whole-range rows left out). With the range left to the data, a last
       * period it has not finished would read as a collapse.
       */
      const completePeriods = (result: ScorecardRow[], settings: ScorecardSettings, dataEnd: string) => {
        const periods = result.filter((r) => r.range === null);
        const complete =
          settings.to === null
            ? periods.filter((r) => r.periodEnd === null || r.periodEnd <= dataEnd)
            : periods;
        return complete.length > 0 ? complete : periods;
      };

      /** The range shown for `settings`: the one chosen, else the one that fits the data. */
      const rangeFor = (settings: ScorecardSettings, dataRange: DateSpan): DateSpan => {
        const fits = defaultRange([dataRange], DEFAULT_MONTHS, deps.today?.() ?? todayIso());
        const to = settings.to ?? fits.to;
        const from = settings.from ?? (settings.to === null ? fits.from : monthsBack(to, DEFAULT_MONTHS));
        return { from, to };
      };

      /** The frames of the scorecard and its breakdown for `settings`. */
      const framesFor = (settings: ScorecardSettings, dataRange: { from: string; to: string }) => {
        const { from, to } = rangeFor(settings, dataRange);
        const main: FrameRequest = {
          schema: schema(),
          grain: settings.grain,
          calendar: settings.calendar,
          from,
          to,
          today: deps.today?.(),
          breakdown: null,
          totals: true,
        };
        const bd = settings.breakdown;
        const dot = bd === null ? -1 : bd.indexOf('.');
        const breakdown = bd === null ? null : { table: bd.slice(0, dot), column: bd.slice(dot + 1) };
        // Only the latest period is shown per segment; the spine still needs PREV's look-back.
        const byFrom = (periods: readonly Period[]): FrameRequest | null =>
          breakdown === null
            ? null
            : { ...main, from: periods.at(-1)?.start ?? from, breakdown, totals: false };
        return { main, byFrom };
      };

      // Work done ahead, between the user's own runs: the other grains of the same view.
      let ahead: AbortController | null = null;
      const PREFETCH_GRAINS: readonly Grain[] = ['month', 'quarter', 'year', 'week'];
      /** A macrotask between pieces of background work, so input and paint get their turn. */
      const pause = () => new Promise<void>((r) => setTimeout(r, 0));

      const prefetch = async (
        id: number,
        engine: Engine,
        data: string,
        defs: readonly KpiDef[],
        plan: KpiPlan,
      ) => {
        ahead?.abort();
        const controller = new AbortController();
        ahead = controller;
        const { signal } = controller;
        const st = get();
        const range = st.dataRange;
        if (range === null) return;
        // Per table, so the user's next query never waits behind more than one small piece.
        const byTable = new Map<string, string[]>();
        for (const d of defs) {
          const t = plan.tableOf.get(d.id) ?? '';
          byTable.set(t, [...(byTable.get(t) ?? []), d.id]);
        }
        try {
          for (const grain of PREFETCH_GRAINS) {
            if (grain === st.settings.grain) continue;
            const { main, byFrom } = framesFor({ ...st.settings, grain }, range);
            const mainKey = frameKeyOf(data, main);
            for (const ids of byTable.values()) {
              await pause();
              if (id !== runId || signal.aborted) return;
              await fill(engine, mainKey, main, defs, plan, ids, signal);
            }
            const rows = cache.rows(mainKey, new Map(defs.map((d) => [d.id, plan.keyOf.get(d.id) ?? ''])));
            const by =
              rows === null ? null : byFrom(spread(completePeriods(rows, st.settings, range.to)).periods);
            if (by === null) continue;
            const byKey = frameKeyOf(data, by);
            for (const ids of byTable.values()) {
              await pause();
              if (id !== runId || signal.aborted) return;
              await fill(engine, byKey, by, defs, plan, ids, signal);
            }
          }
        } catch {
          // Background work that fails or is called off costs nothing: the user's run computes it.
        } finally {
          if (ahead === controller) ahead = null;
        }
      };

      const run = async () => {
        const id = ++runId;
        refused.clear();
        // The user's run goes first: work done ahead is called off, even mid-query.
        ahead?.abort();
        const tables = deps.tables();
        const key = JSON.stringify(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
        set((s) => {
          s.status = 'running';
          s.error = null;
        });
        try {
          const engine = await deps.engine();
          const sch = schema();
          const present = presentColumns(tables);
          const data = dataKey(tables);
          if (key !== tablesKey) {
            // Tables changed: the catalog KPIs the data can compute are the workbook's defaults.
            const unavailable: UnavailableKpi[] = [];
            const kept = get().kpis.filter((k) => k.origin === 'user');
            const catalogKpis: WorkbookKpi[] = [];
            for (const c of CATALOG) {
              const a = availability(c, present);
              if (!a.available) unavailable.push({ kpi: c, reason: a.reason, missing: a.missing });
              else {
                const existing = get().kpis.find((k) => k.id === c.id);
                catalogKpis.push(existing ?? withTarget(fromCatalog(c)));
              }
            }
            set((s) => {
              s.kpis = [...catalogKpis, ...kept];
              s.unavailable = castDraft(unavailable);
            });
          }
          // The date columns the KPIs read: the data's range is theirs, not every table's.
          const shape = compileScorecard({ kpis: get().kpis.map(asDef), schema: sch, grain: 'month' });
          const inUse = `${data}\u0001${shape.spansSql}`;
          if (key !== tablesKey || rangeKey !== inUse) {
            let found = spans.get(inUse);
            if (found === undefined) {
              found = await scorecardSpans(engine, shape);
              if (id !== runId) return;
              if (spans.size > 16) spans.clear();
              spans.set(inUse, found);
            }
            tablesKey = key;
            rangeKey = inUse;
            kpiSpans = found;
            const today = deps.today?.() ?? todayIso();
            const range = spanOf([...found.values()]) ?? { from: today, to: today };
            set((s) => {
              s.dataRange = range;
            });
          }
          const st = get();
          if (st.kpis.length === 0 || st.dataRange === null) {
            set((s) => {
              s.status = 'ready';
              s.periods = [];
              s.series = {};
              s.bases = {};
            });
            return;
          }
          const defs = st.kpis.map(asDef);
          const ids = defs.map((d) => d.id);
          const { main, byFrom } = framesFor(st.settings, st.dataRange);
          const started = performance.now();
          const computedBefore = computed;
          const plan = planKpis(sch, defs);
          // Compiling is cheap and pure: it gives every KPI's diagnostics, whatever is reused.
          const compiled = compileScorecard({ ...main, kpis: defs });
          const { rows: result, failed } = await frameRows(engine, data, main, defs, plan, ids);
          if (id !== runId) return;
          const failures = failuresOf(failed, plan);
          const { periods, series, bases } = spread(completePeriods(result, st.settings, st.dataRange.to));
          const totals = totalsOf(result, compiled.outputs);
          const range = rangeFor(st.settings, st.dataRange);
          const diagnostics = byKpi(compiled.diagnostics);
          const by = byFrom(periods);
          const elapsed = performance.now() - started;
          // The grid is painted now; the breakdown (shown per KPI in the detail panel) follows.
          set((s) => {
            s.periods = periods;
            s.totals = castDraft(totals);
            s.range = range;
            // A KPI whose run failed keeps what it showed before (an invalid edit never blanks it).
            for (const k of s.kpis) {
              const failed = (diagnostics[k.id] ?? []).some(isError);
              if (!failed || s.series[k.id] === undefined || s.series[k.id].length !== periods.length) {
                s.series[k.id] = series[k.id] ?? [];
                if (bases[k.id] === undefined) delete s.bases[k.id];
                else s.bases[k.id] = bases[k.id];
              }
            }
            s.segments = {};
            s.segmentsPending = by !== null;
            s.diagnostics = diagnostics;
            s.failures = failures;
            s.status = 'ready';
            s.lastRunMs = Math.round(elapsed);
            s.preview = false;
            s.reused = computed === computedBefore;
            // In the same update: the grid paints once, with its statuses.
            evaluateInto(s);
          });
          if (by !== null) {
            const byCompiled = compileScorecard({ ...by, kpis: defs });
            const unreachable = new Set(
              byCompiled.diagnostics
                .filter((d) => d.code === 'breakdown-unreachable')
                .map((d) => d.kpiId ?? ''),
            );
            const byResult = await frameRows(engine, data, by, defs, plan, ids);
            if (id !== runId) return;
            const segments = segmentsOf(
              byResult.rows,
              ids.filter((k) => !unreachable.has(k) && !byResult.failed.has(k)),
              by.from ?? '',
            );
            set((s) => {
              s.segments = segments;
              s.segmentsPending = false;
              s.reused = computed === computedBefore;
            });
          }
          shown = { data, view: viewKeyOf(st.kpis, st.settings) };
          await learnTextValues(id, engine, data, main, defs);
          if (deps.prefetch === true) void prefetch(id, engine, data, defs, plan);
        } catch (e) {
          if (id !== runId) return;
          set((s) => {
            s.status = 'error';
            s.error = e instanceof Error ? e.message : String(e);
            s.segmentsPending = false;
          });
        }
      };

      /**
       * After a run: the values of the text columns the formulas compare with text, then the
       * diagnostics again when any were new, so `stage = "lost"` warns where the data says "Lost".
       */
      const learnTextValues = async (
        id: number,
        engine: Engine,
        data: string,
        main: FrameRequest,
        defs: KpiDef[],
      ) => {
        const values = deps.textValues;
        if (values === undefined) return;
        const checked = checkKpis(main.schema, defs).kpis.values();
        const columns = comparedTextColumns([...checked].flatMap((c) => [c.expr, c.filter]));
        if (!(await values.learn(engine, data, columns)) || id !== runId) return;
        const diagnostics = byKpi(compileScorecard({ ...main, schema: schema(), kpis: defs }).diagnostics);
        set((s) => {
          s.diagnostics = diagnostics;
        });
      };

      /** Diagnostics of `kpis` as they would be applied, without running anything. */
      const check = (kpis: readonly WorkbookKpi[], id: string): Diagnostic[] => {
        const result = checkKpis(schema(), kpis.map(asDef));
        return result.diagnostics.filter((d) => d.kpiId === id);
      };

      const update = (id: string, fn: (k: WorkbookKpi) => WorkbookKpi) => {
        set((s) => {
          const i = s.kpis.findIndex((k) => k.id === id);
          if (i >= 0) s.kpis[i] = fn(s.kpis[i] as WorkbookKpi);
        });
      };

      return {
        settings: {
          grain: 'month',
          calendar: 'gregorian',
          from: null,
          to: null,
          breakdown: null,
          industry: 'all',
          currency: 'USD',
        },
        kpis: [],
        unavailable: [],
        dataRange: null,
        range: null,
        totals: {},
        periods: [],
        series: {},
        bases: {},
        evaluations: {},
        kri: {},
        statusBasis: {},
        benchmarks: {},
        userBenchmarks: [],
        segments: {},
        diagnostics: {},
        failures: {},
        drafts: {},
        selectedKpi: null,
        status: 'idle',
        error: null,
        lastRunMs: null,
        preview: false,
        reused: false,
        segmentsPending: false,

        refresh: run,

        setGrain(grain) {
          set((s) => {
            s.settings.grain = grain;
          });
          return run();
        },
        setCalendar(calendar) {
          set((s) => {
            s.settings.calendar = calendar;
          });
          return run();
        },
        setCurrency(currency) {
          set((s) => {
            s.settings.currency = currency;
          });
        },
        setRange(from, to) {
          set((s) => {
            s.settings.from = from;
            s.settings.to = to;
          });
          return run();
        },
        setBreakdown(breakdown) {
          set((s) => {
            s.settings.breakdown = breakdown;
            if (breakdown === null) s.segments = {};
          });
          return run();
        },
        setIndustry(industry) {
          set((s) => {
            s.settings.industry = industry;
          });
          reevaluate();
        },
        setTarget(id, target) {
          update(id, (k) => ({ ...k, target }));
          reevaluate();
        },
        setThresholds(id, thresholds) {
          update(id, (k) => ({ ...k, thresholds }));
          reevaluate();
        },
        setLabel(id, label) {
          update(id, (k) => ({ ...k, label }));
        },
        setUnit(id, unit) {
          // The unit carries its format: a KPI switched to % reads 37 %, and its figures are typed as 35.
          update(id, (k) => {
            const format = formatForUnit(unit, k.format);
            if (format !== 'percent' || k.format === 'percent') return { ...k, unit, format };
            // Figures typed before the switch were read as plain numbers: 35 then meant 35 %.
            const th = k.thresholds;
            const scale = (v: number | undefined) => (v === undefined ? undefined : percentFromPlain(v));
            return {
              ...k,
              unit,
              format,
              target: k.target === null ? null : percentFromPlain(k.target),
              ...(th === undefined
                ? {}
                : { thresholds: { warning: scale(th.warning), critical: scale(th.critical) } }),
            };
          });
          reevaluate();
        },
        setDirection(id, direction) {
          update(id, (k) => ({ ...k, direction }));
          reevaluate();
        },
        setUserBenchmarks(rows) {
          set((s) => {
            s.userBenchmarks = castDraft(rows);
          });
          reevaluate();
        },

        async setFormula(id, formula) {
          const current = get().kpis.find((k) => k.id === id);
          if (current === undefined) return [];
          if (formula === current.formula) {
            get().discardDraft(id);
            return [];
          }
          const next = get().kpis.map((k) => (k.id === id ? { ...k, formula } : k));
          const diagnostics = check(next, id);
          if (diagnostics.some(isError)) {
            set((s) => {
              s.drafts[id] = { formula, diagnostics };
            });
            return diagnostics;
          }
          set((s) => {
            delete s.drafts[id];
          });
          update(id, (k) => ({ ...k, formula }));
          await run();
          return diagnostics;
        },

        discardDraft(id) {
          set((s) => {
            delete s.drafts[id];
          });
        },

        async addCatalogKpi(id) {
          const have = new Set(get().kpis.map((k) => k.id));
          const add = withDependencies(id).filter((k) => !have.has(k.id));
          if (add.length === 0 || catalogKpi(id) === undefined) return;
          set((s) => {
            s.kpis.push(...add.map((k) => withTarget(fromCatalog(k))));
            s.selectedKpi = id;
          });
          await run();
        },

        async addKpi(def) {
          const taken = new Set([...get().kpis.map((k) => k.id), ...CATALOG.map((k) => k.id)]);
          const id = idFromLabel(def.label, taken);
          const shape = newKpiShape(def.formula);
          const unit = def.unit ?? shape.unit;
          const kpi: WorkbookKpi = {
            id,
            label: def.label.trim() || id,
            formula: def.formula,
            unit,
            format: formatForUnit(unit, shape.format),
            direction: def.direction ?? 'up',
            family: shape.family,
            kind: 'kpi',
            description: '',
            origin: 'user',
            target: null,
          };
          const diagnostics = check([...get().kpis, kpi], id);
          if (diagnostics.some(isError)) return { id: null, diagnostics };
          set((s) => {
            s.kpis.push(kpi);
            s.selectedKpi = id;
          });
          await run();
          return { id, diagnostics };
        },

        async removeKpi(id) {
          set((s) => {
            s.kpis = s.kpis.filter((k) => k.id !== id);
            delete s.series[id];
            delete s.bases[id];
            delete s.evaluations[id];
            delete s.drafts[id];
            delete s.failures[id];
            if (s.selectedKpi === id) s.selectedKpi = null;
          });
          await run();
        },

        select(id) {
          set((s) => {
            s.selectedKpi = id;
          });
        },

        results() {
          const st = get();
          if (shown === null || st.status !== 'ready' || deps.dataKey === undefined) return null;
          const data = shown.data;
          return {
            viewKey: shown.view,
            dataKey: data,
            view: {
              periods: st.periods,
              series: st.series,
              bases: st.bases,
              segments: st.segments,
              diagnostics: st.diagnostics,
              failures: st.failures,
              dataRange: st.dataRange,
              unavailable: st.unavailable.map((u) => ({
                id: u.kpi.id,
                reason: u.reason,
                missing: [...u.missing],
              })),
            },
            // The frames of this data only: other data's results can never be asked for again.
            cache: cache.snapshot(cache.keys().filter((k) => k.startsWith(`[${JSON.stringify(data)}`))),
          };
        },

        resume(results) {
          const snapshot = parseCacheSnapshot(results.cache);
          if (snapshot === null) return false;
          cache.seed(snapshot);
          const st = get();
          if (results.viewKey !== viewKeyOf(st.kpis, st.settings)) return false;
          const { view } = results;
          set((s) => {
            s.periods = view.periods;
            s.series = view.series;
            s.bases = view.bases ?? {};
            s.segments = view.segments;
            s.diagnostics = castDraft(view.diagnostics);
            s.failures = view.failures ?? {};
            s.dataRange = view.dataRange;
            s.range = view.dataRange === null ? null : rangeFor(st.settings, view.dataRange);
            s.unavailable = castDraft(
              view.unavailable.flatMap((u) => {
                const kpi = catalogKpi(u.id);
                return kpi === undefined ? [] : [{ kpi, reason: u.reason, missing: u.missing }];
              }),
            );
            s.status = 'ready';
            s.lastRunMs = 0;
            s.preview = true;
          });
          reevaluate();
          return true;
        },
      };
    }),
  );
}
