import type { Cell, GeneratedTable } from './table.ts';

/** RFC 4180: quote a field only when it holds a quote, comma or line break. */
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'string') {
    return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  }
  return String(value);
}

export function csvLine(cells: readonly Cell[]): string {
  let line = field(cells[0]);
  for (let i = 1; i < cells.length; i++) line += `,${field(cells[i])}`;
  return `${line}\r\n`;
}

/**
 * The table as CSV text in pieces of about `chunkChars`, header first, CRLF line
 * ends as RFC 4180 asks. Writers stream these; tests join them.
 */
export function* csvChunks(table: GeneratedTable, chunkChars = 1 << 20): Generator<string> {
  let chunk = csvLine(table.columns);
  for (const row of table.rows()) {
    chunk += csvLine(row);
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

export function toCsv(table: GeneratedTable): string {
  return [...csvChunks(table)].join('');
}
