/**
 * Whether a column holds codes rather than quantities, judged by its name: a year, an id,
 * a postcode or a phone number is read digit by digit, so "1,957" or "5,524" would
 * mislead. Only the display changes; the values stay numbers.
 */

/** Words that make a column a code wherever they stand in its name ("Year_Birth", "ID Customer"). */
const ANYWHERE = new Set(['id', 'year', 'yr', 'شناسه', 'سال']);

/** Words that make a column a code when they end its name ("Phone Number", but not "Number of Staff"). */
const LAST = new Set([
  'ids',
  'code',
  'no',
  'nr',
  'num',
  'number',
  'zip',
  'zipcode',
  'postcode',
  'postal',
  'sku',
  'ref',
  'phone',
  'ext',
  'pin',
  'isbn',
  'ean',
  'upc',
  'کد',
  'شماره',
  'کدپستی',
]);

/** The words of a column name: split at anything but letters and digits, and where camelCase turns. */
function words(name: string): string[] {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

export function isCodeColumn(name: string): boolean {
  const w = words(name);
  const last = w.at(-1);
  return w.some((x) => ANYWHERE.has(x)) || (last !== undefined && LAST.has(last));
}
