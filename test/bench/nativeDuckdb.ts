import { DuckDBInstance } from '@duckdb/node-api';

/** Native DuckDB (same 1.4.3 engine as the WASM build) for the ratio in every benchmark. */
export async function nativeConnection(threads: number | 'all') {
  const instance = await DuckDBInstance.create(
    ':memory:',
    threads === 'all' ? {} : { threads: String(threads) },
  );
  const conn = await instance.connect();
  return {
    async run(sql: string) {
      await conn.run(sql);
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
