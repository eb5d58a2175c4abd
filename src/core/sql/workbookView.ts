/**
 * The one way workbook SQL becomes something DuckDB runs: the query of a view. DuckDB's
 * grammar allows only a query there, never DDL, a setting or a second statement (the
 * engine runs the text as one prepared statement). The SQL starts on its own line and
 * ends before a newline, so a `--` comment in it ends there.
 */
export function workbookView(quotedView: string, sql: string, temporary = false): string {
  return `CREATE OR REPLACE ${temporary ? 'TEMP ' : ''}VIEW ${quotedView} AS\n${sql}\n`;
}
