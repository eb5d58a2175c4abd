import type { StoreApi } from 'zustand/vanilla';
import type { ScorecardSettings } from '../app/scorecard/documentScorecard';
import type { Period } from '../app/scorecard/frames';
import type { CacheSnapshot } from '../app/scorecard/resultsCache';
import type { ScorecardRunnerDeps } from '../app/scorecard/runner';
import type { ToDate } from '../app/scorecard/toDate';
import type { KpiFailure, SegmentValue } from '../app/scorecard/viewShape';
import type { UnavailableKpi, WorkbookKpi } from '../app/scorecard/workbookKpis';
import type { Diagnostic } from '../core/formula/diagnostics';
import type { Relationship } from '../core/formula/schema';
import type { BenchmarkRow } from '../core/kpi/benchmarks';
import type { DateSpan } from '../core/kpi/dateRange';
import type { Evaluation } from '../core/kpi/evaluate';
import type { StatusBasis } from '../core/kpi/judge';
import type { KriState } from '../core/kpi/kri';
import type { KpiThresholds } from '../core/kpi/types';
import type { TotalFigure } from '../core/kpi/wholeRange';
import type { LoadedTable } from '../core/model/scorecardSchema';
import type { CalendarKind, Grain } from '../core/sql/calendarSchema';

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

export type { ScorecardSettings };

/** A formula the user typed that does not compile: kept apart so the applied one keeps its results. */
export interface FormulaDraft {
  readonly formula: string;
  readonly diagnostics: Diagnostic[];
}

export type RunStatus = 'idle' | 'running' | 'ready' | 'error';

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
  statusBasis: Record<string, StatusBasis>;
  benchmarks: Record<string, BenchmarkRow | undefined>;
  /** The user's own benchmark rows (doc.benchmarks): they come before published ones. */
  userBenchmarks: BenchmarkRow[];
  /** Per KPI, latest period's value per breakdown value (best first); empty without a breakdown. */
  segments: Record<string, SegmentValue[]>;
  /** The period the data has not finished, to date (judged against targets in the view); null when none. */
  toDate: ToDate | null;
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
  /**
   * Counts runs whose grid has painted: from then on `results()` names their numbers, and the
   * change tells autosave to keep them (never before the paint: the copy holds the page's thread).
   */
  keptRuns: number;
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

/** What the store needs besides the runner's own needs (engine, today, prefetch, text values). */
export interface ScorecardDeps extends ScorecardRunnerDeps {
  tables(): readonly LoadedTable[];
  /** Relationships the user added beyond the canonical model's. */
  relationships?: () => readonly Relationship[];
  /** Targets a catalog KPI starts with when it joins the workbook (a demo's own goals). */
  defaultTargets?: () => Readonly<Record<string, number>>;
  /**
   * Names the contents of the tables (DataState.dataIds and the mappings): results
   * computed for the same key are reused. Without it every run queries afresh.
   */
  dataKey?: () => string;
}
