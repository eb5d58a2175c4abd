import { KPI_FAMILIES } from './catalog';
import type { KpiFamily } from './types';

/** A catalog KPI the data cannot compute, as the grouping needs it. */
export interface UnavailableItem {
  readonly id: string;
  readonly family: KpiFamily;
  readonly kind: 'kpi' | 'kri';
  /** The `table.column`s it needs that the data lacks (its unavailability reason). */
  readonly missing: readonly string[];
}

/** KRIs are listed apart from the KPIs, so their unavailable ones fold apart too. */
export type UnavailableFamily = KpiFamily | 'risk';

/** One folded line: every unavailable KPI of a family, with what would make them computable. */
export interface UnavailableGroup {
  readonly family: UnavailableFamily;
  readonly ids: readonly string[];
  /** Tables that are not loaded (or mapped) at all, the most needed first; every one is named. */
  readonly tables: readonly string[];
  /** Columns missing from tables that are there: mapping them is the fix, not another file. */
  readonly columns: readonly string[];
}

const tableOf = (column: string) => column.slice(0, Math.max(0, column.indexOf('.'))) || column;

/** Keys of a count map, the highest count first, then by name so the line reads the same every time. */
function byCount(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

/**
 * Folds unavailable KPIs into one group per family, in the scorecard's family order
 * (risk last). A missing column whose table is absent counts toward the table: "needs
 * a customers table" says more than its five columns; one whose table is present is
 * named as a column. Families with nothing unavailable are left out.
 */
export function groupUnavailable(
  items: readonly UnavailableItem[],
  presentTables: ReadonlySet<string>,
): UnavailableGroup[] {
  const order: UnavailableFamily[] = [...KPI_FAMILIES, 'risk'];
  const groups: UnavailableGroup[] = [];
  for (const family of order) {
    const members = items.filter((i) => (i.kind === 'kri' ? 'risk' : i.family) === family);
    if (members.length === 0) continue;
    const tables = new Map<string, number>();
    const columns = new Map<string, number>();
    for (const m of members) {
      // Counted once per KPI: a KPI needing three customers columns asks for one table.
      const absent = new Set<string>();
      for (const c of m.missing) {
        const table = tableOf(c);
        if (presentTables.has(table)) columns.set(c, (columns.get(c) ?? 0) + 1);
        else absent.add(table);
      }
      for (const table of absent) tables.set(table, (tables.get(table) ?? 0) + 1);
    }
    groups.push({
      family,
      ids: members.map((m) => m.id),
      tables: byCount(tables),
      columns: byCount(columns),
    });
  }
  return groups;
}
