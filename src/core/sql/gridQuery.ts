import type { Dialect } from './dialect';
import { persianSortKey } from './persianText';

/**
 * SQL for one page of a table shown in a grid. Sorting and filtering happen in the
 * engine, never in the browser's memory, so a table of any size pages the same way.
 * The filter shapes mirror AG Grid's simple filter model, redeclared here so core
 * stays free of UI packages.
 */

type TextFilterType =
  | 'equals'
  | 'notEqual'
  | 'contains'
  | 'notContains'
  | 'startsWith'
  | 'endsWith'
  | 'blank'
  | 'notBlank';

type NumberFilterType =
  | 'equals'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanOrEqual'
  | 'greaterThan'
  | 'greaterThanOrEqual'
  | 'inRange'
  | 'blank'
  | 'notBlank';

interface TextCondition {
  filterType: 'text';
  type: TextFilterType;
  filter?: string | null;
}

interface NumberCondition {
  filterType: 'number';
  type: NumberFilterType;
  filter?: number | null;
  filterTo?: number | null;
}

interface DateCondition {
  filterType: 'date';
  type: NumberFilterType;
  /** AG Grid sends 'YYYY-MM-DD hh:mm:ss'; only the date part is used. */
  dateFrom?: string | null;
  dateTo?: string | null;
}

type GridCondition = TextCondition | NumberCondition | DateCondition;

interface CombinedCondition {
  filterType: GridCondition['filterType'];
  operator: 'AND' | 'OR';
  conditions: GridCondition[];
}

export type ColumnFilter = GridCondition | CombinedCondition;

export type GridFilterModel = Record<string, ColumnFilter>;

export interface GridSort {
  column: string;
  direction: 'asc' | 'desc';
}

export interface GridPageRequest {
  table: string;
  /** Columns shown, in order. Filters and sorts on other names are refused. */
  columns: string[];
  sort?: GridSort[];
  filter?: GridFilterModel;
  /** Text columns: sorted by a Persian-aware key rather than by bytes. */
  textColumns?: string[];
  offset: number;
  limit: number;
  /**
   * The table's rowids are 0..n-1, as they are until a row is deleted (`denseRowidsSql`
   * tells). An unsorted, unfiltered page is then read as a rowid range, which DuckDB
   * answers from the row groups that hold it instead of reading past `offset` rows: deep
   * pages of a big table cost what the first one does.
   */
  denseRowids?: boolean;
}

export interface GridQuery {
  /** One page of rows. */
  sql: string;
  /** The number of rows matching the filter, as a column named `n`. */
  countSql: string;
}

export function buildGridQuery(req: GridPageRequest, d: Dialect): GridQuery {
  const known = new Set(req.columns);
  const from = `FROM ${d.quoteIdent(req.table)}`;
  const where = whereClause(req.filter ?? {}, known, d);
  const select = req.columns.length === 0 ? '*' : req.columns.map((c) => d.quoteIdent(c)).join(', ');
  const order = orderClause(req.sort ?? [], known, d, new Set(req.textColumns ?? []));
  const limit = Math.max(0, Math.floor(req.limit));
  const offset = Math.max(0, Math.floor(req.offset));
  const countSql = `SELECT count(*) AS n ${from}${where}`;
  if (req.denseRowids && where === '' && order === '' && rowidIsDuckdbs(req.columns)) {
    // Insertion order is rowid order, so this is the same page LIMIT/OFFSET would give.
    const sql = `SELECT ${select} ${from} WHERE rowid >= ${offset} AND rowid < ${offset + limit} ORDER BY rowid`;
    return { sql, countSql };
  }
  const sql = `SELECT ${select} ${from}${where}${order} LIMIT ${limit} OFFSET ${offset}`;
  return { sql, countSql };
}

/** What a grid shows of a table: the rows its sort and filters make, in their order. */
type GridView = Pick<GridPageRequest, 'table' | 'columns' | 'sort' | 'filter' | 'textColumns'>;

/**
 * A sorted or filtered view's row positions, built once into the temporary table `name`:
 * each matching row's rowid `r` and its place `pos` (0-based) in the view's order. A page
 * is then a range of positions (`positionsPageSql`), so a page at the end costs what the
 * first does instead of sorting every row per page as LIMIT/OFFSET does. Null when the view
 * needs none (unsorted and unfiltered) or rowid is hidden by a column of that name.
 */
export function buildPositionsSql(view: GridView, name: string, d: Dialect): string | null {
  const known = new Set(view.columns);
  const where = whereClause(view.filter ?? {}, known, d);
  const order = orderClause(view.sort ?? [], known, d, new Set(view.textColumns ?? []));
  if ((where === '' && order === '') || !rowidIsDuckdbs(view.columns)) return null;
  // A filter alone keeps insertion order, which is rowid order: the order its OFFSET pages had.
  const over = order === '' ? ' ORDER BY rowid' : order;
  // Stored in position order, so a range of positions is read from the few blocks that hold it.
  return `CREATE TEMP TABLE ${d.quoteIdent(name)} AS SELECT rowid AS r, row_number() OVER (${over.trim()}) - 1 AS pos FROM ${d.quoteIdent(view.table)}${where} ORDER BY pos`;
}

/** One page of a view whose positions `buildPositionsSql` put in `name`: the same rows LIMIT/OFFSET gives. */
export function positionsPageSql(
  view: Pick<GridView, 'table' | 'columns'>,
  name: string,
  offset: number,
  limit: number,
  d: Dialect,
): string {
  const first = Math.max(0, Math.floor(offset));
  const last = first + Math.max(0, Math.floor(limit)) - 1;
  // Qualified, so a column named like the positions' own (r, pos) still means the table's.
  const select = view.columns.map((c) => `t.${d.quoteIdent(c)}`).join(', ');
  return `SELECT ${select} FROM ${positionsTable(name, d)} p JOIN ${d.quoteIdent(view.table)} t ON t.rowid = p.r WHERE p.pos BETWEEN ${first} AND ${last} ORDER BY p.pos`;
}

export function dropPositionsSql(name: string, d: Dialect): string {
  return `DROP TABLE IF EXISTS ${positionsTable(name, d)}`;
}

/** Temporary tables live in their own catalogue: named in full, a user's table of that name is never meant. */
function positionsTable(name: string, d: Dialect): string {
  return `temp.main.${d.quoteIdent(name)}`;
}

/**
 * Whether `table`'s rowids run 0..n-1, as a column named `dense`. Rowids are unique and
 * never negative, so n of them with the largest n-1 are exactly 0..n-1.
 */
export function denseRowidsSql(table: string, d: Dialect): string {
  return `SELECT count(*) = coalesce(max(rowid) + 1, 0) AS dense FROM ${d.quoteIdent(table)}`;
}

/**
 * Whether `rowid` names DuckDB's row id: a column of that name, in any case, hides it,
 * and without the column list there is no telling.
 */
function rowidIsDuckdbs(columns: string[]): boolean {
  return columns.length > 0 && columns.every((c) => c.toLowerCase() !== 'rowid');
}

function orderClause(sort: GridSort[], known: Set<string>, d: Dialect, text: Set<string>): string {
  const parts = sort
    .filter((s) => known.has(s.column))
    .map((s) => {
      const col = d.quoteIdent(s.column);
      const key = text.has(s.column) ? textSortKey(col, d) : col;
      return `${key} ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`;
    });
  // Unsorted pages rely on DuckDB keeping insertion order (its default), which avoids a
  // full sort per page on big tables. A sort gets rowid as tie-breaker so equal keys
  // never swap places between pages.
  if (parts.length === 0) return '';
  parts.push('rowid');
  return ` ORDER BY ${parts.join(', ')}`;
}

/**
 * The Persian-aware key, computed only for text that is not all ASCII: the key maps only
 * non-ASCII letters, so ASCII text is its own key, and computing it cost seconds per
 * million rows. Byte length equals character count exactly when every character is ASCII.
 */
function textSortKey(col: string, d: Dialect): string {
  return `CASE WHEN strlen(${col}) = length(${col}) THEN ${col} ELSE ${persianSortKey(col, d)} END`;
}

function whereClause(model: GridFilterModel, known: Set<string>, d: Dialect): string {
  const parts: string[] = [];
  for (const [column, filter] of Object.entries(model)) {
    if (!known.has(column)) continue;
    const sql = columnFilterSql(d.quoteIdent(column), filter, d);
    if (sql) parts.push(sql);
  }
  return parts.length === 0 ? '' : ` WHERE ${parts.join(' AND ')}`;
}

function columnFilterSql(col: string, filter: ColumnFilter, d: Dialect): string | null {
  if ('conditions' in filter) {
    const parts = filter.conditions.map((c) => conditionSql(col, c, d)).filter((s): s is string => !!s);
    if (parts.length === 0) return null;
    return `(${parts.join(filter.operator === 'OR' ? ' OR ' : ' AND ')})`;
  }
  return conditionSql(col, filter, d);
}

function conditionSql(col: string, c: GridCondition, d: Dialect): string | null {
  if (c.type === 'blank') return blankSql(col, c.filterType);
  if (c.type === 'notBlank') return `NOT ${blankSql(col, c.filterType)}`;
  switch (c.filterType) {
    case 'text':
      return textSql(col, c, d);
    case 'number':
      return comparisonSql(col, c.type, numberOrNull(c.filter), numberOrNull(c.filterTo), d.numberLiteral);
    case 'date':
      return comparisonSql(col, c.type, isoDateOrNull(c.dateFrom), isoDateOrNull(c.dateTo), d.dateLiteral);
  }
}

function blankSql(col: string, kind: GridCondition['filterType']): string {
  // Text blanks include empty and whitespace-only strings: that is what a user means by blank.
  return kind === 'text' ? `(${col} IS NULL OR trim(CAST(${col} AS VARCHAR)) = '')` : `(${col} IS NULL)`;
}

function textSql(col: string, c: TextCondition, d: Dialect): string | null {
  if (c.filter == null || c.filter === '') return null;
  const needle = c.filter.toLowerCase();
  const hay = `lower(CAST(${col} AS VARCHAR))`;
  const lit = d.stringLiteral(needle);
  switch (c.type) {
    case 'equals':
      return `${hay} = ${lit}`;
    case 'notEqual':
      return `(${col} IS NULL OR ${hay} <> ${lit})`;
    case 'contains':
      return `contains(${hay}, ${lit})`;
    case 'notContains':
      return `(${col} IS NULL OR NOT contains(${hay}, ${lit}))`;
    case 'startsWith':
      return `starts_with(${hay}, ${lit})`;
    case 'endsWith':
      return `suffix(${hay}, ${lit})`;
    default:
      return null;
  }
}

function comparisonSql<T>(
  col: string,
  type: NumberFilterType,
  from: T | null,
  to: T | null,
  literal: (v: T) => string,
): string | null {
  if (from === null) return null;
  const a = literal(from);
  switch (type) {
    case 'equals':
      return `${col} = ${a}`;
    case 'notEqual':
      return `(${col} IS NULL OR ${col} <> ${a})`;
    case 'lessThan':
      return `${col} < ${a}`;
    case 'lessThanOrEqual':
      return `${col} <= ${a}`;
    case 'greaterThan':
      return `${col} > ${a}`;
    case 'greaterThanOrEqual':
      return `${col} >= ${a}`;
    case 'inRange':
      return to === null ? `${col} >= ${a}` : `${col} BETWEEN ${a} AND ${literal(to)}`;
    default:
      return null;
  }
}

function numberOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function isoDateOrNull(v: string | null | undefined): string | null {
  const m = v ? /^(\d{4}-\d{2}-\d{2})/.exec(v) : null;
  return m ? m[1] : null;
}
