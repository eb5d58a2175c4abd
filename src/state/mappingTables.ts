import { canonicalColumn, canonicalTable } from '../core/model/canonical';
import type { TableMapping } from '../core/model/mapping';
import {
  type MappingProblem,
  mappingProblem,
  type RawColumn,
  validateMapping,
} from '../core/model/mappingValidate';
import { mappedColumns } from '../core/model/mappingView';
import type { ColumnKind } from '../engine/ingest/types';
import type { LoadedTable } from './scorecardSchema';

/** A mapping in force: the raw table stays as loaded, the view carries the canonical name. */
export interface AppliedMapping {
  readonly raw: string;
  readonly mapping: TableMapping;
  /** Set when a CRM preset recognised the file and the app mapped it without asking. */
  readonly auto: { readonly crm: string; readonly label: string } | null;
}

/** The canonical columns (and their kinds) the view of a mapping has. */
export function viewColumns(mapping: TableMapping): { name: string; kind: ColumnKind }[] {
  const t = mapping.canonicalTable;
  const order = canonicalTable(t)?.columns.map((c) => c.name) ?? [];
  const names = [...mappedColumns(mapping)].map((n) => n.slice(t.length + 1));
  names.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return names.map((name) => ({ name, kind: canonicalColumn(t, name)?.kind ?? 'text' }));
}

/**
 * What the scorecard sees: every loaded table that is not mapped, and in place of
 * each mapped one its view under the canonical name, so catalog KPIs find it.
 */
export function scorecardTables(
  loaded: readonly LoadedTable[],
  applied: Readonly<Record<string, AppliedMapping>>,
): LoadedTable[] {
  const out: LoadedTable[] = loaded.filter((t) => applied[t.name] === undefined);
  for (const a of Object.values(applied)) {
    if (!loaded.some((t) => t.name === a.raw)) continue;
    out.push({ name: a.mapping.canonicalTable, columns: viewColumns(a.mapping) });
  }
  return out;
}

/**
 * Everything that stops `mapping` of `raw` from holding: the column checks of
 * validateMapping, plus a view name another table already has (a loaded table of
 * that name, or a second table mapped to the same canonical table).
 */
export function mappingProblems(
  raw: string,
  mapping: TableMapping,
  rawColumns: readonly RawColumn[],
  loadedNames: readonly string[],
  applied: Readonly<Record<string, AppliedMapping>>,
): MappingProblem[] {
  const problems = validateMapping(mapping, rawColumns);
  const view = mapping.canonicalTable;
  if (loadedNames.some((n) => n.toLowerCase() === view.toLowerCase())) {
    problems.unshift(
      mappingProblem(
        view,
        'error',
        raw.toLowerCase() === view.toLowerCase() ? 'table-is-view' : 'view-name-taken',
        { view },
      ),
    );
  }
  const other = Object.values(applied).find((a) => a.raw !== raw && a.mapping.canonicalTable === view);
  if (other !== undefined) {
    problems.unshift(mappingProblem(view, 'error', 'already-mapped', { other: other.raw, view }));
  }
  return problems;
}

export const hasErrors = (problems: readonly MappingProblem[]) =>
  problems.some((p) => p.severity === 'error');
