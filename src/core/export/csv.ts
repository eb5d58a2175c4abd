/**
 * CSV export (RFC 4180) that is safe to open in a spreadsheet. Workbook data may
 * come from a stranger, and Excel, LibreOffice and Google Sheets run a text cell
 * that starts like a formula, so such cells get a leading apostrophe, which the
 * spreadsheets show as plain text (OWASP "CSV injection").
 */
export type CsvCell = string | number | boolean | null;

interface CsvOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads non-Latin text (Persian) correctly. */
  bom?: boolean;
}

/**
 * What a spreadsheet may skip before it reads a cell: whitespace of any kind (no-break
 * and ideographic spaces, line and paragraph separators), control characters (tab, CR,
 * LF) and invisible format characters (byte-order mark, zero-width space, word joiner).
 * A trigger after such a run is still a trigger to a spreadsheet that trims or folds it.
 */
const SKIPPED_RUN = /^[\p{Z}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*/u;
/**
 * Characters that make a spreadsheet treat a cell as a formula or a command. Their
 * compatibility forms (full-width ＝, small ﹢, superscript ⁺…) fold to these under NFKC,
 * which some spreadsheets apply, so the first character is compared folded.
 */
const TRIGGERS = new Set(['=', '+', '-', '@']);
/** A tab or CR at the very start is a trigger itself (OWASP). */
const CONTROL_START = /^[\t\r]/;

/** Whether a spreadsheet could read the text as a formula or command. */
function startsLikeFormula(text: string): boolean {
  if (CONTROL_START.test(text)) return true;
  const rest = text.slice(SKIPPED_RUN.exec(text)?.[0].length ?? 0);
  const first = rest.codePointAt(0);
  return first !== undefined && TRIGGERS.has(String.fromCodePoint(first).normalize('NFKC').charAt(0));
}

const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell as it must be written so no spreadsheet runs it. */
function neutraliseText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
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
