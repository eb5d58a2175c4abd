import type { Dialect } from '../dialect';
import { clickhouse } from './clickhouse/clickhouseDialect';
import { duckdb } from './duckdb/duckdbDialect';
import { postgres } from './postgres/postgresDialect';

/**
 * The dialects, by name: the one module that knows the concrete ones. Adding an engine
 * means one more folder beside these and one more line here.
 */
export type DialectName = 'duckdb' | 'postgres' | 'clickhouse';

const DIALECTS: Record<DialectName, Dialect> = { duckdb, postgres, clickhouse };

export function dialectNamed(name: DialectName): Dialect {
  return DIALECTS[name];
}

/**
 * DuckDB's dialect, for code that only ever runs on DuckDB (file import, the browser's
 * workbook SQL). Core SQL builders are given the engine's dialect instead (the
 * core-is-given-its-dialect rule of .dependency-cruiser.cjs).
 */
export { duckdb };
