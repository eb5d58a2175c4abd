import type { Relationship, Schema } from '../core/formula/schema';
import type { ColumnKind } from '../core/model/columnKind';
import { UsageError } from './args';

/**
 * Loaded tables (or tables read in place) as the formula checker sees them. A table's default time column
 * is its first date column, the one a period most often means (created_at, date).
 */
export function schemaFromImports(
  imports: readonly { table: string; columns: readonly { name: string; kind: ColumnKind }[] }[],
  relationships: Relationship[],
): Schema {
  return {
    tables: imports.map((r) => ({
      name: r.table,
      columns: r.columns.map((c) => ({ name: c.name, kind: c.kind })),
      timeColumn: r.columns.find((c) => c.kind === 'date' || c.kind === 'timestamp')?.name,
    })),
    relationships,
  };
}

/** `deals.customer_id=customers.customer_id` → a many-to-one relationship. */
export function parseRelationship(spec: string): Relationship {
  const m = /^([^.=]+)\.([^=]+)=([^.=]+)\.(.+)$/.exec(spec);
  if (!m)
    throw new UsageError(
      `--rel takes TABLE.COLUMN=TABLE.COLUMN (e.g. deals.customer_id=customers.customer_id); got “${spec}”.`,
    );
  return { fromTable: m[1], fromColumn: m[2], toTable: m[3], toColumn: m[4] };
}

/** `TABLE.COLUMN` for --by. */
export function parseColumnRef(flagName: string, spec: string): { table: string; column: string } {
  const dot = spec.indexOf('.');
  if (dot <= 0 || dot === spec.length - 1)
    throw new UsageError(`--${flagName} takes TABLE.COLUMN; got “${spec}”.`);
  return { table: spec.slice(0, dot), column: spec.slice(dot + 1) };
}
