import { type ExportTable, exportCsv, exportFileName, exportXlsx } from '../../core/export/exportTable';
import { arrowToRows, firstNumber } from '../../state/arrowRows';
import type { TableEntry } from '../../state/dataStore';
import { gridQueryOn } from '../../state/gridPages';
import { dataStore, encodeForAutosave } from '../appRoot';
import { download } from '../workbookFiles';
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
  const { countSql } = gridQueryOn(engine, { ...request, limit: 0 });
  const total = firstNumber(await engine.query(countSql), 'n');
  const { sql } = gridQueryOn(engine, { ...request, limit: total });
  return engine.query(sql);
}

/** Downloads a table (as the grid shows it: filtered and sorted) as CSV, XLSX or Parquet. */
export async function exportTable(table: TableEntry, format: TableFormat): Promise<void> {
  const started = performance.now();
  const result = await gridRows(table);
  // Named steps, so a long task in the export bench can be put down to one of them.
  performance.measure('export: query', { start: started });
  let bytes: Uint8Array;
  if (format === 'parquet') {
    const read = performance.now();
    // Encoded by autosave's worker, the stream handed over in chunks: the page neither joins nor copies it.
    bytes = await encodeForAutosave(result);
    performance.measure('export: encode', { start: read });
  } else {
    const { columns, rows } = arrowToRows(result);
    const data: ExportTable = {
      name: table.name,
      columns,
      rows: rows.map((r) => columns.map((c) => r[c.name] ?? null)),
    };
    bytes = format === 'csv' ? new TextEncoder().encode(exportCsv(data)) : exportXlsx(data);
  }
  const encoded = performance.now();
  download(bytes, exportFileName(table.name, format), TYPES[format]);
  performance.measure('export: download', { start: encoded });
}

/** Downloads an already built table (the scorecard's) as CSV or XLSX. */
export function exportBuilt(data: ExportTable, format: 'csv' | 'xlsx', base: string): void {
  const bytes = format === 'csv' ? new TextEncoder().encode(exportCsv(data)) : exportXlsx(data);
  download(bytes, exportFileName(base, format), TYPES[format]);
}
