import { castDraft, type Draft } from 'immer';
import { immer } from 'zustand/middleware/immer';
import { createStore } from 'zustand/vanilla';
import { NEW_SCORECARD_SETTINGS } from '../app/scorecard/documentScorecard';
import { parseCacheSnapshot } from '../app/scorecard/resultsCache';
import { createScorecardRunner } from '../app/scorecard/runner';
import { asDef, kpisForTables } from '../app/scorecard/workbookKpis';
import { checkKpis } from '../core/formula/check';
import type { Diagnostic } from '../core/formula/diagnostics';
import { catalogKpi } from '../core/kpi/catalog';
import type { PeriodValue } from '../core/kpi/evaluate';
import { judgeKpi } from '../core/kpi/judge';
import { presentColumns } from '../core/model/scorecardSchema';
import { kpiEdits, withTarget } from './scorecardEdits';
import { afterPaint } from './scorecardPaint';
import { keptResults, viewKeyOf } from './scorecardResults';
import type { ScorecardDeps, ScorecardState, ScorecardStore } from './scorecardTypes';

export type { Period } from '../app/scorecard/frames';
export type { KpiFailure, SegmentValue } from '../app/scorecard/viewShape';
export type { UnavailableKpi, WorkbookKpi } from '../app/scorecard/workbookKpis';
export type { ScorecardDeps, ScorecardState, ScorecardStore } from './scorecardTypes';

/** Periods the sparkline shows. */
export const SPARK_PERIODS = 12;

const isError = (d: Diagnostic) => d.severity === 'error';

/** Comparisons, status, benchmark and KRI state of every KPI from the shown series: no query. */
function judgeInto(s: Draft<ScorecardState>): void {
  const ctx = { grain: s.settings.grain, industry: s.settings.industry, userBenchmarks: s.userBenchmarks };
  for (const k of s.kpis) {
    const bases = s.bases[k.id];
    const series: PeriodValue[] = (s.series[k.id] ?? []).map((value, i) => ({
      period: s.periods[i]?.label ?? '',
      value,
      base: bases?.[i],
    }));
    const j = judgeKpi(k, series, castDraft(ctx));
    s.benchmarks[k.id] = castDraft(j.benchmark);
    s.evaluations[k.id] = castDraft(j.evaluation);
    s.statusBasis[k.id] = j.basis;
    if (j.kri === undefined) delete s.kri[k.id];
    else s.kri[k.id] = castDraft(j.kri);
  }
}

/**
 * The scorecard's state and the actions that change it. Runs go through the scorecard
 * runner (src/app/scorecard), which queries, caches and calls off stale work; the store
 * keeps what is shown and judges it (core/kpi/judge.ts).
 */
export function createScorecardStore(deps: ScorecardDeps): ScorecardStore {
  const runner = createScorecardRunner(deps);
  // The tables (names and columns) the workbook's KPIs were last listed for.
  let tablesKey = '';
  // What the numbers on screen were computed for (data key, view key), for results().
  let shown: { data: string; view: string } | null = null;
  // Counts runs, so one a newer run overtook while it waited for a paint stops there.
  let runs = 0;

  return createStore<ScorecardState>()(
    immer((set, get) => {
      const reevaluate = () => set(judgeInto);
      const fresh = (k: Parameters<typeof withTarget>[0]) => withTarget(k, deps.defaultTargets?.());

      const run = async () => {
        // Nothing is kept with the workbook until this run has painted (see below).
        shown = null;
        const mine = ++runs;
        const tables = deps.tables();
        const key = JSON.stringify(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
        set((s) => {
          s.status = 'running';
          s.error = null;
        });
        if (key !== tablesKey) {
          // Tables changed: the catalog KPIs the data can compute are the workbook's defaults.
          const listed = kpisForTables(get().kpis, presentColumns(tables), fresh);
          set((s) => {
            s.kpis = listed.kpis;
            s.unavailable = castDraft(listed.unavailable);
          });
        }
        const st = get();
        try {
          const result = await runner.run({
            tables,
            relationships: deps.relationships?.() ?? [],
            dataKey: deps.dataKey?.(),
            kpis: st.kpis,
            settings: st.settings,
          });
          if (result === null) return;
          tablesKey = key;
          const { view } = result;
          if (view === null) {
            set((s) => {
              s.dataRange = result.dataRange;
              s.status = 'ready';
              s.periods = [];
              s.toDate = null;
              s.series = {};
              s.bases = {};
            });
            return;
          }
          // The grid is painted now; the breakdown (shown per KPI in the detail panel) follows.
          set((s) => {
            s.dataRange = result.dataRange;
            s.periods = view.periods;
            s.totals = castDraft(view.totals);
            s.range = view.range;
            // A KPI whose run failed keeps what it showed before (an invalid edit never blanks it).
            for (const k of s.kpis) {
              const failed = (view.diagnostics[k.id] ?? []).some(isError);
              if (!failed || s.series[k.id] === undefined || s.series[k.id].length !== view.periods.length) {
                s.series[k.id] = view.series[k.id] ?? [];
                if (view.bases[k.id] === undefined) delete s.bases[k.id];
                else s.bases[k.id] = view.bases[k.id];
              }
            }
            s.segments = {};
            s.segmentsPending = result.segments !== null;
            s.diagnostics = castDraft(view.diagnostics);
            s.failures = view.failures;
            s.status = 'ready';
            s.lastRunMs = Math.round(view.elapsedMs);
            s.preview = false;
            s.reused = view.reused;
            // In the same update: the grid paints once, with its statuses.
            judgeInto(s);
          });
          // Keeping the results (autosave, on every change of this store) copies them on the
          // page's thread: the grid paints first, then they name this run's numbers.
          await afterPaint();
          if (mine !== runs) return;
          shown = { data: result.data, view: viewKeyOf(st.kpis, st.settings) };
          set((s) => {
            s.keptRuns += 1;
          });
          if (result.segments !== null) {
            const by = await result.segments();
            if (by === null) return;
            set((s) => {
              s.segments = by.segments;
              s.segmentsPending = false;
              s.reused = by.reused;
            });
          }
          const toDate = result.toDate === null ? null : await result.toDate();
          if (result.toDate !== null && toDate === null) return;
          set((s) => {
            s.toDate = castDraft(toDate);
          });
          const diagnostics = await result.settle();
          if (diagnostics !== null)
            set((s) => {
              s.diagnostics = castDraft(diagnostics);
            });
        } catch (e) {
          set((s) => {
            s.status = 'error';
            s.error = e instanceof Error ? e.message : String(e);
            s.segmentsPending = false;
          });
        }
      };

      const edits = kpiEdits({
        set,
        get,
        run,
        reevaluate,
        fresh,
        check(kpis, id) {
          const schema = runner.schema(deps.tables(), deps.relationships?.() ?? []);
          return checkKpis(schema, kpis.map(asDef)).diagnostics.filter((d) => d.kpiId === id);
        },
      });

      const rerun = (change: (s: Draft<ScorecardState>) => void) => {
        set(change);
        return run();
      };
      const rejudge = (change: (s: Draft<ScorecardState>) => void) => {
        set(change);
        reevaluate();
      };

      return {
        settings: NEW_SCORECARD_SETTINGS,
        kpis: [],
        unavailable: [],
        dataRange: null,
        range: null,
        totals: {},
        periods: [],
        toDate: null,
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
        keptRuns: 0,
        ...edits,

        refresh: run,
        setGrain: (grain) =>
          rerun((s) => {
            s.settings.grain = grain;
          }),
        setCalendar: (calendar) =>
          rerun((s) => {
            s.settings.calendar = calendar;
          }),
        setRange: (from, to) =>
          rerun((s) => {
            s.settings.from = from;
            s.settings.to = to;
          }),
        setBreakdown: (breakdown) =>
          rerun((s) => {
            s.settings.breakdown = breakdown;
            if (breakdown === null) s.segments = {};
          }),
        setCurrency(currency) {
          set((s) => {
            s.settings.currency = currency;
          });
        },
        setIndustry: (industry) =>
          rejudge((s) => {
            s.settings.industry = industry;
          }),
        setUserBenchmarks: (rows) =>
          rejudge((s) => {
            s.userBenchmarks = castDraft(rows);
          }),
        select(id) {
          set((s) => {
            s.selectedKpi = id;
          });
        },

        results() {
          const st = get();
          if (shown === null || st.status !== 'ready' || deps.dataKey === undefined) return null;
          return keptResults(st, shown, runner.snapshot(shown.data));
        },

        resume(results) {
          const snapshot = parseCacheSnapshot(results.cache);
          if (snapshot === null) return false;
          runner.seed(snapshot);
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
            s.range = view.dataRange === null ? null : runner.range(st.settings, view.dataRange);
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
