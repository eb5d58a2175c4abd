import type { Diagnostic } from '../formula/diagnostics';
import type { GuardReason, GuardRefusalRef } from '../sql/guard';

/**
 * Every problem the notebook reports about a cell: a code, its parameters and the English
 * sentence (for tests, the CLI and logs), as formula diagnostics are (diagnostics.ts). The
 * UI shows them through the message catalogue by code and parameters, so they read in the
 * language shown; lists stay lists here and are joined there.
 */
export interface NotebookMessageParams {
  /** A table an analysis reads is neither loaded nor an upstream SQL cell. */
  'no-table': { table: string; known: string[] };
  'missing-columns': { table: string; columns: string[] };
  /** A setting (`field`, e.g. a pivot's rows) names a column the table lacks; `suggestion` is the closest one. */
  'unknown-field': { field: string; table: string; column: string; suggestion: string | null };
  'rfm-map-size': Record<string, never>;
  'no-drivers': { table: string };
  'unknown-kpis': { ids: string[] };
  'no-kpis': Record<string, never>;
  'bad-breakdown': Record<string, never>;
  /**
   * A KPI's formula does not compile; `message` is the formula diagnostic's sentence,
   * `diagnostic` its code and parameters (the UI writes it from those, in the language shown).
   */
  'kpi-formula': { kpi: string; message: string; diagnostic?: Pick<Diagnostic, 'code' | 'params'> };
  'nothing-to-compute': Record<string, never>;
  /** A median or another KPI whose change has no split by segment. */
  'not-decomposable': { kpi: string };
  /** The KPI's data has no two periods to compare. */
  'no-period': { kpi: string };
  'unknown-param': { name: string };
  'range-needs-part': { name: string };
  'part-needs-range': { name: string; part: string };
  /**
   * The SQL guard refused the cell's SQL: `reason` is its GuardReason, `message` its sentence
   * (src/core/sql/guard.ts), `tables` what the cell may read, `refusal` its code and
   * parameters (the UI writes the reason from those, in the language shown).
   */
  'sql-refused': { reason: GuardReason; message: string; tables: string[]; refusal?: GuardRefusalRef };
  /** DuckDB's own error, as DuckDB wrote it. */
  engine: { message: string };
  /** The cell's query ran past the workbook's time limit and was stopped. */
  'timed-out': { seconds: number };
  /** The user pressed Cancel while the cell ran. */
  cancelled: { seconds: number };
  /** SQL text cannot hold a NUL character, so an input holding one cannot be put in a query. */
  'input-nul': { name: string };
  cycle: { path: string[] };
  'waiting-on': { name: string };
  'bad-name': Record<string, never>;
  'name-taken': { name: string };
  'name-is-table': { name: string };
}

export type NotebookMessageCode = keyof NotebookMessageParams;

export interface NotebookMessage<C extends NotebookMessageCode = NotebookMessageCode> {
  code: C;
  params: NotebookMessageParams[C];
  /** The English sentence. */
  message: string;
}

const list = (xs: readonly string[]) => xs.join(', ');

const formatters: { [C in NotebookMessageCode]: (p: NotebookMessageParams[C]) => string } = {
  'no-table': (p) =>
    `There is no table or SQL cell named ${p.table}; load it or pick one of: ${list(p.known) || 'none yet'}.`,
  'missing-columns': (p) => `${p.table} has no column ${list(p.columns)}.`,
  'unknown-field': (p) =>
    `${p.field}: ${p.table} has no column ${p.column}${p.suggestion === null ? '' : `; did you mean ${p.suggestion}?`}`,
  'rfm-map-size': () => 'The segment map needs a segment for each of the 25 R×F cells.',
  'no-drivers': (p) =>
    `${p.table} has no driver columns (numeric columns named driver_…); list them in the cell.`,
  'unknown-kpis': (p) => `No KPI named ${list(p.ids)} in this workbook.`,
  'no-kpis': () => 'Pick at least one KPI.',
  'bad-breakdown': () => 'A breakdown is written table.column, e.g. customers.segment.',
  'kpi-formula': (p) => `${p.kpi}: ${p.message}`,
  'nothing-to-compute': () => 'Nothing to compute.',
  'not-decomposable': (p) =>
    `${p.kpi} is not a sum, a count or a ratio of them (it is an average, a distinct count or a comparison over time), so its change cannot be split by segment.`,
  'no-period': (p) => `The data ${p.kpi} reads has no period to compare with.`,
  'unknown-param': (p) => `{{${p.name}}} is not an input cell of this notebook`,
  'range-needs-part': (p) => `{{${p.name}}}: a date range is read as {{name.from}} or {{name.to}}`,
  'part-needs-range': (p) => `{{${p.name}.${p.part}}}: .${p.part} is only for date-range inputs`,
  'sql-refused': (p) => p.message,
  engine: (p) => p.message,
  'timed-out': (p) =>
    `Stopped after ${p.seconds} s, the workbook's time limit. Narrow the query (filter or aggregate first) or raise the time limit, then press Run.`,
  cancelled: (p) => `Cancelled after ${p.seconds} s. Press Run to run it again.`,
  'input-nul': (p) => `The input ${p.name} holds a NUL character, which SQL cannot take; remove it.`,
  cycle: (p) => `These cells read each other in a circle: ${p.path.join(' → ')}.`,
  'waiting-on': (p) => `Waiting on ${p.name}, which failed.`,
  'bad-name': () => 'A cell name starts with a letter or _ and has only letters, digits and _.',
  'name-taken': (p) => `Another cell is already named ${p.name}.`,
  'name-is-table': (p) => `${p.name} is a loaded table; pick another name.`,
};

export function notebookMessage<C extends NotebookMessageCode>(
  code: C,
  params: NotebookMessageParams[C],
): NotebookMessage<C> {
  return { code, params, message: formatters[code](params) };
}

/** The English text of several problems, one after another (a cell may have more than one). */
export function messagesText(problems: readonly NotebookMessage[], separator = '\n'): string {
  return problems.map((p) => p.message).join(separator);
}
