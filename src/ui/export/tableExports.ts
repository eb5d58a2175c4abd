import { type ExportTable, exportCsv, exportFileName, exportXlsx } from '../../core/export/exportTable';
import { buildGridQuery } from '../../core/sql/gridQuery';
import { arrowToRows, firstNumber } from '../../state/arrowRows';
import type { TableEntry } from '../../state/dataStore';
import { dataStore, encodeForAutosave } from '../appRoot';
import { download } from '../workbookFiles';
import { ipcInSlices } from './arrowStream';
import { gridViewOf } from './gridView';

type TableFormat = 'csv' | 'xlsx' | 'parquet';

const TYPES: Record<TableFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
};

/**
 * The grid's rows for export: the whole table through the engine with the grid's
 * sort and filters, not the page on screen. The SQL comes from core, like the grid's.
 */
async function gridRows(table: TableEntry) {
  const engine = await dataStore.getState().engine();
  const view = gridViewOf(table.name);
  const request = {
    table: table.name,
    columns: table.columns.map((c) => c.name),
    // Text sorts as the grid sorts it (Persian order), so the file's rows are in the grid's order.
    textColumns: table.columns.filter((c) => c.kind === 'text').map((c) => c.name),
    ...view,
    offset: 0,
  };
  const { countSql } = buildGridQuery({ ...request, limit: 0 });
  const total = firstNumber(await engine.query(countSql), 'n');
  const { sql } = buildGridQuery({ ...request, limit: total });
  return engine.query(sql);
}

/** Downloads a table (as the grid shows it: filtered and sorted) as CSV, XLSX or Parquet. */
export async function exportTable(table: TableEntry, format: TableFormat): Promise<void> {
  const result = await gridRows(table);
  let bytes: Uint8Array;
  if (format === 'parquet') {
    // In the browser the engine's tables are the app's own Arrow copy, so this IPC is whole.
    // Encoded by autosave's worker: a million rows took over a second of the page's thread.
    bytes = await encodeForAutosave(await ipcInSlices(result));
  } else {
    const { columns, rows } = arrowToRows(result);
    const data: ExportTable = {
      name: table.name,
      columns,
      rows: rows.map((r) => columns.map((c) => r[c.name] ?? null)),
    };
    bytes = format === 'csv' ? new TextEncoder().encode(exportCsv(data)) : exportXlsx(data);
  }
  download(bytes, exportFileName(table.name, format), TYPES[format]);
}

/** Downloads an already built table (the scorecard's) as CSV or XLSX. */
export function exportBuilt(data: ExportTable, format: 'csv' | 'xlsx', base: string): void {
  const bytes = format === 'csv' ? new TextEncoder().encode(exportCsv(data)) : exportXlsx(data);
  download(bytes, exportFileName(base, format), TYPES[format]);
}
