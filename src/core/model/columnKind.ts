/**
 * How a column is read, independent of the SQL type a file happened to give it. The
 * one list of kinds: imported files, the canonical model, mappings, formula values,
 * notebook results and exports all speak these five.
 */
export const COLUMN_KINDS = ['number', 'text', 'boolean', 'date', 'timestamp'] as const;

export type ColumnKind = (typeof COLUMN_KINDS)[number];
