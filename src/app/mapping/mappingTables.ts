import type { Relationship } from '../../core/formula/schema';
import { canonicalColumn, canonicalTable } from '../../core/model/canonical';
import type { ColumnKind } from '../../core/model/columnKind';
import type { WorkbookDocument } from '../../core/model/documentSchema';
import type { TableMapping } from '../../core/model/mapping';
import {
  type MappingProblem,
  mappingProblem,
  type RawColumn,
  validateMapping,
} from '../../core/model/mappingValidate';
import { viewColumnOf, viewLayout } from '../../core/model/mappingView';
import type { LoadedTable } from '../../core/model/scorecardSchema';

/** A mapping in force: the raw table stays as loaded, the view carries the canonical name. */
export interface AppliedMapping {
  readonly raw: string;
  readonly mapping: TableMapping;
  /** Set when a CRM preset recognised the file and the app mapped it without asking. */
  readonly auto: { readonly crm: string; readonly label: string } | null;
}

/** The mappings a workbook document holds, by table; `autoOf` keeps a note the app already has. */
export function appliedMappingsOf(
  doc: WorkbookDocument,
  autoOf: (table: string) => AppliedMapping['auto'] = () => null,
): Record<string, AppliedMapping> {
  const applied: Record<string, AppliedMapping> = {};
  for (const d of doc.datasets)
    if (d.mapping !== undefined)
      applied[d.table] = { raw: d.table, mapping: d.mapping, auto: autoOf(d.table) };
  return applied;
}

/**
 * The columns (and their kinds) the view of a mapping has: the canonical ones in
 * canonical order, then every raw column of the file under its own name
 * (viewLayout says how a clash of names is settled).
 */
function viewColumns(
  mapping: TableMapping,
  rawColumns: readonly RawColumn[],
): { name: string; kind: ColumnKind }[] {
  const t = mapping.canonicalTable;
  const order = canonicalTable(t)?.columns.map((c) => c.name) ?? [];
  const layout = viewLayout(
    mapping,
    rawColumns.map((c) => c.name),
  );
  const canonical = layout.filter((c) => c.canonical).map((c) => c.name);
  canonical.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const kindOf = (header: string | null) => rawColumns.find((c) => c.name === header)?.kind ?? 'text';
  return [
    ...canonical.map((name) => ({ name, kind: canonicalColumn(t, name)?.kind ?? 'text' })),
    ...layout.filter((c) => !c.canonical).map((c) => ({ name: c.name, kind: kindOf(c.header) })),
  ];
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
    const raw = loaded.find((t) => t.name === a.raw);
    if (raw === undefined) continue;
    out.push({ name: a.mapping.canonicalTable, columns: viewColumns(a.mapping, raw.columns) });
  }
  return out;
}

type End = { table: string; column: string };

const headersOf = (t: LoadedTable) => t.columns.map((c) => c.name);

/**
 * Where one end of a declared relationship is now: a mapped raw table is its view,
 * and a raw header the view column that carries it (its own name, a `_raw` rename
 * or the canonical column it became). A canonical name written against the raw
 * table, or an end already named by its view, stays as written.
 */
function currentEnd(
  end: End,
  loaded: readonly LoadedTable[],
  applied: Readonly<Record<string, AppliedMapping>>,
): End {
  const a = applied[end.table];
  const raw = loaded.find((t) => t.name === end.table);
  if (a === undefined || raw === undefined) return end;
  const layout = viewLayout(a.mapping, headersOf(raw));
  const c = viewColumnOf(layout, end.column) ?? layout.find((x) => x.name === end.column);
  return { table: a.mapping.canonicalTable, column: c?.name ?? end.column };
}

/** The raw table and header behind an end the scorecard names (a view column). */
function declaredEnd(
  end: End,
  loaded: readonly LoadedTable[],
  applied: Readonly<Record<string, AppliedMapping>>,
): End {
  for (const a of Object.values(applied)) {
    if (a.mapping.canonicalTable !== end.table) continue;
    const raw = loaded.find((t) => t.name === a.raw);
    if (raw === undefined) continue;
    const c = viewLayout(a.mapping, headersOf(raw)).find((x) => x.name === end.column);
    // won read from stage values has no header of its own: it keeps its canonical name.
    return { table: a.raw, column: c?.header ?? end.column };
  }
  return end;
}

type Mapped = { loaded: readonly LoadedTable[]; applied: Readonly<Record<string, AppliedMapping>> };

/** `r` with each end moved by `end`. */
function eachEnd(
  r: Relationship,
  m: Mapped,
  end: (e: End, loaded: Mapped['loaded'], applied: Mapped['applied']) => End,
): Relationship {
  const from = end({ table: r.fromTable, column: r.fromColumn }, m.loaded, m.applied);
  const to = end({ table: r.toTable, column: r.toColumn }, m.loaded, m.applied);
  return { fromTable: from.table, fromColumn: from.column, toTable: to.table, toColumn: to.column };
}

/**
 * A relationship as the workbook keeps it: in the raw tables' own names, so it
 * holds through mapping, re-mapping to another table, unmapping and reloading.
 */
export const declaredRelationship = (r: Relationship, m: Mapped) => eachEnd(r, m, declaredEnd);

/** A declared relationship (raw or canonical names alike) in the names the scorecard sees now. */
export const currentRelationship = (r: Relationship, m: Mapped) => eachEnd(r, m, currentEnd);

/**
 * The links the scorecard follows beyond the CRM model's: the declared ones in
 * today's names, then the found ones; one per pointing column and target table.
 */
export function scorecardLinks(
  declared: readonly Relationship[],
  found: readonly Relationship[],
  loaded: readonly LoadedTable[],
  applied: Readonly<Record<string, AppliedMapping>>,
): Relationship[] {
  const out: Relationship[] = [];
  const current = declared.map((r) => currentRelationship(r, { loaded, applied }));
  // A declared link to a table removed since stays declared (its undo needs it) but is not followed.
  const present = new Set(scorecardTables(loaded, applied).map((t) => t.name.toLowerCase()));
  for (const { fromTable, fromColumn, toTable, toColumn } of [...current, ...found]) {
    if (!present.has(fromTable.toLowerCase()) || !present.has(toTable.toLowerCase())) continue;
    if (out.some((x) => x.fromTable === fromTable && x.fromColumn === fromColumn && x.toTable === toTable))
      continue;
    out.push({ fromTable, fromColumn, toTable, toColumn });
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
  const problems = validateMapping(mapping, rawColumns, raw);
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
