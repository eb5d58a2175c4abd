/**
 * CSV export (RFC 4180) that is safe to open in a spreadsheet. Workbook data may
 * come from a stranger, and Excel, LibreOffice and Google Sheets run a text cell
 * that starts like a formula, so such cells get a leading apostrophe, which the
 * spreadsheets show as plain text (OWASP "CSV injection").
 */
export type CsvCell = string | number | boolean | null;

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads non-Latin text (Persian) correctly. */
  bom?: boolean;
}

/**
 * Characters that make a spreadsheet treat a cell as a formula or a command, with
 * their full-width forms, which some spreadsheets fold to the ASCII ones; spaces in
 * front do not stop a spreadsheet that trims.
 */
const FORMULA_START = /^[ ]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell as it must be written so no spreadsheet runs it. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(cell: CsvCell): string {
  if (cell === null) return '';
  // Numbers are data, not text: -5 stays a number the spreadsheet can sum.
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const text = neutraliseText(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The header and rows as one CSV text, lines ending in CRLF as RFC 4180 says. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const lines = [header, ...rows].map((r) => r.map(field).join(','));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
