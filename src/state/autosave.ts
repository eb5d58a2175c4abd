import { parseDocument } from '../core/model/document';
import type { AutosaveStorage } from '../workbook/autosaveStorage';
import { embedTables } from '../workbook/embed';
import type { DataStore } from './dataStore';
import type { WorkbookStore } from './workbookStore';

export interface Autosaver {
  /** Writes now (tests, and before the page goes away). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the workbook and its tables in browser storage as the user works, so a
 * reload or a reopened tab loses nothing. Tables are re-encoded only when their
 * contents changed since the last write.
 */
export function startAutosave(
  workbook: WorkbookStore,
  data: DataStore,
  storage: AutosaveStorage,
  delayMs = 800,
): Autosaver {
  const encoded = new Map<string, { version: number; bytes: Uint8Array }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = async () => {
    const doc = workbook.getState().snapshot();
    const engine = await data.getState().engine();
    const versions = data.getState().versions;
    const tables = new Map<string, Uint8Array>();
    const stale = doc.datasets.filter((d) => encoded.get(d.table)?.version !== versions[d.table]);
    const fresh = await embedTables(engine, stale);
    for (const d of doc.datasets) {
      const bytes = fresh.get(d.id) ?? encoded.get(d.table)?.bytes;
      if (bytes === undefined) continue;
      encoded.set(d.table, { version: versions[d.table] ?? 0, bytes });
      tables.set(d.id, bytes);
    }
    const marked = { ...doc, datasets: doc.datasets.map((d) => ({ ...d, embedded: tables.has(d.id) })) };
    await storage.write({
      doc: marked,
      tables,
      fileName: workbook.getState().fileName,
      savedAt: new Date().toISOString(),
    });
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      writing = writing.then(write).catch(() => undefined);
    }, delayMs);
  };
  const offWorkbook = workbook.subscribe(schedule);
  const offData = data.subscribe((s, prev) => {
    if (s.versions !== prev.versions || s.tables !== prev.tables) schedule();
  });
  return {
    async flush() {
      clearTimeout(timer);
      writing = writing.then(write);
      await writing;
    },
    stop() {
      clearTimeout(timer);
      offWorkbook();
      offData();
    },
  };
}

/**
 * Puts back what autosave kept. Returns false when there was nothing, or when it
 * could not be read (then it is discarded rather than blocking every later start).
 */
export async function restoreAutosave(workbook: WorkbookStore, storage: AutosaveStorage): Promise<boolean> {
  const record = await storage.read().catch(() => null);
  if (!record) return false;
  const parsed = parseDocument(record.doc);
  if (!parsed.ok) {
    await storage.clear().catch(() => undefined);
    return false;
  }
  try {
    await workbook.getState().restore(parsed.doc, record.tables, record.fileName);
    return true;
  } catch {
    await storage.clear().catch(() => undefined);
    return false;
  }
}
