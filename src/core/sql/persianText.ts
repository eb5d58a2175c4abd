import type { Dialect } from './dialect';

/**
 * SQL that orders and normalises Persian text without ICU (which this build cannot load).
 * Byte order puts پ چ ژ گ after every Arabic letter and ي/ك apart from ی/ک; a sort key
 * maps each letter of the Persian alphabet onto consecutive private-use code points, the
 * Arabic forms onto their Persian twins, so ORDER BY reads as a Persian dictionary does.
 */

/** The Persian alphabet in dictionary order; each string holds the forms that sort as one letter. */
const ALPHABET = [
  'آ',
  'اأإ',
  'ب',
  'پ',
  'ت',
  'ث',
  'ج',
  'چ',
  'ح',
  'خ',
  'د',
  'ذ',
  'ر',
  'ز',
  'ژ',
  'س',
  'ش',
  'ص',
  'ض',
  'ط',
  'ظ',
  'ع',
  'غ',
  'ف',
  'ق',
  'کك',
  'گ',
  'ل',
  'م',
  'ن',
  'وؤ',
  'هة',
  'یيئى',
] as const;

const FIRST_KEY = 0xe000;

const FROM = ALPHABET.join('');
const TO = ALPHABET.map((forms, i) => String.fromCodePoint(FIRST_KEY + i).repeat(forms.length)).join('');

/** An ORDER BY key for a text expression: Persian dictionary order, Arabic ي/ك with ی/ک. */
export function persianSortKey(expr: string, d: Dialect): string {
  return `translate(${expr}, ${d.stringLiteral(FROM)}, ${d.stringLiteral(TO)})`;
}

/** The Arabic yeh and kaf of Windows-1256 exports as the Persian letters, in SQL. */
function normalizePersianLettersSql(expr: string, d: Dialect): string {
  return `replace(replace(${expr}, ${d.stringLiteral('ي')}, ${d.stringLiteral('ی')}), ${d.stringLiteral('ك')}, ${d.stringLiteral('ک')})`;
}

/** `UPDATE` statements that normalise the letters of text columns in place (the import option). */
export function normalizeLettersUpdate(
  table: string,
  textColumns: readonly string[],
  d: Dialect,
): string | null {
  if (textColumns.length === 0) return null;
  const sets = textColumns.map(
    (c) => `${d.quoteIdent(c)} = ${normalizePersianLettersSql(d.quoteIdent(c), d)}`,
  );
  return `UPDATE ${d.quoteIdent(table)} SET ${sets.join(', ')}`;
}
