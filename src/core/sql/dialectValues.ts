/**
 * Checks every dialect makes before writing a name or value into SQL, and the
 * standard quoting that DuckDB and PostgreSQL share. Refusing a NUL keeps a C-string
 * engine from seeing a shorter name or text than the one checked.
 */
export function refuseNul(text: string, what: 'name' | 'text'): void {
  if (text.includes('\u0000'))
    throw new Error(
      what === 'name' ? 'A name cannot contain a NUL character.' : 'Text cannot contain a NUL character.',
    );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The ISO date itself, once checked: nothing but digits and dashes reaches the SQL. */
export function checkedIsoDate(isoDate: string): string {
  if (!ISO_DATE.test(isoDate)) throw new Error(`Not an ISO date: ${isoDate}`);
  return isoDate;
}

export function checkedWholeYears(years: number): number {
  if (!Number.isInteger(years)) throw new Error(`Not a whole number of years: ${years}`);
  return years;
}

/** A finite number's SQL spelling, or null for NaN and infinities. */
export function finiteNumber(value: number): string | null {
  return Number.isFinite(value) ? String(value) : null;
}

/** SQL-standard double-quoted identifier: a quote is doubled, nothing else is special. */
export function standardIdent(name: string): string {
  refuseNul(name, 'name');
  return `"${name.replaceAll('"', '""')}"`;
}

/** SQL-standard string literal: a quote is doubled, nothing else is special. */
export function standardString(value: string): string {
  refuseNul(value, 'text');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A count of rows to generate: a whole number, at least 0. */
export function checkedCount(count: number): number {
  if (!Number.isInteger(count) || count < 0) throw new Error(`Not a count of rows: ${count}`);
  return count;
}

/** Days from `from` to `to` (ISO dates), for sizing a day series. */
export function daysSpanned(from: string, to: string): number {
  const ms = Date.parse(`${checkedIsoDate(to)}T00:00:00Z`) - Date.parse(`${checkedIsoDate(from)}T00:00:00Z`);
  const days = Math.round(ms / 86_400_000);
  if (!Number.isFinite(days) || days < 0) throw new Error(`Bad date range ${from}..${to}`);
  return days;
}
