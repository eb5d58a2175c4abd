import { datasetsOf } from '../app/data/tableEntry';
import type { Dataset } from '../core/model/documentSchema';
import { encodeTable } from '../engine/parquet/codec';
import type { EncodeParquet } from '../engine/parquet/workerEncoder';
import type { AutosaveStorage, KeptDocument, KeptTable, TableWrite } from '../workbook/autosaveStorage';
import { tableRows } from '../workbook/embed';
import { type AutosaveStatus, createAutosaveStatus, problemOf } from './autosaveStatus';
import type { DataStore } from './dataStore';
import type { WorkbookStore } from './workbookStore';

/** Something besides the workbook worth keeping: derived, so it never marks the workbook changed. */
interface AutosaveExtra {
  results(): unknown;
  subscribe(onChange: () => void): () => void;
}

interface AutosaveDeps {
  workbook: WorkbookStore;
  data: DataStore;
  storage: AutosaveStorage;
  /** Where a failed write is shown; a fresh one when not given. */
  status?: AutosaveStatus;
  /** Parquet encoding off the page's thread (browser); the engine's codec otherwise. */
  encode?: EncodeParquet;
  extra?: AutosaveExtra;
  /** What a restore put back: its tables are kept already and are not written again. */
  restored?: KeptDocument | null;
  /** Source bytes up to this size are kept at once, while their Parquet is still being made. */
  sourceLimit?: number;
  /** Whether the demo is still loading (KeptDocument.demoLoading); a change of it comes with a workbook change. */
  demoLoading?: () => boolean;
}

export interface Autosaver {
  /** Writes the document now and waits until every table is kept (before a workbook is replaced). */
  flush(): Promise<void>;
  /** Starts the document write now, without waiting (the page is going away). */
  writeNow(): void;
  /** The last document the storage confirmed. */
  kept(): KeptDocument | null;
  status: AutosaveStatus;
  stop(): void;
}

interface Held {
  dataId: string;
  /** The dataset as it was when these contents were kept (columns match the bytes). */
  dataset: Dataset;
  kind: KeptTable['kind'];
}

type Write = TableWrite & { dataset: Dataset };

const SOURCE_LIMIT = 32 * 1024 * 1024;

/**
 * Keeps the workbook in browser storage as the user works, so no reload, closed tab
 * or killed browser loses an edit. The document is small and is written on every
 * change, with no delay. Each table is written once per contents change: at once from
 * the bytes it was read from when those are at hand, then as Parquet encoded off the
 * page's thread. A document only ever names table records written before it or with
 * it, so whatever moment the page dies at, what is kept restores.
 */
export function startAutosave(deps: AutosaveDeps): Autosaver {
  const { workbook, data, storage, extra } = deps;
  const status = deps.status ?? createAutosaveStatus();
  const sourceLimit = deps.sourceLimit ?? SOURCE_LIMIT;
  const encode: EncodeParquet =
    deps.encode ?? (async (rows) => encodeTable(await (await data.getState().engine()).loadParquet(), rows));

  const written = new Map<string, Held>();
  // Tables in a write not yet confirmed: later documents may name them, because the
  // storage applies writes in order (and a failed one makes the next document drop them).
  const inflight = new Map<string, Held>();
  const failed = new Set<string>();
  let committed: KeptDocument | null = deps.restored ?? null;
  for (const [table, dataId] of Object.entries(committed?.tables ?? {})) {
    const dataset = committed?.doc.datasets.find((d) => d.table === table);
    if (dataset) written.set(table, { dataId, dataset, kind: 'parquet' });
  }
  let lastJson = '';
  let lastRefs = JSON.stringify(committed?.tables ?? {});
  let queued = false;
  let docWrite: Promise<boolean> = Promise.resolve(true);
  let stopped = false;

  const report = (e: unknown) =>
    status.setState({ problem: problemOf(e), detail: e instanceof Error ? e.message : String(e) });
  const held = (table: string) => inflight.get(table) ?? written.get(table);

  /** A dataset's bytes as the user gave them, when small and matching its contents now. */
  const sourceWrite = (d: Dataset, dataId: string): Write | null => {
    const source = data.getState().sourceOf(d.table);
    if (!source || source.bytes.byteLength > sourceLimit || failed.has(dataId)) return null;
    return {
      table: d.table,
      dataId,
      dataset: d,
      record: { kind: 'source', name: source.name, bytes: source.bytes },
    };
  };

  /** Starts a document write now, with `tables` in the same transaction. */
  const writeDoc = (tables: Write[] = []): Promise<boolean> => {
    queued = false;
    if (stopped) return docWrite;
    const snap = workbook.getState().snapshot();
    const live = data.getState().dataIds;
    const withTables = [...tables];
    for (const d of snap.datasets) {
      const h = held(d.table);
      if (withTables.some((w) => w.table === d.table) || h?.dataId === live[d.table]) continue;
      const w = live[d.table] === undefined ? null : sourceWrite(d, live[d.table]);
      if (w) withTables.push(w);
    }
    const kept: KeptDocument = {
      doc: { ...snap, datasets: [] },
      fileName: null,
      savedAt: '',
      dirty: false,
      tables: {},
      unsaved: [],
    };
    const served = new Map(data.getState().tables.map((t) => [t.name, t]));
    for (const d of snap.datasets) {
      const entry = served.get(d.table);
      if (entry?.served !== undefined) {
        kept.doc.datasets.push({ ...d, embedded: false });
        kept.served = { ...kept.served, [d.table]: entry.served };
        if (entry.dropped) kept.dropped = [...(kept.dropped ?? []), d.table];
        continue;
      }
      const w = withTables.find((x) => x.table === d.table);
      const h: Held | undefined = w ? { dataId: w.dataId, dataset: d, kind: w.record.kind } : held(d.table);
      if (!h) {
        kept.unsaved.push(d.table);
        continue;
      }
      // Contents not kept yet go back to the last kept version, with the columns it had.
      const dataset = h.dataId === live[d.table] ? d : h.dataset;
      kept.doc.datasets.push({ ...dataset, embedded: true });
      kept.tables[d.table] = h.dataId;
    }
    const { fileName, dirty } = workbook.getState();
    kept.fileName = fileName;
    kept.dirty = dirty;
    if (deps.demoLoading?.()) kept.demoLoading = true;
    const json = JSON.stringify(kept);
    if (withTables.length === 0 && json === lastJson) return docWrite;
    lastJson = json;
    kept.savedAt = new Date().toISOString();
    for (const w of withTables)
      inflight.set(w.table, { dataId: w.dataId, dataset: w.dataset, kind: w.record.kind });
    const refs = JSON.stringify(kept.tables);
    const records = withTables.map(({ table, dataId, record }) => ({ table, dataId, record }));
    docWrite = storage.writeDocument(kept, records).then(
      () => {
        for (const w of withTables) {
          if (inflight.get(w.table)?.dataId === w.dataId) inflight.delete(w.table);
          const before = written.get(w.table);
          // A Parquet record replaces a source one, never the other way round.
          if (!(before?.dataId === w.dataId && before.kind === 'parquet'))
            written.set(w.table, { dataId: w.dataId, dataset: w.dataset, kind: w.record.kind });
        }
        committed = kept;
        if (status.getState().problem !== null) status.setState({ problem: null, detail: '' });
        if (refs !== lastRefs) {
          lastRefs = refs;
          void storage.prune().catch(report);
        }
        return true;
      },
      (e: unknown) => {
        for (const w of withTables) {
          if (inflight.get(w.table)?.dataId === w.dataId) inflight.delete(w.table);
          // Not offered again until its contents change, so the small document still gets through.
          failed.add(w.dataId);
        }
        lastJson = '';
        report(e);
        if (withTables.length > 0) scheduleDoc();
        return false;
      },
    );
    return docWrite;
  };

  const scheduleDoc = () => {
    if (queued || stopped) return;
    queued = true;
    // Changes made in one task are written together, at its end: no timer, no waiting.
    queueMicrotask(() => {
      if (queued) void writeDoc();
    });
  };

  const nextStale = (): { dataset: Dataset; dataId: string } | null => {
    const live = data.getState().dataIds;
    // The server's tables stay on the server: autosave keeps their names, not their rows.
    for (const dataset of datasetsOf(data.getState().tables.filter((t) => t.served === undefined))) {
      const dataId = live[dataset.table];
      if (dataId === undefined || failed.has(dataId)) continue;
      const h = held(dataset.table);
      if (h?.dataId !== dataId || h.kind === 'source') return { dataset, dataId };
    }
    return null;
  };

  /** Writes each table whose contents are not kept as Parquet, one at a time. */
  const encodeTables = async () => {
    for (let next = nextStale(); next !== null && !stopped; next = nextStale()) {
      const { dataset, dataId } = next;
      const current = () => data.getState().dataIds[dataset.table] === dataId;
      try {
        if (held(dataset.table)?.dataId !== dataId && (await storage.hasTable(dataset.table, dataId))) {
          // Kept already (a recently closed workbook brought back): named, not written again.
          written.set(dataset.table, { dataId, dataset, kind: 'parquet' });
          scheduleDoc();
          continue;
        }
        const engine = await data.getState().engine();
        const rows = await tableRows(engine, dataset.table);
        if (!current()) continue;
        const bytes = await encode(rows);
        if (!current()) continue;
        // Documents started while this one was in flight did not name it yet.
        if (await writeDoc([{ table: dataset.table, dataId, dataset, record: { kind: 'parquet', bytes } }]))
          scheduleDoc();
      } catch (e) {
        // A table that cannot be read or encoded is not tried again until its contents change.
        if (current()) failed.add(dataId);
        report(e);
      }
    }
  };

  let encoding: Promise<void> | null = null;
  let again = false;
  const kickTables = () => {
    if (stopped) return;
    if (encoding) {
      again = true;
      return;
    }
    encoding = encodeTables().finally(() => {
      encoding = null;
      if (again) {
        again = false;
        kickTables();
      }
    });
  };

  const writeResults = async () => {
    const results = extra?.results();
    if (results !== null && results !== undefined) await storage.writeResults(results).catch(report);
  };
  let resultsQueued = false;
  const scheduleResults = () => {
    if (resultsQueued || !extra) return;
    resultsQueued = true;
    queueMicrotask(() => {
      resultsQueued = false;
      void writeResults();
    });
  };

  const offWorkbook = workbook.subscribe(scheduleDoc);
  const offData = data.subscribe((s, prev) => {
    if (s.dataIds === prev.dataIds && s.tables === prev.tables) return;
    scheduleDoc();
    kickTables();
  });
  // A finished run may follow changes the app derived (KPIs joining as tables load),
  // which make no undo step: the document is written again with them.
  const offExtra = extra?.subscribe(() => {
    scheduleResults();
    scheduleDoc();
  });
  // What is open now is kept too (a demo just loaded), not only what changes later.
  scheduleDoc();
  kickTables();
  scheduleResults();

  return {
    status,
    async flush() {
      await writeDoc();
      while (encoding || again) await (encoding ?? Promise.resolve());
      await Promise.all([writeDoc(), writeResults()]);
    },
    writeNow() {
      void writeDoc();
    },
    kept: () => committed,
    stop() {
      stopped = true;
      offWorkbook();
      offData();
      offExtra?.();
    },
  };
}
