import type { ExplainedChange, ExplainRequest } from '../analysis/explain';
import type { CompiledScorecard } from '../formula/compile';
import type { KpiDef, Schema } from '../formula/schema';
import type { ColumnKind } from '../model/columnKind';
import type { CalendarKind } from '../sql/calendarSchema';
import type { Dialect } from '../sql/dialect';
import type { NotebookMessage } from './messages';

/** Plain JSON, the only thing a cell's settings may hold (the workbook stores it as is). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type CellConfig = { [key: string]: JsonValue };

export const CELL_KINDS = [
  'markdown',
  'sql',
  'kpiTable',
  'kpiChart',
  'pivot',
  'input',
  'rfm',
  'keyDrivers',
  'cohort',
  'funnel',
  'segmentCompare',
  'contribution',
] as const;
export type CellKind = (typeof CELL_KINDS)[number];

/** One notebook cell as the document stores it. `name` is how other cells refer to it. */
export interface NotebookCell {
  id: string;
  kind: CellKind;
  name: string;
  /** SQL or Markdown; empty for kinds configured only through `config`. */
  source: string;
  config: CellConfig;
  /**
   * Set when the cell's last run failed in the engine, ran out of time or was cancelled:
   * it then waits for Run instead of running again when its sheet is shown or the
   * workbook reopens (a runaway query must not wedge every open).
   */
  halted?: CellHalt;
}

export const HALT_CODES = ['timed-out', 'cancelled', 'failed'] as const;
export interface CellHalt {
  code: (typeof HALT_CODES)[number];
  /** How long it ran, for timed-out and cancelled. */
  seconds?: number;
  /** The English of the failure, for 'failed'. */
  message?: string;
}

/** What a cell reads: other cells by name (SQL views, inputs), catalog or workbook KPIs, base tables. */
export interface CellDeps {
  cells: string[];
  kpis: string[];
  tables: string[];
}

/** The value an input cell gives the cells that read it as `{{name}}` (or `{{name.from}}`). */
export type InputValue =
  | { type: 'number'; value: number | null }
  | { type: 'text'; value: string | null }
  | { type: 'dateRange'; from: string | null; to: string | null };

/** A KPI as cells see it: its definition, how to show it, and the KPIs its formula uses. */
export interface NotebookKpi extends KpiDef {
  format: 'number' | 'integer' | 'percent' | 'currency' | 'duration';
  direction: 'up' | 'down' | 'context';
  /** What one unit is ('%', 'points', 'USD'); a change in 'points' is a difference, not a ratio. */
  unit: string;
  uses: readonly string[];
}

/** Everything a cell kind may look at when it builds its query: no engine, no React. */
export interface NotebookContext {
  /** Loaded base tables (not views made by cells). */
  tables: readonly string[];
  schema: Schema;
  /** KPIs a KPI cell may name, by id. */
  kpis: ReadonlyMap<string, NotebookKpi>;
  /** Values of input cells, by cell name. */
  inputs: ReadonlyMap<string, InputValue>;
  /** Names of SQL cells upstream of this one: views it may read. */
  views: readonly string[];
  /** The workbook's calendar, which KPI cells cut periods in (as the scorecard does); Gregorian when absent. */
  calendar?: CalendarKind;
  /** The dialect of the engine the cells run on: every query a cell kind builds is written in it. */
  dialect: Dialect;
}

export type ResultValue = string | number | boolean | null;
export interface ResultTable {
  columns: { name: string; kind: ColumnKind }[];
  rows: Record<string, ResultValue>[];
  /**
   * The calendar of the result's period labels (`1404-Q3`, `2025-10`), when it has any: the
   * UI names them by it, not by the calendar chosen since, which the cell has not rerun in yet.
   */
  calendar?: CalendarKind;
  /** A contribution cell's answer whole, for its sentence and waterfall (the rows list its segments). */
  change?: ExplainedChange;
}

/** A scorecard row as the engine returns it (structurally `ScorecardRow` of engine/scorecardRun). */
export interface PeriodRow {
  periodStart: string | null;
  /** ISO date of the period's last day. */
  periodEnd?: string | null;
  period: string | null;
  by: ResultValue;
  values: Record<string, ResultValue>;
}

/** How a cell is run, decided in core and carried out by the notebook store. */
export type CellPlan =
  | { type: 'none' }
  | {
      type: 'sql';
      /**
       * When the SQL is the user's (a SQL cell): their SQL and the tables and views it may
       * read. The guard judges DuckDB's reading of it (src/engine/workbookSql.ts) before
       * anything runs.
       */
      guard?: { sql: string; tables: string[] };
      /** Statements run first, in order, each alone (a view for the cell's name). */
      setup: string[];
      /** The query whose rows are the cell's result. */
      result: string;
      /** Lines of SQL put before the user's own in `setup[0]`, to map DuckDB's LINE n back. */
      userLineOffset?: number;
      /**
       * The result reads the calendar table: `bounds` returns the dates it must cover (`lo`,
       * `hi`), and the result's period labels are of calendar `kind`.
       */
      calendar?: { kind: CalendarKind; bounds: string };
      /** Makes the result's rows into the cell's table (a pivot's long rows made wide), before any are cut off. */
      reshape?(result: ResultTable): ResultTable;
    }
  | {
      type: 'contribution';
      /** Run by the app's explainChange: periods first, then the one contribution query. */
      request: ExplainRequest;
    }
  | {
      type: 'scorecard';
      compiled: CompiledScorecard;
      /** `dataEnd` is the last day of data, when the cell's range is left to the data. */
      shape(rows: readonly PeriodRow[], dataEnd?: string | null): ResultTable;
    };

/** A refusal carries its problems (shown through the catalogue) and their English, joined. */
export type PlanResult =
  | { ok: true; plan: CellPlan }
  | { ok: false; message: string; problems: readonly NotebookMessage[] };

/** One kind of cell: how to make one, what it reads, and how to run it. Rendering lives in src/ui. */
export interface CellKindDef {
  kind: CellKind;
  /** Prefix of default names (`sql_1`, `rfm_1`). */
  namePrefix: string;
  create(): { source: string; config: CellConfig };
  /** `cellNames` are the names of every cell in the notebook, to tell a view from a base table. */
  dependencies(cell: NotebookCell, cellNames: ReadonlySet<string>): CellDeps;
  plan(cell: NotebookCell, ctx: NotebookContext): PlanResult;
  /** Cuts its result into the workbook calendar's periods: it reruns when that calendar changes. */
  periodic?: boolean;
}
