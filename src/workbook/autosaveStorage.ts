import {
  type ClosedWorkbook,
  type KeptDocument,
  type KeptTable,
  legacyRecord,
  type TableWrite,
} from './autosaveRecords';

export type { ClosedWorkbook, KeptDocument, KeptTable, TableWrite } from './autosaveRecords';

export interface AutosaveStorage {
  readDocument(): Promise<KeptDocument | null>;
  /** Writes the document with the given tables in one transaction: all of it or none. */
  writeDocument(kept: KeptDocument, tables?: readonly TableWrite[]): Promise<void>;
  readTable(table: string, dataId: string): Promise<KeptTable | null>;
  hasTable(table: string, dataId: string): Promise<boolean>;
  /** The scorecard's last results, apart from the document so an edit does not rewrite them. */
  readResults(): Promise<unknown>;
  writeResults(results: unknown): Promise<void>;
  /** Deletes the table records neither the document nor a recently closed workbook names. */
  prune(): Promise<void>;
  listClosed(): Promise<ClosedWorkbook[]>;
  /** Adds one at the front, dropping the oldest past `limit`. */
  addClosed(entry: ClosedWorkbook, limit: number): Promise<void>;
  removeClosed(id: string): Promise<void>;
  emptyClosed(): Promise<void>;
}

const DOC = 'document';
const TABLES = 'tables';
const CLOSED = 'closed';
/** Version 1 kept everything in one record; read once, then replaced. */
const LEGACY = 'autosave';
const CURRENT = 'current';
const RESULTS = 'results';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error ?? new DOMException('The write was aborted.', 'AbortError'));
  });
}

function openDb(name: string): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined')
    return Promise.reject(new DOMException('This browser offers no IndexedDB.', 'InvalidStateError'));
  const r = indexedDB.open(name, 2);
  r.onupgradeneeded = () => {
    const db = r.result;
    for (const store of [DOC, TABLES, CLOSED, LEGACY])
      if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
  };
  return request(r);
}

const tableKey = (table: string, dataId: string) => [table, dataId];

/** Every table record a kept document names, as "table\0dataId". */
function namedBy(kept: KeptDocument | undefined, into: Set<string>): void {
  for (const [table, id] of Object.entries(kept?.tables ?? {})) into.add(`${table}\0${id}`);
}

/**
 * The browser's IndexedDB: it survives reloads, closed tabs and a killed browser,
 * holds binary data, and never leaves the machine. The document is one small record
 * written on every change; each table is a record of its own, written when its
 * contents change. Writes are durable ("strict") so a killed browser keeps them, and
 * committed as soon as they are asked for, so a reload right after does not abort them.
 */
export function indexedDbStorage(name = 'shakhes'): AutosaveStorage {
  // Opened at once, so the first edit after the page loads finds it ready.
  let opening = openDb(name);
  opening.catch(() => undefined);
  let db: IDBDatabase | undefined;
  // Transactions start in the order they are asked for once the database is open, so
  // a later document write never lands before an earlier one.
  const tx = async (stores: string[], mode: IDBTransactionMode) => {
    if (!db) {
      try {
        db = await opening;
      } catch (e) {
        // Tried again on the next write: storage may come back (space freed).
        opening = openDb(name);
        opening.catch(() => undefined);
        throw e;
      }
    }
    return db.transaction(stores, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
  };
  const get = async <T>(store: string, key: IDBValidKey): Promise<T | undefined> =>
    (await request((await tx([store], 'readonly')).objectStore(store).get(key))) as T | undefined;
  const closedList = async (): Promise<ClosedWorkbook[]> =>
    (await get<ClosedWorkbook[]>(CLOSED, CURRENT)) ?? [];
  const putClosed = async (update: (list: ClosedWorkbook[]) => ClosedWorkbook[]) => {
    const t = await tx([CLOSED], 'readwrite');
    const store = t.objectStore(CLOSED);
    const list = ((await request(store.get(CURRENT))) as ClosedWorkbook[] | undefined) ?? [];
    store.put(update(list), CURRENT);
    await done(t);
  };

  return {
    async readDocument() {
      const kept = await get<KeptDocument>(DOC, CURRENT);
      if (kept) return kept;
      return legacyRecord(await get(LEGACY, CURRENT))?.kept ?? null;
    },
    async writeDocument(kept, tables = []) {
      const t = await tx([DOC, TABLES, LEGACY], 'readwrite');
      for (const w of tables) t.objectStore(TABLES).put(w.record, tableKey(w.table, w.dataId));
      t.objectStore(DOC).put(kept, CURRENT);
      t.objectStore(LEGACY).delete(CURRENT);
      // Committed now, not once this page has handled every put's result: a page that is
      // busy, then reloaded, would otherwise have the write aborted under it.
      t.commit();
      await done(t);
    },
    async readTable(table, dataId) {
      const record = await get<KeptTable>(TABLES, tableKey(table, dataId));
      if (record) return record;
      // A legacy record's tables are read from it until the first write replaces it.
      return legacyRecord(await get(LEGACY, CURRENT))?.tables.get(`${table}\0${dataId}`) ?? null;
    },
    async hasTable(table, dataId) {
      const t = await tx([TABLES], 'readonly');
      return (await request(t.objectStore(TABLES).count(tableKey(table, dataId)))) > 0;
    },
    async readResults() {
      return get(DOC, RESULTS);
    },
    async writeResults(results) {
      const t = await tx([DOC], 'readwrite');
      t.objectStore(DOC).put(results, RESULTS);
      t.commit();
      await done(t);
    },
    async prune() {
      const t = await tx([DOC, TABLES, CLOSED], 'readwrite');
      const named = new Set<string>();
      namedBy((await request(t.objectStore(DOC).get(CURRENT))) as KeptDocument | undefined, named);
      const closed =
        ((await request(t.objectStore(CLOSED).get(CURRENT))) as ClosedWorkbook[] | undefined) ?? [];
      for (const c of closed) namedBy(c.kept, named);
      const store = t.objectStore(TABLES);
      for (const key of await request(store.getAllKeys())) {
        const [table, id] = key as [string, string];
        if (!named.has(`${table}\0${id}`)) store.delete(key);
      }
      await done(t);
    },
    listClosed: closedList,
    addClosed(entry, limit) {
      return putClosed((list) => [entry, ...list.filter((c) => c.id !== entry.id)].slice(0, limit));
    },
    removeClosed(id) {
      return putClosed((list) => list.filter((c) => c.id !== id));
    },
    emptyClosed() {
      return putClosed(() => []);
    },
  };
}
