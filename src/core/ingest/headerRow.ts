/** Rows looked at for the header; titles and notes above a table rarely run longer. */
const SCAN_ROWS = 20;

function filledCells(row: readonly unknown[]): number {
  return row.filter((c) => c !== null && c !== undefined && String(c).trim() !== '').length;
}

/**
 * Index of the header row in a sheet whose table may sit under a title ("Quarterly
 * report" merged over A1:D1) or a few notes: the first row with at least two filled
 * cells and at least half as many as the fullest of the first rows. A one-column
 * sheet's header is its first filled row. -1 when the sheet is empty.
 */
export function headerRowIndex(rows: readonly (readonly unknown[])[]): number {
  const counts = rows.slice(0, SCAN_ROWS).map(filledCells);
  const widest = Math.max(0, ...counts);
  if (widest === 0) return -1;
  const needed = widest === 1 ? 1 : Math.max(2, Math.ceil(widest / 2));
  return counts.findIndex((c) => c >= needed);
}
