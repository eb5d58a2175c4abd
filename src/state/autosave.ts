import { parseDocument } from '../core/model/document';
import type { WorkbookDocument } from '../core/model/documentSchema';
import type { AutosaveRecord, AutosaveStorage } from '../workbook/autosaveStorage';
import { embedTables } from '../workbook/embed';
import type { DataStore } from './dataStore';
import type { WorkbookStore } from './workbookStore';

/** Something besides the workbook worth keeping: derived, so it never marks the workbook changed. */
export interface AutosaveExtra {
  results(): unknown;
  subscribe(onChange: () => void): () => void;
}

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
  extra?: AutosaveExtra,
): Autosaver {
  const encoded = new Map<string, { version: number; dataId: string | undefined; bytes: Uint8Array }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = async () => {
    const doc = workbook.getState().snapshot();
    const engine = await data.getState().engine();
    // Read together, before the tables are encoded: the bytes are of these versions.
    const { versions, dataIds } = data.getState();
    const results = extra?.results();
    const tables = new Map<string, Uint8Array>();
    const ids: Record<string, string> = {};
    const stale = doc.datasets.filter((d) => encoded.get(d.table)?.version !== versions[d.table]);
    const fresh = await embedTables(engine, stale);
    for (const d of doc.datasets) {
      const kept = encoded.get(d.table);
      const bytes = fresh.get(d.id) ?? kept?.bytes;
      if (bytes === undefined) continue;
      const dataId = fresh.has(d.id) ? dataIds[d.table] : kept?.dataId;
      encoded.set(d.table, { version: versions[d.table] ?? 0, dataId, bytes });
      tables.set(d.id, bytes);
      if (dataId !== undefined) ids[d.table] = dataId;
    }
    const marked = { ...doc, datasets: doc.datasets.map((d) => ({ ...d, embedded: tables.has(d.id) })) };
    await storage.write({
      doc: marked,
      tables,
      fileName: workbook.getState().fileName,
      savedAt: new Date().toISOString(),
      dataIds: ids,
      ...(results === null || results === undefined ? {} : { results }),
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
  const offExtra = extra?.subscribe(schedule);
  // What is open now is kept too (a demo just loaded), not only what changes later.
  schedule();
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
      offExtra?.();
    },
  };
}

/**
 * Puts back what autosave kept. Returns false when there was nothing, or when it
 * could not be read (then it is discarded rather than blocking every later start).
 */
export async function restoreAutosave(
  workbook: WorkbookStore,
  storage: AutosaveStorage,
  hooks?: {
    /** Called with the kept document before its tables are loaded: what can be shown without them. */
    preview?(doc: WorkbookDocument, record: AutosaveRecord): void;
  },
): Promise<boolean> {
  const record = await storage.read().catch(() => null);
  if (!record) return false;
  const parsed = parseDocument(record.doc);
  if (!parsed.ok) {
    await storage.clear().catch(() => undefined);
    return false;
  }
  try {
    hooks?.preview?.(parsed.doc, record);
    await workbook.getState().restore(parsed.doc, record.tables, record.fileName, record.dataIds);
    return true;
  } catch {
    await storage.clear().catch(() => undefined);
    return false;
  }
}
