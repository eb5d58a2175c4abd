import { uniqueTableName } from '../../core/ingest/tableName';
import type { Dataset, WorkbookDocument } from '../../core/model/documentSchema';
import type { ServedClash } from '../../engine/servedTables';

/** A table `shakhes serve` holds, as an opened workbook must keep clear of it. */
export interface ServedName {
  table: string;
  /** Where the server read it. */
  path: string;
  /** A file dropped on the page: `path` is the server's private copy (servedTables.ts). */
  dropped?: true;
}

/**
 * A workbook's table put in under another name (`as`), or whose mapping was left off
 * (`view`), because the server holds a table of that name.
 */
export type RenamedTable = ServedClash;

/**
 * The document kept clear of the tables the server holds, which keep their names:
 * - each dataset that `loads` (its data comes from the file or the tab, not from the
 *   server) and has a served table's name gets the next free name (`deals` → `deals_2`):
 *   loading it under its own would replace the server's rows while the list still showed
 *   the server's table; formulas naming the table then read the server's;
 * - each dataset whose mapping's view would have a served table's name (`hubspot` mapped to
 *   `deals` beside a served `deals`) has its mapping left off: the view cannot replace the
 *   server's table, and catalog KPIs read the server's `deals`. The table stays loaded and
 *   can be mapped to another canonical table.
 * Both are listed in `renamed`, for the page to say so.
 */
export function clearOfServed(
  doc: WorkbookDocument,
  served: readonly ServedName[],
  loads: (d: Dataset) => boolean,
): { doc: WorkbookDocument; renamed: RenamedTable[] } {
  const byName = new Map(served.map((s) => [s.table.toLowerCase(), s]));
  const serverOf = (name: string | undefined) =>
    name === undefined ? undefined : byName.get(name.toLowerCase());
  const renames = (d: Dataset) => loads(d) && serverOf(d.table) !== undefined;
  const unmaps = (d: Dataset) => serverOf(d.mapping?.canonicalTable) !== undefined;
  if (!doc.datasets.some((d) => renames(d) || unmaps(d))) return { doc, renamed: [] };
  // Every name the workbook uses for a table, a mapping view or a notebook cell is taken too.
  const taken = [
    ...served.map((s) => s.table),
    ...doc.datasets.map((d) => d.table),
    ...doc.datasets.flatMap((d) => (d.mapping === undefined ? [] : [d.mapping.canonicalTable])),
    ...doc.sheets.flatMap((s) => s.cells.flatMap((c) => (c.name === undefined ? [] : [c.name]))),
  ];
  const renamed: RenamedTable[] = [];
  const datasets = doc.datasets.map((given) => {
    let d = given;
    const server = serverOf(d.table);
    if (server !== undefined && renames(d)) {
      const as = uniqueTableName(d.table, taken);
      taken.push(as);
      renamed.push({ dataset: d.sourceName, table: d.table, as, served: server.path });
      d = { ...d, table: as };
    }
    const view = d.mapping?.canonicalTable;
    const viewServer = serverOf(view);
    if (view !== undefined && viewServer !== undefined) {
      const { mapping: _left, ...unmapped } = d;
      renamed.push({ dataset: d.sourceName, table: d.table, as: d.table, served: viewServer.path, view });
      d = unmapped;
    }
    return d;
  });
  return { doc: { ...doc, datasets }, renamed };
}
