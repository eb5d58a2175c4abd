import { checkKpis } from '../../core/formula/check';
import { compileScorecard } from '../../core/formula/compile';
import type { Diagnostic } from '../../core/formula/diagnostics';
import type { Relationship, Schema } from '../../core/formula/schema';
import { comparedTextColumns } from '../../core/formula/textMatch';
import { type DateSpan, spanOf } from '../../core/kpi/dateRange';
import type { TotalFigure } from '../../core/kpi/wholeRange';
import { type LoadedTable, scorecardSchema } from '../../core/model/scorecardSchema';
import type { Engine } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';
import { prepareRanged } from '../../engine/preparedRange';
import { scorecardSpans } from '../../engine/scorecardRun';
import { type FrameKey, frameId, frameKeyOf } from './frameKey';
import { createFrameResults, type FrameResults, type RunWork } from './frameResults';
import {
  completePeriods,
  type FrameRequest,
  type FrameSettings,
  framesFor,
  type Period,
  rangeFor,
} from './frames';
import { planKpis } from './kpiPlan';
import { prefetchGrains } from './prefetch';
import { type CacheSnapshot, ResultsCache } from './resultsCache';
import { createRollups } from './rollups';
import type { TextValues } from './textValues';
import { runToDate, type ToDate, unfinishedPeriod } from './toDate';
import {
  byKpi,
  failuresOf,
  type KpiFailure,
  type SegmentValue,
  segmentsOf,
  spread,
  totalsOf,
} from './viewShape';
import { asDef, type WorkbookKpi } from './workbookKpis';

export interface ScorecardRunnerDeps {
  engine(): Promise<Engine>;
  /** ISO date TODAY() stands for; tests pin it. */
  today?: () => string;
  /**
   * Work ahead in the background after each run: day-level rollups of the data (rollups.ts),
   * so a new range, grain or calendar reads them, then the other grains, so switching is instant.
   */
  prefetch?: boolean;
  /** Learns the values of text columns formulas compare with text, for the checker's warnings. */
  textValues?: TextValues;
}

export interface RunRequest {
  readonly tables: readonly LoadedTable[];
  /** Relationships the user added beyond the canonical model's. */
  readonly relationships: readonly Relationship[];
  /**
   * Names the contents of the tables: results computed for the same key are reused.
   * Without one every run queries afresh.
   */
  readonly dataKey?: string;
  readonly kpis: readonly WorkbookKpi[];
  readonly settings: FrameSettings;
}

/** The numbers of one run, ready to show. */
export interface ScorecardView {
  /** The range shown: the one chosen, or the default that fits the data. */
  readonly range: DateSpan;
  readonly periods: Period[];
  /** Values per KPI aligned with `periods`; null where the data has nothing. */
  readonly series: Record<string, (number | null)[]>;
  /** What each value rests on (thinBase.ts), aligned with `series`; absent for a KPI with no base. */
  readonly bases: Record<string, (number | null)[]>;
  /** Each KPI over the whole range, with the range before it and the same range last year. */
  readonly totals: Record<string, TotalFigure>;
  /** Diagnostics of every KPI (one compile of them all), by KPI id. */
  readonly diagnostics: Record<string, Diagnostic[]>;
  /** KPIs the engine refused, by id; every other KPI computed. */
  readonly failures: Record<string, KpiFailure>;
  readonly elapsedMs: number;
  /** Nothing was queried: every number came from the cache. */
  readonly reused: boolean;
}

interface ScorecardRun {
  /** What names the data the numbers were computed for (the cache's and `snapshot`'s key). */
  readonly data: string;
  /** First and last date of the date columns the KPIs read. */
  readonly dataRange: DateSpan;
  /** Null when there is no KPI to compute. */
  readonly view: ScorecardView | null;
  /**
   * The breakdown of the latest period, per KPI, computed after the grid is shown; null
   * without a breakdown. Resolves to null when a newer run has started.
   */
  readonly segments:
    | (() => Promise<{ segments: Record<string, SegmentValue[]>; reused: boolean } | null>)
    | null;
  /**
   * The period the data has not finished, to date (toDate.ts), computed after the grid;
   * null when there is none. Resolves to null when a newer run has started.
   */
  readonly toDate: (() => Promise<ToDate | null>) | null;
  /**
   * Ends the run: learns the text values the formulas compare with (the diagnostics
   * again when any were new, else null) and starts the background prefetch.
   */
  readonly settle: () => Promise<Record<string, Diagnostic[]> | null>;
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * Where a scorecard run happens. One run at a time: starting one aborts the previous
 * run's queries and the prefetch in the engine, and a run overtaken by a newer one gives
 * null instead of its results. Results are kept in a cache by frame and KPI
 * (resultsCache.ts), so a run queries only what changed.
 */
export function createScorecardRunner(deps: ScorecardRunnerDeps) {
  const cache = new ResultsCache();
  const frames = createFrameResults(cache);
  const rollups = createRollups();
  // Spans of the KPIs' date columns, by data and spans query.
  const spans = new Map<string, Map<string, DateSpan>>();
  let current: AbortController | null = null;
  let ahead: AbortController | null = null;
  // The frames the latest run read (its grid, breakdown and to-date): what a snapshot keeps.
  let latest = new Set<string>();
  let runs = 0;
  const today = () => deps.today?.() ?? todayIso();

  const schemaOf = (tables: readonly LoadedTable[], relationships: readonly Relationship[]): Schema =>
    scorecardSchema(tables, relationships, (t, c) => deps.textValues?.known(t, c));

  /** What names the data the scorecard reads: without a data key, nothing is reused. */
  const dataKeyOf = (r: RunRequest, run: number) =>
    JSON.stringify([
      r.dataKey ?? `run:${run}`,
      r.tables.map((t) => [t.name, t.columns.map((c) => [c.name, c.kind])]),
      r.relationships,
    ]);

  const spansOf = async (
    engine: Engine,
    data: string,
    defs: RunWork['defs'],
    schema: Schema,
    signal: AbortSignal,
  ) => {
    const shape = compileScorecard({ kpis: defs, schema, grain: 'month', dialect: engineDialect(engine) });
    const key = `${data}\u0001${shape.spansSql}`;
    let found = spans.get(key);
    if (found === undefined) {
      found = await scorecardSpans(engine, shape, { signal });
      if (spans.size > 16) spans.clear();
      spans.set(key, found);
    }
    return found;
  };

  const cancel = () => {
    current?.abort();
    ahead?.abort();
  };

  const run = async (request: RunRequest, signal?: AbortSignal): Promise<ScorecardRun | null> => {
    // The user's run goes first: the last run and work done ahead are called off, even mid-query.
    cancel();
    const controller = new AbortController();
    current = controller;
    const stop = signal === undefined ? controller.signal : AbortSignal.any([controller.signal, signal]);
    const stale = () => stop.aborted;
    frames.forgetRefusals();
    const read = new Set<string>();
    latest = read;
    const seen = readingFrames(frames, read);
    const data = dataKeyOf(request, ++runs);
    const { settings } = request;
    try {
      const engine = await deps.engine();
      const schema = schemaOf(request.tables, request.relationships);
      const defs = request.kpis.map(asDef);
      const found = await spansOf(engine, data, defs, schema, stop);
      if (stale()) return null;
      const dataRange = spanOf([...found.values()]) ?? { from: today(), to: today() };
      const plan = planKpis(schema, defs);
      // Without a data key the data has no name a rollup could be kept under.
      const ready = request.dataKey === undefined ? undefined : rollups.readyFor(data);
      const work: RunWork = { engine, defs, plan, signal: stop, rollups: ready };
      if (defs.length === 0)
        return { data, dataRange, view: null, segments: null, toDate: null, settle: async () => null };
      const ids = defs.map((d) => d.id);
      const directionOf = (id: string) => request.kpis.find((k) => k.id === id)?.direction;
      const { main, byFrom } = framesFor(settings, dataRange, schema, today());
      const started = performance.now();
      const before = frames.queries();
      // Every KPI's diagnostics, whatever is reused; the frame's query too when nothing is.
      const compiled = compileScorecard({
        ...main,
        kpis: defs,
        dialect: engineDialect(engine),
        rollups: ready,
      });
      const result = await seen.rows(work, frameKeyOf(data, main), main, ids, compiled);
      if (stale()) return null;
      const { periods, series, bases } = spread(completePeriods(result.rows, settings, dataRange.to), ids);
      const view: ScorecardView = {
        range: rangeFor(settings, dataRange, today()),
        periods,
        series,
        bases,
        totals: totalsOf(result.rows, compiled.outputs, directionOf, found),
        diagnostics: byKpi(compiled.diagnostics),
        failures: failuresOf(result.failed, plan),
        elapsedMs: performance.now() - started,
        reused: frames.queries() === before,
      };
      const by = byFrom(periods);
      const segments =
        by === null
          ? null
          : async () => {
              const unreachable = new Set(
                compileScorecard({ ...by, kpis: defs, dialect: engineDialect(engine) })
                  .diagnostics.filter((d) => d.code === 'breakdown-unreachable')
                  .map((d) => d.kpiId ?? ''),
              );
              const rows = await seen.rows(work, frameKeyOf(data, by), by, ids);
              if (stale()) return null;
              const shown = ids.filter((k) => !unreachable.has(k) && !rows.failed.has(k));
              return {
                segments: segmentsOf(rows.rows, shown, by.from, directionOf),
                reused: frames.queries() === before,
              };
            };
      const unfinished = unfinishedPeriod(result.rows, settings, dataRange.to);
      const toDate =
        unfinished === null
          ? null
          : async () => {
              const found = await runToDate(seen, work, data, { ...unfinished, main, schema });
              return stale() ? null : found;
            };
      return {
        data,
        dataRange,
        view,
        segments: segments === null ? null : () => segments().catch((e) => unlessStale(e, stale)),
        toDate: toDate === null ? null : () => toDate().catch((e) => unlessStale(e, stale)),
        settle: async () => {
          const fresh = await learnTextValues(work, data, main, request, stale);
          if (deps.prefetch === true && !stale()) {
            ahead = new AbortController();
            const signal = ahead.signal;
            const p = { data, settings, dataRange, schema, today: today() };
            void (async () => {
              if (request.dataKey !== undefined)
                // A rollup that fails to build is only a refresh that reads the table.
                await rollups.build(engine, data, { ...main, kpis: defs }, signal).catch(() => undefined);
              if (signal.aborted) return;
              // The grid's query as the next range will ask it, from the rollups: planned now, only run then.
              const next = compileScorecard({
                ...main,
                kpis: defs,
                dialect: engineDialect(engine),
                rollups: rollups.readyFor(data),
              }).ranged;
              if (next !== undefined) await prepareRanged(engine, next, { signal }).catch(() => undefined);
              if (signal.aborted) return;
              await prefetchGrains(
                { ...work, signal, rollups: rollups.readyFor(data), ahead: true },
                frames,
                cache,
                p,
              );
            })();
          }
          return fresh;
        },
      };
    } catch (e) {
      return unlessStale(e, stale);
    }
  };

  /**
   * The values of the text columns the formulas compare with text, then the diagnostics
   * again when any were new, so `stage = "lost"` warns where the data says "Lost".
   */
  const learnTextValues = async (
    work: RunWork,
    data: string,
    main: FrameRequest,
    r: RunRequest,
    stale: () => boolean,
  ) => {
    const values = deps.textValues;
    if (values === undefined) return null;
    const checked = checkKpis(main.schema, work.defs).kpis.values();
    const columns = comparedTextColumns([...checked].flatMap((c) => [c.expr, c.filter]));
    if (!(await values.learn(work.engine, data, columns)) || stale()) return null;
    const schema = schemaOf(r.tables, r.relationships);
    return byKpi(
      compileScorecard({ ...main, schema, kpis: work.defs, dialect: engineDialect(work.engine) }).diagnostics,
    );
  };

  return {
    run,
    /** Calls off the run under way and the prefetch. */
    cancel,
    /** The schema the KPIs are checked against, with the text values learnt so far. */
    schema: schemaOf,
    /** The range shown for `settings` over data spanning `dataRange`. */
    range: (settings: FrameSettings, dataRange: DateSpan) => rangeFor(settings, dataRange, today()),
    /**
     * The cached results of `data` the latest run read, to keep with the workbook. Only those:
     * with the other grains computed ahead the whole cache held tens of megabytes at demo ×41,
     * and IndexedDB copies what it is given on the page's thread (a second and more per write).
     */
    snapshot: (data: string): CacheSnapshot => cache.snapshot(data, latest),
    /** Takes results kept by `snapshot`: their frames are not queried again. */
    seed: (snapshot: CacheSnapshot) => cache.seed(snapshot),
  };
}

/** `frames`, noting in `read` the id of every frame a run reads rows of. */
function readingFrames(frames: FrameResults, read: Set<string>): FrameResults {
  return {
    ...frames,
    rows: (w: RunWork, key: FrameKey, ...rest) => {
      read.add(frameId(key));
      return frames.rows(w, key, ...rest);
    },
  };
}

/** A run overtaken by a newer one gives null, whatever it failed with; any other failure is the run's. */
function unlessStale(e: unknown, stale: () => boolean): null {
  if (stale()) return null;
  throw e;
}
