import { duckdb } from '../../core/sql/dialects/registry';
import type { Engine } from '../engine';
import { kindOfSqlType } from './sqlTypes';
import type { ColumnInfo } from './types';

export async function describeTable(engine: Engine, table: string): Promise<ColumnInfo[]> {
  const result = await engine.query(`DESCRIBE ${duckdb.quoteIdent(table)}`);
  return result.toArray().map((r) => {
    const sqlType = String(r.column_type);
    return { name: String(r.column_name), sqlType, kind: kindOfSqlType(sqlType) };
  });
}

export async function countRows(engine: Engine, table: string): Promise<number> {
  const result = await engine.query(`SELECT count(*) AS n FROM ${duckdb.quoteIdent(table)}`);
  return Number(result.toArray()[0].n);
}
