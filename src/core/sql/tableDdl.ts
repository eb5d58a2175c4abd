import { duckdb } from './dialects/registry';

/**
 * The statements that put tables in place, rename and drop them: one definition each,
 * so every caller quotes names the same way (a hostile table name is only ever a name).
 */
const q = duckdb.quoteIdent;

export type RelationKind = 'TABLE' | 'VIEW';

/** Drops `name` when it exists; `kind` must be what it is (DuckDB refuses DROP TABLE of a view). */
export function dropSql(name: string, kind: RelationKind = 'TABLE'): string {
  return `DROP ${kind} IF EXISTS ${q(name)}`;
}

export function renameTableSql(from: string, to: string): string {
  return `ALTER TABLE ${q(from)} RENAME TO ${q(to)}`;
}
