import { cohortKind, funnelKind, keyDriversKind, rfmKind } from './kinds/analyses';
import { contributionKind } from './kinds/contribution';
import { inputKind } from './kinds/input';
import { kpiChartKind, kpiTableKind, segmentCompareKind } from './kinds/kpiCells';
import { markdownKind } from './kinds/markdown';
import { pivotKind } from './kinds/pivot';
import { sqlKind } from './kinds/sql';
import { type NotebookMessage, notebookMessage } from './messages';
import type { CellKind, CellKindDef, NotebookCell } from './types';

/** Every cell kind, by name: the one place a new kind is added (no if-chains elsewhere). */
export const CELL_REGISTRY: Readonly<Record<CellKind, CellKindDef>> = {
  markdown: markdownKind,
  sql: sqlKind,
  kpiTable: kpiTableKind,
  kpiChart: kpiChartKind,
  pivot: pivotKind,
  input: inputKind,
  rfm: rfmKind,
  keyDrivers: keyDriversKind,
  cohort: cohortKind,
  funnel: funnelKind,
  segmentCompare: segmentCompareKind,
  contribution: contributionKind,
};

/** Cell names are SQL identifiers (a SQL cell's name is a view), so they stay plain. */
const CELL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The first free `prefix_n` among `taken` (compared without case, as DuckDB does). */
function freshName(prefix: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) if (!lower.has(`${prefix}_${i}`)) return `${prefix}_${i}`;
}

/** A new cell of `kind` with its defaults and a name none of `taken` has. */
export function createCell(kind: CellKind, id: string, taken: Iterable<string>): NotebookCell {
  const def = CELL_REGISTRY[kind];
  const { source, config } = def.create();
  return { id, kind, name: freshName(def.namePrefix, taken), source, config };
}

/** Why `name` cannot be a cell's name, or null when it can. */
export function cellNameProblem(
  name: string,
  others: Iterable<string>,
  tables: readonly string[],
): NotebookMessage | null {
  if (!CELL_NAME.test(name)) return notebookMessage('bad-name', {});
  const lower = name.toLowerCase();
  if ([...others].some((n) => n.toLowerCase() === lower)) return notebookMessage('name-taken', { name });
  if (tables.some((t) => t.toLowerCase() === lower)) return notebookMessage('name-is-table', { name });
  return null;
}

/** The English of cellNameProblem, or null when the name can be used. */
export function nameProblem(
  name: string,
  others: Iterable<string>,
  tables: readonly string[],
): string | null {
  return cellNameProblem(name, others, tables)?.message ?? null;
}
