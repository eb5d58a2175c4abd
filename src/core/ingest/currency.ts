/**
 * Currency marks that exports write next to amounts: any Unicode currency sign ($ € £
 * ¥ ﷼ …), `US$`, the ISO codes of the currencies CRM data is most often in, and the
 * Persian words for rial and toman. One pattern serves JavaScript (with the `u` flag)
 * and DuckDB's RE2, so the app and the engine read the same amounts.
 */
const CODES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'INR',
  'IRR',
  'IRT',
  'AED',
  'SAR',
  'TRY',
  'RUB',
  'CAD',
  'AUD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'BRL',
  'MXN',
  'KRW',
  'ZAR',
  'NZD',
  'SGD',
  'HKD',
];
const WORDS = ['ریال', 'ريال', 'تومان'];

/**
 * One currency mark; a non-capturing group, so callers may wrap it in their own. A code
 * must end at a word boundary, so `USDT` is no dollar (RE2 has no lookahead to say more).
 */
export const CURRENCY_MARK = `(?:US\\$|\\p{Sc}|(?:${CODES.join('|')})\\b|${WORDS.join('|')})`;

/** A mark before the amount (after an opening parenthesis or a sign), keeping what came before it. */
export const LEADING_MARK = `^([(]?[-+]?)\\s*${CURRENCY_MARK}\\s*`;
/** A mark after the amount (before a closing parenthesis), keeping what came after it. */
export const TRAILING_MARK = `\\s*${CURRENCY_MARK}(\\s*[)]?)$`;

const LEADING = new RegExp(LEADING_MARK, 'u');
const TRAILING = new RegExp(TRAILING_MARK, 'u');
const MARK_AT_START = new RegExp(`^[(]?[-+]?\\s*(${CURRENCY_MARK})`, 'u');
const MARK_AT_END = new RegExp(`(${CURRENCY_MARK})\\s*[)]?$`, 'u');

/** The currency mark written before or after an amount, or null. */
export function currencyMarkOf(text: string): string | null {
  const t = text.trim();
  return MARK_AT_START.exec(t)?.[1] ?? MARK_AT_END.exec(t)?.[1] ?? null;
}

/** The amount without its currency mark: `$40,000` → `40,000`, `(€1.234,50)` → `(1.234,50)`. */
export function withoutCurrencyMark(text: string): string {
  return text.trim().replace(LEADING, '$1').replace(TRAILING, '$1');
}
