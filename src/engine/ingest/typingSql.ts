import { duckdb } from '../../core/sql/dialect';

const q = duckdb.quoteIdent;

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
  const t = asciiText(r);
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
