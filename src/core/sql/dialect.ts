/**
 * The one place that turns names and values into SQL text. Everything that builds
 * SQL goes through a Dialect so user text can only ever be data (STYLE.md: the
 * Dialect seam). One dialect today: DuckDB.
 */
export interface Dialect {
  quoteIdent(name: string): string;
  /** A qualified name: each part quoted. */
  qualify(...parts: string[]): string;
  stringLiteral(value: string): string;
  numberLiteral(value: number): string;
  dateLiteral(isoDate: string): string;
  /** A DATE `years` years from the DATE `date` (Feb 29 to Feb 28 when the year has none). */
  addYears(date: string, years: number): string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const duckdb: Dialect = {
  quoteIdent(name) {
    if (name.includes('\u0000')) throw new Error('A name cannot contain a NUL character.');
    return `"${name.replaceAll('"', '""')}"`;
  },
  qualify(...parts) {
    return parts.map((p) => duckdb.quoteIdent(p)).join('.');
  },
  stringLiteral(value) {
    if (value.includes('\u0000')) throw new Error('Text cannot contain a NUL character.');
    return `'${value.replaceAll("'", "''")}'`;
  },
  numberLiteral(value) {
    if (!Number.isFinite(value)) return 'NULL';
    // DOUBLE so integer literals never force integer division.
    return `CAST(${String(value)} AS DOUBLE)`;
  },
  dateLiteral(isoDate) {
    if (!ISO_DATE.test(isoDate)) throw new Error(`Not an ISO date: ${isoDate}`);
    return `DATE '${isoDate}'`;
  },
  addYears(date, years) {
    if (!Number.isInteger(years)) throw new Error(`Not a whole number of years: ${years}`);
    return `CAST(${date} + INTERVAL (${years}) YEAR AS DATE)`;
  },
};
