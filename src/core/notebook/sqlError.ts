/**
 * Where in a cell's SQL DuckDB says the error is. DuckDB ends parser and binder
 * messages with `LINE n: <the line>` and a caret under the failing character; the
 * cell's SQL sits `lineOffset` lines into what was sent (inside CREATE VIEW … AS).
 */
export interface SqlErrorPosition {
  /** 1-based line and column in the cell's own SQL. */
  line: number;
  column: number;
}

interface ParsedSqlError {
  message: string;
  at: SqlErrorPosition | null;
}

export function parseSqlError(raw: string, lineOffset = 0): ParsedSqlError {
  const m = /\n*LINE (\d+): ?(.*)\n( *)\^\s*$/.exec(raw);
  if (m === null) return { message: raw.trim(), at: null };
  const prefix = `LINE ${m[1]}: `.length;
  const shown = m[2];
  // A long line is shown as a window starting with "..."; its columns are then not the line's.
  const line = Number(m[1]) - lineOffset;
  const column = m[3].length - prefix + 1;
  const message = raw.slice(0, m.index).trim();
  if (line < 1 || shown.startsWith('...')) return { message, at: null };
  return { message, at: { line, column: Math.max(1, column) } };
}
