import type { WorkbookDocument } from '../core/model/documentSchema';

/** What autosave keeps: the document and each dataset's table as Parquet bytes. */
export interface AutosaveRecord {
  doc: WorkbookDocument;
  tables: Map<string, Uint8Array>;
  fileName: string | null;
  savedAt: string;
  /** Each kept table's contents token (DataState.dataIds), so results cached for it stay valid. */
  dataIds?: Record<string, string>;
  /** The scorecard's last results, shown at once on the next start (checked before use). */
  results?: unknown;
}

export interface AutosaveStorage {
  read(): Promise<AutosaveRecord | null>;
  write(record: AutosaveRecord): Promise<void>;
  clear(): Promise<void>;
}

const STORE = 'autosave';
const KEY = 'current';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
}

function openDb(name: string): Promise<IDBDatabase> {
  const r = indexedDB.open(name, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE);
  return request(r);
}

/**
 * The browser's IndexedDB: it survives reloads and closed tabs, holds binary data,
 * and never leaves the machine. One record, replaced on every save.
 */
export function indexedDbStorage(name = 'shakhes'): AutosaveStorage {
  let db: Promise<IDBDatabase> | undefined;
  const store = async (mode: IDBTransactionMode) => {
    db ??= openDb(name);
    return (await db).transaction(STORE, mode).objectStore(STORE);
  };
  return {
    async read() {
      const value = (await request((await store('readonly')).get(KEY))) as AutosaveRecord | undefined;
      return value ?? null;
    },
    async write(record) {
      await request((await store('readwrite')).put(record, KEY));
    },
    async clear() {
      await request((await store('readwrite')).delete(KEY));
    },
  };
}
