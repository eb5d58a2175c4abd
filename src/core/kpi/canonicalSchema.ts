import type { Relationship, Schema } from '../formula/schema';
import { CANONICAL_TABLES } from '../model/canonical';

/**
 * The canonical model as the formula checker sees it. With `present`, only the
 * mapped `table.column` names are in it, so a formula over a missing column gets
 * the checker's own "no column" message.
 */
export function canonicalSchema(present?: ReadonlySet<string>): Schema {
  const has = (table: string, column: string) => present === undefined || present.has(`${table}.${column}`);
  const tables = CANONICAL_TABLES.map((t) => ({
    name: t.name,
    timeColumn: t.timeColumn,
    columns: t.columns.filter((c) => has(t.name, c.name)).map((c) => ({ name: c.name, kind: c.kind })),
  })).filter((t) => t.columns.length > 0);
  const names = new Set(tables.map((t) => t.name));
  const relationships: Relationship[] = [];
  for (const t of CANONICAL_TABLES) {
    for (const c of t.columns) {
      if (c.references === undefined || !names.has(t.name) || !names.has(c.references.table)) continue;
      if (!has(t.name, c.name) || !has(c.references.table, c.references.column)) continue;
      relationships.push({
        fromTable: t.name,
        fromColumn: c.name,
        toTable: c.references.table,
        toColumn: c.references.column,
      });
    }
  }
  return { tables, relationships };
}
