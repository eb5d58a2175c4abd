import { type Table, tableFromArrays } from 'apache-arrow';
import type { Engine } from '../../src/engine/engine';

/**
 * An engine with no database: it records each query in order and answers with `answer`
 * (one row of one column by default). It has no files and no Parquet codec.
 */
export function recordingEngine(
  answer: (sql: string) => Table | Promise<Table> = () => tableFromArrays({ n: [0] }),
): Engine & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async query(sql) {
      queries.push(sql);
      return answer(sql);
    },
    async cancel() {},
    async tokenize() {
      return { offsets: [], types: [] };
    },
    async registerFile() {},
    async dropFile() {},
    async insertArrowIPC() {},
    async loadParquet() {
      throw new Error('no Parquet in this fake');
    },
    async close() {},
  };
}
