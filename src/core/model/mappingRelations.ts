import type { Relationship } from '../formula/schema';
import { normalizeHeader } from './mappingMatch';

export interface NamedColumns {
  readonly name: string;
  readonly columns: readonly string[];
}

/** Table names a key stem may refer to: customer → customer, customers; company → companies. */
function tableNamesFor(stem: string): string[] {
  const names = [stem, `${stem}s`, `${stem}es`];
  if (stem.endsWith('y')) names.push(`${stem.slice(0, -1)}ies`);
  return names;
}

/**
 * Relationships found by name: a column `<thing>_id` in one table points at the
 * table named for the thing (singular or plural) when that table has the same
 * column or a plain `id`, as in deals.customer_id → customers.customer_id. The
 * user can edit the result; this only saves typing.
 */
export function detectRelationships(tables: readonly NamedColumns[]): Relationship[] {
  const found: Relationship[] = [];
  for (const from of tables) {
    for (const column of from.columns) {
      const n = normalizeHeader(column);
      if (!n.endsWith('id') || n.length <= 2) continue;
      const stem = n.slice(0, -2);
      const targets = new Set(tableNamesFor(stem));
      for (const to of tables) {
        if (to === from || !targets.has(normalizeHeader(to.name))) continue;
        const key =
          to.columns.find((c) => normalizeHeader(c) === n) ??
          to.columns.find((c) => normalizeHeader(c) === 'id');
        if (key === undefined) continue;
        found.push({ fromTable: from.name, fromColumn: column, toTable: to.name, toColumn: key });
      }
    }
  }
  return found;
}
