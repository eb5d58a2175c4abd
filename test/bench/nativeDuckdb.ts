import { DuckDBInstance } from '@duckdb/node-api';

/** Native DuckDB (1.4.4, next to the WASM build's 1.4.3) for the ratio in every benchmark. */
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
    async rows(sql: string) {
      return (await conn.runAndReadAll(sql)).getRowObjects();
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

export type NativeConnection = Awaited<ReturnType<typeof nativeConnection>>;
