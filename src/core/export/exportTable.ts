import type { ColumnKind } from '../model/columnKind';
import { type CsvCell, toCsv } from './csv';
import { writeXlsx, type XlsxCell } from './xlsx';

/**
 * A grid's contents as exported: named, typed columns and plain rows. Dates and
 * times are epoch milliseconds (UTC), the form the engine boundary hands them over
 * in, so each file format can write them its own way: ISO text in CSV, real dates
 * in XLSX.
 */
export type ExportValue = string | number | boolean | null;

export interface ExportColumn {
  name: string;
  kind: ColumnKind;
}

export interface ExportTable {
  /** Becomes the sheet name and the start of the file name. */
  name: string;
  columns: readonly ExportColumn[];
  rows: readonly (readonly ExportValue[])[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(ms: number, time: boolean): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return time ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : date;
}

const isTime = (kind: ColumnKind) => kind === 'date' || kind === 'timestamp';

/** The table as CSV text, formula-like text neutralised (see csv.ts). */
export function exportCsv(table: ExportTable, options: { bom?: boolean } = { bom: true }): string {
  const kinds = table.columns.map((c) => c.kind);
  const rows = table.rows.map((r) =>
    r.map((v, i): CsvCell => {
      if (v !== null && typeof v === 'number' && isTime(kinds[i])) return isoOf(v, kinds[i] === 'timestamp');
      return v;
    }),
  );
  return toCsv(
    table.columns.map((c) => c.name),
    rows,
    options,
  );
}

/** The table as one .xlsx sheet: numbers as numbers, dates as dates, text always text. */
export function exportXlsx(table: ExportTable): Uint8Array {
  const kinds = table.columns.map((c) => c.kind);
  const rows = table.rows.map((r) =>
    r.map((v, i): XlsxCell => {
      if (v !== null && typeof v === 'number' && isTime(kinds[i]))
        return { date: v, time: kinds[i] === 'timestamp' };
      return v;
    }),
  );
  return writeXlsx([{ name: table.name, header: table.columns.map((c) => c.name), rows }]);
}

/** A download name from a table or workbook name: any script's letters kept, path characters never. */
export function exportFileName(base: string, extension: string): string {
  const printable = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20).join('');
  const clean =
    printable
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .trim()
      .slice(0, 80) || 'export';
  return `${clean}.${extension}`;
}
