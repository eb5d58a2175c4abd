import type { Dialect } from './dialect';

/**
 * The statements that put tables in place, rename and drop them: one definition each,
 * so every caller quotes names the same way (a hostile table name is only ever a name),
 * in the dialect of the engine that runs them.
 */
export type RelationKind = 'TABLE' | 'VIEW';

/** Drops `name` when it exists; `kind` must be what it is (DuckDB refuses DROP TABLE of a view). */
export function dropSql(d: Dialect, name: string, kind: RelationKind = 'TABLE'): string {
  return `DROP ${kind} IF EXISTS ${d.quoteIdent(name)}`;
}

/** PostgreSQL and DuckDB spelling; only ever run on DuckDB (file import, the app's tables, `shakhes serve`). */
export function renameTableSql(d: Dialect, from: string, to: string): string {
  return `ALTER TABLE ${d.quoteIdent(from)} RENAME TO ${d.quoteIdent(to)}`;
}
