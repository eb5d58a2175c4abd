import type { Cell } from '../engine/rows';

export type OutputFormat = 'json' | 'csv' | 'table';

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function tableText(header: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map((v) => (v === null ? '' : String(v))));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (typeof rows[0]?.[i] === 'number' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

/** Rows of named cells as CSV or an aligned text table. */
export function formatRows(format: 'csv' | 'table', header: string[], rows: Cell[][]): string {
  if (format === 'csv') return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n');
  return tableText(header, rows);
}
