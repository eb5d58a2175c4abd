/**
 * Words that exports write for "no value": R's NA, Excel's #N/A, SQL dumps' NULL, and
 * the dash people type in a cell they mean to leave empty. In a column that is
 * otherwise numbers or dates they are blanks, not values that failed to read. Matched
 * as written (after trimming), so a stray "n/a" someone typed is still reported.
 */
export const MISSING_VALUE_WORDS: readonly string[] = [
  'NA',
  'N/A',
  '#N/A',
  'null',
  'NULL',
  'Null',
  '-',
  '—',
  '–',
];

const MISSING = new Set(MISSING_VALUE_WORDS);

export function isMissingValueWord(text: string): boolean {
  return MISSING.has(text.trim());
}
