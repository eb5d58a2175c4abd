import type { ColumnKind } from '../core/model/columnKind';

/** Where a table is in the database: its schema (PostgreSQL) or database (ClickHouse), and its name. */
export interface TablePlace {
  container: string;
  table: string;
}

/**
 * What reading tables in place (placedTables.ts) needs to know of one kind of database:
 * how to list a table's columns with their types, and how a column of each type reads as
 * one of the workbook's kinds. One per back end, beside its engine; the flow is shared.
 */
export interface TableCatalog {
  /** What the database calls what holds tables, and who reads them: for messages. */
  readonly words: { container: 'SCHEMA' | 'DATABASE'; reader: 'role' | 'user' };
  /**
   * A query giving `column_name` and `data_type` for each column of the table the reader may
   * see, in the table's order; no rows when there is no such table (or it may not be read).
   */
  columnsSql(place: TablePlace): string;
  /** The SELECT item (not yet named) reading `column`, of database type `type`, as `kind`; null when it does not fit. */
  readAs(column: string, type: string, kind: ColumnKind): string | null;
  /** The database types a kind accepts, for the message when a column has another. */
  accepts(kind: ColumnKind): string;
  /** The kind a column of this type is read as when no workbook says (eval over a table in place). */
  kindOf(type: string): ColumnKind;
}
