import type { Relationship, Schema } from '../../core/formula/schema';
import { CANONICAL_TABLES } from '../../core/model/canonical';
import type { ColumnKind } from '../../core/model/columnKind';

/** What the scorecard needs to know of a loaded table: its name and typed columns. */
export interface LoadedTable {
  name: string;
  columns: readonly { name: string; kind: ColumnKind }[];
}

const canonicalByName = new Map(CANONICAL_TABLES.map((t) => [t.name as string, t]));

/** `table.column` of every loaded column: what catalog availability is judged on. */
export function presentColumns(tables: readonly LoadedTable[]): Set<string> {
  const out = new Set<string>();
  for (const t of tables) for (const c of t.columns) out.add(`${t.name}.${c.name}`);
  return out;
}

/**
 * The loaded tables as the formula checker sees them. Column kinds are the loaded
 * ones (what SQL will really see); the time column and relationships come from the
 * canonical model when a table carries a canonical name, so catalog KPIs and
 * breakdowns such as customers.segment on a deals KPI work without a mapping step.
 */
export function scorecardSchema(
  tables: readonly LoadedTable[],
  extra: readonly Relationship[] = [],
  valuesOf: (table: string, column: string) => readonly string[] | undefined = () => undefined,
): Schema {
  const present = presentColumns(tables);
  const schemaTables = tables.map((t) => {
    const canonical = canonicalByName.get(t.name);
    const firstDate = t.columns.find((c) => c.kind === 'date' || c.kind === 'timestamp')?.name;
    const timeColumn =
      canonical !== undefined && present.has(`${t.name}.${canonical.timeColumn}`)
        ? canonical.timeColumn
        : firstDate;
    const columns = t.columns.map((c) => {
      // Text values the data was seen to hold: the checker warns of comparisons with others.
      const values = c.kind === 'text' ? valuesOf(t.name, c.name) : undefined;
      return { name: c.name, kind: c.kind, ...(values === undefined ? {} : { values }) };
    });
    return { name: t.name, timeColumn, columns };
  });
  const relationships: Relationship[] = [];
  for (const t of CANONICAL_TABLES) {
    for (const c of t.columns) {
      const ref = c.references;
      if (ref === undefined) continue;
      if (!present.has(`${t.name}.${c.name}`) || !present.has(`${ref.table}.${ref.column}`)) continue;
      relationships.push({ fromTable: t.name, fromColumn: c.name, toTable: ref.table, toColumn: ref.column });
    }
  }
  // The user's own links (doc.relationships), kept while both ends are loaded.
  for (const r of extra) {
    if (!present.has(`${r.fromTable}.${r.fromColumn}`) || !present.has(`${r.toTable}.${r.toColumn}`))
      continue;
    if (
      relationships.some(
        (x) => x.fromTable === r.fromTable && x.fromColumn === r.fromColumn && x.toTable === r.toTable,
      )
    )
      continue;
    relationships.push(r);
  }
  return { tables: schemaTables, relationships };
}

/** Keys are not groups: deal_id, Record ID, AccountId. */
const ID_SUFFIX = /(^|[\s_\-.])id$/i;
const CAMEL_ID = /[a-z](Id|ID)$/;
const isIdLike = (name: string) => ID_SUFFIX.test(name) || CAMEL_ID.test(name);

/**
 * What a KPI can be broken down by, as `table.column`: the text columns of every
 * table the scorecard sees (a mapped table's view with all the file's own
 * columns), keys left out. A KPI reaches another table's column through the links
 * (canonical, declared or found); one it cannot reach says so in its diagnostics.
 */
export function breakdownColumns(tables: readonly LoadedTable[]): string[] {
  const out: string[] = [];
  for (const t of tables) {
    for (const c of t.columns) {
      if (c.kind !== 'text' || isIdLike(c.name) || c.name === 'name') continue;
      out.push(`${t.name}.${c.name}`);
    }
  }
  return out;
}
