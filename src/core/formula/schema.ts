import type { ColumnKind } from '../model/columnKind';

/** What the checker and compiler know about the data: tables, their columns and how they link. */
export interface SchemaColumn {
  name: string;
  kind: ColumnKind;
  /**
   * Every value a text column holds, when they are few (MAX_KNOWN_VALUES): comparisons
   * with text it never holds are warned about. Absent when unknown or too many.
   */
  values?: readonly string[];
}

/** A text column with more distinct values than this is not listed: it is not a category. */
export const MAX_KNOWN_VALUES = 1000;

export interface SchemaTable {
  name: string;
  columns: SchemaColumn[];
  /** The date column that places a row in a period when a KPI does not name one. */
  timeColumn?: string;
}

/** Many rows of `fromTable` point at one row of `toTable` (deals.customer_id → customers.customer_id). */
export interface Relationship {
  fromTable: string;
  fromColumn: string;
  toTable: string;
  toColumn: string;
}

export interface Schema {
  tables: SchemaTable[];
  relationships: Relationship[];
}

export interface KpiDef {
  id: string;
  label: string;
  formula: string;
  /** Where bare column names are looked up; inferred from the formula's table.column names when absent. */
  table?: string;
  /** `column` of the KPI's table or `table.column`. */
  timeColumn?: string;
  /** A row condition applied to every aggregate over the KPI's table. */
  filter?: string;
}

/** Just what the compiler reads of a KPI that carries more (a catalog or workbook KPI). */
export function kpiDefOf(k: KpiDef): KpiDef {
  return {
    id: k.id,
    label: k.label,
    formula: k.formula,
    table: k.table,
    timeColumn: k.timeColumn,
    filter: k.filter,
  };
}

/** Exact match first, then a unique match ignoring case, the way spreadsheet users type. */
function byName<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  const exact = items.find((x) => x.name === name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  const loose = items.filter((x) => x.name.toLowerCase() === lower);
  return loose.length === 1 ? loose[0] : undefined;
}

export function findTable(schema: Schema, name: string): SchemaTable | undefined {
  return byName(schema.tables, name);
}

export function findColumn(table: SchemaTable, name: string): SchemaColumn | undefined {
  return byName(table.columns, name);
}

/**
 * The relationships to follow from one table to reach another, many-to-one only
 * so a join never multiplies the rows being counted; null when there is no path.
 */
export function joinPath(schema: Schema, from: string, to: string): Relationship[] | null {
  if (from === to) return [];
  const seen = new Set([from]);
  let frontier: { table: string; path: Relationship[] }[] = [{ table: from, path: [] }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { table, path } of frontier) {
      for (const r of schema.relationships) {
        if (r.fromTable !== table || seen.has(r.toTable)) continue;
        const p = [...path, r];
        if (r.toTable === to) return p;
        seen.add(r.toTable);
        next.push({ table: r.toTable, path: p });
      }
    }
    frontier = next;
  }
  return null;
}

/** The table among `tables` from which every other one can be reached, preferring `preferred`. */
export function rootTable(
  schema: Schema,
  tables: readonly string[],
  preferred: string | null,
): string | null {
  const candidates = preferred !== null ? [preferred, ...tables] : [...tables];
  for (const c of candidates) {
    if (tables.every((t) => joinPath(schema, c, t) !== null)) return c;
  }
  return null;
}
