import { closest } from '../../formula/suggest';
import type { Grain } from '../../sql/calendarSchema';
import { configString } from '../config';
import { messagesText, type NotebookMessage, notebookMessage } from '../messages';
import type { CellConfig, CellDeps, NotebookContext, PlanResult } from '../types';

export const NO_DEPS: CellDeps = { cells: [], kpis: [], tables: [] };

/** Dependencies of a cell that reads one table: a cell's view when a cell has that name. */
export function tableDeps(table: string, cellNames: ReadonlySet<string>, extra: string[] = []): CellDeps {
  const isCell = [...cellNames].some((n) => n.toLowerCase() === table.toLowerCase());
  return { cells: [...(isCell ? [table] : []), ...extra], kpis: [], tables: isCell ? [] : [table] };
}

/** A friendly refusal when a table or its columns are not there, before DuckDB says it less kindly. */
export function checkSource(
  ctx: NotebookContext,
  table: string,
  columns: readonly string[],
): NotebookMessage | null {
  const lower = table.toLowerCase();
  if (ctx.views.some((v) => v.toLowerCase() === lower)) return null;
  const t = ctx.schema.tables.find((x) => x.name.toLowerCase() === lower);
  if (t === undefined) {
    return notebookMessage('no-table', { table, known: [...ctx.tables, ...ctx.views] });
  }
  const missing = columns.filter((c) => !t.columns.some((x) => x.name.toLowerCase() === c.toLowerCase()));
  return missing.length === 0
    ? null
    : notebookMessage('missing-columns', { table: t.name, columns: missing });
}

/**
 * Settings that each name a column of `table` (field → column), checked one by one so a
 * typo is reported at its field with the closest column. A view's columns are not known
 * before it runs, so a view passes and DuckDB judges.
 */
export function checkFields(
  ctx: NotebookContext,
  table: string,
  fields: Readonly<Record<string, string>>,
): NotebookMessage[] {
  const lower = table.toLowerCase();
  if (ctx.views.some((v) => v.toLowerCase() === lower)) return [];
  const t = ctx.schema.tables.find((x) => x.name.toLowerCase() === lower);
  if (t === undefined) return [notebookMessage('no-table', { table, known: [...ctx.tables, ...ctx.views] })];
  const names = t.columns.map((c) => c.name);
  return Object.entries(fields)
    .filter(([, column]) => !names.some((n) => n.toLowerCase() === column.toLowerCase()))
    .map(([field, column]) =>
      notebookMessage('unknown-field', { field, table: t.name, column, suggestion: closest(column, names) }),
    );
}

/** A plan that cannot be made, for these reasons. */
export function refuse(...problems: NotebookMessage[]): PlanResult {
  return { ok: false, message: messagesText(problems), problems };
}

/** The plan `make` gives, unless `problem` says the cell cannot run. */
export function unless(problem: NotebookMessage | null, make: () => PlanResult): PlanResult {
  return problem !== null ? refuse(problem) : make();
}

export function sqlPlan(result: string): PlanResult {
  return { ok: true, plan: { type: 'sql', setup: [], result } };
}

const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

export function configGrain(config: CellConfig, fallback: Grain): Grain {
  const g = configString(config, 'grain', fallback);
  return (GRAINS as readonly string[]).includes(g) ? (g as Grain) : fallback;
}

/** The date range a KPI cell reads from an input cell named in `config.range`, if any. */
export function rangeOf(config: CellConfig, ctx: NotebookContext): { from?: string; to?: string } {
  const name = configString(config, 'range', '');
  const v = name === '' ? undefined : ctx.inputs.get(name);
  if (v?.type !== 'dateRange') return {};
  return { from: v.from ?? undefined, to: v.to ?? undefined };
}

export function rangeDeps(config: CellConfig): string[] {
  const name = configString(config, 'range', '');
  return name === '' ? [] : [name];
}
