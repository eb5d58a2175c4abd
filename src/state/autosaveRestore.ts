import { parquetOfSource } from '../app/workbook/keptSource';
import { parseDocument } from '../core/model/document';
import type { Dataset, WorkbookDocument } from '../core/model/documentSchema';
import type { AutosaveStorage, KeptDocument, KeptTable } from '../workbook/autosaveStorage';
import type { GoneTable } from './autosaveStatus';
import type { DataStore } from './dataStore';
import type { WorkbookStore } from './workbookStore';

interface RestoreHooks {
  /** Called with the kept document before any table is loaded: what can be shown without them. */
  preview?(doc: WorkbookDocument, results: unknown): void;
  /** Tables read back so far out of all; at `total` they are being put into the engine. */
  progress?(done: number, total: number): void;
}

export interface Restored {
  kept: KeptDocument;
  /** Tables the document had that could not be brought back: the page names them. */
  missing: string[];
  /** Tables `shakhes serve` held, which it holds no more (restarted without their files): named apart. */
  gone: GoneTable[];
}

/** Which of a kept document's served tables the server still holds, by dataset id; the rest are gone. */
async function servedStill(data: DataStore, kept: KeptDocument, datasets: readonly Dataset[]) {
  const linked = new Set<string>();
  const gone: GoneTable[] = [];
  const refs = kept.served ?? {};
  const dropped = new Set(kept.dropped ?? []);
  if (Object.keys(refs).length === 0) return { linked, gone };
  const now = new Set((await data.getState().served()).map((t) => t.name.toLowerCase()));
  for (const d of datasets)
    if (refs[d.table] === undefined) continue;
    else if (now.has(d.table.toLowerCase())) linked.add(d.id);
    else gone.push({ table: d.table, dropped: dropped.has(d.table) });
  return { linked, gone };
}

/**
 * Puts back a kept workbook (the last session's, or a recently closed one): its
 * document and whichever of its tables are still kept. A table whose record is gone
 * does not stop the rest; it is named in `missing`. Throws when the document itself
 * cannot be read or restored; then the open workbook is left as it was.
 */
export async function restoreKept(
  workbook: WorkbookStore,
  data: DataStore,
  storage: AutosaveStorage,
  kept: KeptDocument,
  hooks: RestoreHooks & { results?: unknown } = {},
): Promise<Restored> {
  const parsed = parseDocument(kept.doc);
  if (!parsed.ok) throw new Error(parsed.error);
  const records = new Map<string, KeptTable>();
  const missing = [...kept.unsaved];
  // The server's tables are found there again, not read back from the tab's storage.
  const { linked, gone } = await servedStill(data, kept, parsed.doc.datasets);
  for (const d of parsed.doc.datasets) {
    if (kept.served?.[d.table] !== undefined) continue;
    const id = kept.tables[d.table];
    const record = id === undefined ? null : await storage.readTable(d.table, id);
    if (record) records.set(d.id, record);
    else missing.push(d.table);
  }
  const doc = {
    ...parsed.doc,
    datasets: parsed.doc.datasets.filter((d) => records.has(d.id) || linked.has(d.id)),
  };
  hooks.preview?.(doc, hooks.results);
  const bytes = new Map<string, Uint8Array>();
  hooks.progress?.(0, records.size);
  for (const d of doc.datasets) {
    const record = records.get(d.id);
    if (record === undefined) continue;
    bytes.set(
      d.id,
      record.kind === 'parquet'
        ? record.bytes
        : await parquetOfSource(await data.getState().engine(), d, record),
    );
    hooks.progress?.(bytes.size, records.size);
  }
  const dataIds = Object.fromEntries(doc.datasets.map((d) => [d.table, kept.tables[d.table]]));
  await workbook.getState().restore(doc, bytes, kept.fileName, dataIds);
  // A restore is not a save: edits not in a .shakhes file are still unsaved.
  workbook.setState({ dirty: kept.dirty || missing.length > 0 || gone.length > 0 });
  return { kept: { ...kept, doc }, missing, gone };
}

/**
 * Puts back what autosave kept from the last session. Null when there was nothing,
 * or when it could not be read (the next write then replaces it).
 */
export async function restoreAutosave(
  workbook: WorkbookStore,
  data: DataStore,
  storage: AutosaveStorage,
  hooks: RestoreHooks = {},
): Promise<Restored | null> {
  const kept = await storage.readDocument().catch(() => null);
  if (!kept) return null;
  const results = await storage.readResults().catch(() => undefined);
  try {
    return await restoreKept(workbook, data, storage, kept, { ...hooks, results });
  } catch {
    return null;
  }
}
