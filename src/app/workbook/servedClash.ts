import { uniqueTableName } from '../../core/ingest/tableName';
import type { Dataset, WorkbookDocument } from '../../core/model/documentSchema';

/** A table `shakhes serve` holds, as an opened workbook must keep clear of it. */
export interface ServedName {
  table: string;
  /** Where the server read it. */
  path: string;
}

/** A workbook's table put in under another name, because the server holds one of its name. */
export interface RenamedTable {
  /** The file the dataset came from, as the user knows it. */
  dataset: string;
  table: string;
  as: string;
  /** Where the server read the table that kept the name. */
  served: string;
}

/**
 * The document with each dataset that `loads` (its data comes from the file or the tab,
 * not from the server) renamed away from any table the server holds. Loading it under its
 * own name would replace the server's rows while the list still showed the server's table;
 * so the workbook's copy gets the next free name (`deals` → `deals_2`) and is named in
 * `renamed` for the page to say so. Formulas naming the table then read the server's.
 */
export function clearOfServed(
  doc: WorkbookDocument,
  served: readonly ServedName[],
  loads: (d: Dataset) => boolean,
): { doc: WorkbookDocument; renamed: RenamedTable[] } {
  const byName = new Map(served.map((s) => [s.table.toLowerCase(), s]));
  if (!doc.datasets.some((d) => loads(d) && byName.has(d.table.toLowerCase()))) return { doc, renamed: [] };
  // Every name the workbook uses for a table, a mapping view or a notebook cell is taken too.
  const taken = [
    ...served.map((s) => s.table),
    ...doc.datasets.map((d) => d.table),
    ...doc.datasets.flatMap((d) => (d.mapping === undefined ? [] : [d.mapping.canonicalTable])),
    ...doc.sheets.flatMap((s) => s.cells.flatMap((c) => (c.name === undefined ? [] : [c.name]))),
  ];
  const renamed: RenamedTable[] = [];
  const datasets = doc.datasets.map((d) => {
    const server = byName.get(d.table.toLowerCase());
    if (server === undefined || !loads(d)) return d;
    const as = uniqueTableName(d.table, taken);
    taken.push(as);
    renamed.push({ dataset: d.sourceName, table: d.table, as, served: server.path });
    return { ...d, table: as };
  });
  return { doc: { ...doc, datasets }, renamed };
}
