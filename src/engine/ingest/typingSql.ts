import { CURRENCY_MARK, LEADING_MARK, TRAILING_MARK } from '../../core/ingest/currency';
import { MISSING_VALUE_WORDS } from '../../core/ingest/missingValues';
import { duckdb } from '../../core/sql/dialects/registry';

const q = duckdb.quoteIdent;
const s = duckdb.stringLiteral;

/** Every expression names its row source so a joined date mapping can never shadow a column. */
export const STAGE = '__stage';
export const ref = (col: string) => `${STAGE}.${q(col)}`;

/** A column's text made ASCII: Persian and Arabic-Indic digits and separators. */
export function asciiText(r: string): string {
  return `translate(trim(${r}), '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫٬', '01234567890123456789.,')`;
}

/**
 * Text to DOUBLE: thousands separators only in groups of three (so "3,5" is never 35),
 * decimal comma on request, and "12,5%" read as 0.125.
 */
export function numberExpr(r: string, decimalComma: boolean): string {
  return numberFromText(asciiText(r), decimalComma);
}

function numberFromText(t: string, decimalComma: boolean): string {
  const body = `regexp_replace(${t}, '\\s*%$', '')`;
  const grouped = decimalComma
    ? `CASE WHEN regexp_full_match(${body}, '[+-]?\\d{1,3}(\\.\\d{3})+(,\\d*)?') THEN replace(${body}, '.', '') ELSE ${body} END`
    : `CASE WHEN regexp_full_match(${body}, '[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?') THEN replace(${body}, ',', '') ELSE ${body} END`;
  const normal = decimalComma ? `replace(${grouped}, ',', '.')` : grouped;
  return `(TRY_CAST(${normal} AS DOUBLE) * CASE WHEN ends_with(${t}, '%') THEN 0.01 ELSE 1 END)`;
}

// COALESCE tries the plain cast first and only cleans the text of rows it failed on.
export const dateExpr = (r: string) => `COALESCE(TRY_CAST(${r} AS DATE), TRY_CAST(${asciiText(r)} AS DATE))`;
export const timestampExpr = (r: string) =>
  `COALESCE(TRY_CAST(${r} AS TIMESTAMP), TRY_CAST(${asciiText(r)} AS TIMESTAMP))`;
export const booleanExpr = (r: string) => `TRY_CAST(lower(trim(${r})) AS BOOLEAN)`;

export const nonBlank = (r: string) => `nullif(trim(${r}), '') IS NOT NULL`;

/** A missing-value word (NA, NULL, -; see core/ingest/missingValues): a blank in a typed column. */
export const missingWord = (r: string) => `(trim(${r}) IN (${MISSING_VALUE_WORDS.map(s).join(', ')}))`;

/** Neither blank nor a missing-value word: the values a column's type is decided on. */
export const present = (r: string) => `(${nonBlank(r)} AND NOT ${missingWord(r)})`;

/** The currency mark written before or after an amount; NULL when there is none. */
export function currencyMarkExpr(r: string): string {
  const t = asciiText(r);
  return (
    `COALESCE(nullif(regexp_extract(${t}, ${s(`^[(]?[-+]?\\s*(${CURRENCY_MARK})`)}, 1), ''), ` +
    `nullif(regexp_extract(${t}, ${s(`(${CURRENCY_MARK})\\s*[)]?$`)}, 1), ''))`
  );
}

/**
 * An amount as accounting exports write it, to DOUBLE: a currency mark before or after
 * it (`$40,000`, `1,200 USD`, `۱۲٬۰۰۰ ریال`) and parentheses for a negative
 * (`(1,234.50)`), the rest read as `numberExpr` reads it.
 */
export function moneyExpr(r: string, decimalComma: boolean): string {
  const bare = `regexp_replace(regexp_replace(${asciiText(r)}, ${s(LEADING_MARK)}, '\\1'), ${s(TRAILING_MARK)}, '\\1')`;
  const signed = `(CASE WHEN regexp_full_match(${bare}, '[(].*[)]') THEN '-' || trim(substr(${bare}, 2, length(${bare}) - 2)) ELSE ${bare} END)`;
  return numberFromText(signed, decimalComma);
}
