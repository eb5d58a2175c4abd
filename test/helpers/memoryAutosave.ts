import type {
  AutosaveStorage,
  ClosedWorkbook,
  KeptDocument,
  KeptTable,
  TableWrite,
} from '../../src/workbook/autosaveStorage';

/**
 * An AutosaveStorage in memory with IndexedDB's ordering: each write is applied when
 * it is asked for and confirmed a moment later. It records every write, and every
 * document that named a table record not written before or with it.
 */
export function memoryAutosave() {
  let doc: KeptDocument | null = null;
  let results: unknown;
  let closed: ClosedWorkbook[] = [];
  const tables = new Map<string, KeptTable>();
  const key = (table: string, id: string) => `${table}\0${id}`;
  const log = {
    docs: [] as KeptDocument[],
    tables: [] as { table: string; dataId: string; kind: KeptTable['kind'] }[],
    dangling: [] as string[],
  };
  /** Set to make the next writes fail with this error (a full disk, a private window). */
  const fault: { error: Error | null } = { error: null };
  const settle = async <T>(apply: () => T): Promise<T> => {
    if (fault.error) {
      const e = fault.error;
      await Promise.resolve();
      throw e;
    }
    const value = apply();
    await Promise.resolve();
    return value;
  };

  const storage: AutosaveStorage = {
    readDocument: async () => structuredClone(doc),
    writeDocument: (kept: KeptDocument, written: readonly TableWrite[] = []) =>
      settle(() => {
        for (const w of written) {
          tables.set(key(w.table, w.dataId), structuredClone(w.record));
          log.tables.push({ table: w.table, dataId: w.dataId, kind: w.record.kind });
        }
        for (const [t, id] of Object.entries(kept.tables)) if (!tables.has(key(t, id))) log.dangling.push(t);
        doc = structuredClone(kept);
        log.docs.push(doc);
      }),
    readTable: async (t, id) => structuredClone(tables.get(key(t, id)) ?? null),
    hasTable: async (t, id) => tables.has(key(t, id)),
    readResults: async () => structuredClone(results),
    writeResults: (r) =>
      settle(() => {
        results = structuredClone(r);
      }),
    prune: () =>
      settle(() => {
        const named = new Set<string>();
        for (const k of [doc, ...closed.map((c) => c.kept)])
          for (const [t, id] of Object.entries(k?.tables ?? {})) named.add(key(t, id));
        for (const k of [...tables.keys()]) if (!named.has(k)) tables.delete(k);
      }),
    listClosed: async () => structuredClone(closed),
    addClosed: (entry, limit) =>
      settle(() => {
        closed = [structuredClone(entry), ...closed].slice(0, limit);
      }),
    removeClosed: (id) =>
      settle(() => {
        closed = closed.filter((c) => c.id !== id);
      }),
    emptyClosed: () =>
      settle(() => {
        closed = [];
      }),
  };
  return { storage, log, fault, tables, current: () => doc };
}
