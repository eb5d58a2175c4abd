import type { SourceFile } from '../state/dataStore';

export const ACCEPTED_FILES = '.csv,.tsv,.txt,.parquet,.json,.ndjson,.jsonl,.xlsx,.shakhes';

/** Browser File objects as the store's lazily read sources. */
export function toSourceFiles(files: Iterable<File>): SourceFile[] {
  return Array.from(files, (f) => ({
    name: f.name,
    size: f.size,
    read: async () => new Uint8Array(await f.arrayBuffer()),
    blob: f,
  }));
}
