import type { Dataset, WorkbookDocument } from '../../core/model/documentSchema';
import type { Engine } from '../../engine/engine';
import { embedTables, restoreTables, stageEmbedded } from '../../workbook/embed';
import { tableSwap } from '../../workbook/tableSwap';
import { readWorkbook, writeWorkbook } from '../../workbook/workbookFile';
import type { ImportFn } from '../data/importJobs';
import type { SourceFile } from '../data/sourceFile';
import { type TableEntry, tableEntryOf } from '../data/tableEntry';
import { clearOfServed, type RenamedTable, type ServedName } from './servedClash';
import { servedSave } from './servedSave';

/** A dataset of a workbook saved without its data: the file the user must give again. */
export type MissingDataset = Pick<Dataset, 'id' | 'sourceName' | 'table'>;

/** An opened workbook whose tables are in the engine: the document and its tables, in its order. */
export interface OpenedWorkbook {
  doc: WorkbookDocument;
  tables: TableEntry[];
  /** Its tables put in under another name, the server holding one of theirs (servedClash.ts). */
  renamed: RenamedTable[];
}

/** A workbook read but not put in place: some of its data is in files the user must give. */
export interface AwaitingFiles {
  doc: WorkbookDocument;
  /** The data the file did embed, by dataset id. */
  data: Map<string, Uint8Array>;
  missing: MissingDataset[];
}

export type OpenOutcome =
  | ({ status: 'opened' } & OpenedWorkbook)
  | ({ status: 'needs-files' } & AwaitingFiles);

/**
 * Opening and saving workbooks, with no store: the engine is injected and the caller
 * applies the document. Every open puts all its tables in place in one transaction,
 * dropping the tables it replaces (`replacing`: the open workbook's) in the same one, so
 * an open that fails anywhere leaves the engine as it was. Refusals of the file throw
 * WorkbookError; anything else thrown is the engine's. `served` are the tables
 * `shakhes serve` holds: a dataset saved without data whose table the server holds is that
 * table, and one whose data would be loaded over a server's table is renamed (servedClash.ts).
 */
export interface WorkbookService {
  open(
    bytes: Uint8Array,
    replacing?: readonly string[],
    served?: readonly ServedName[],
  ): Promise<OpenOutcome>;
  /** Puts a read document's embedded data (a file's, or what autosave kept) in place. */
  restore(
    doc: WorkbookDocument,
    data: ReadonlyMap<string, Uint8Array>,
    replacing?: readonly string[],
    served?: readonly ServedName[],
  ): Promise<OpenedWorkbook>;
  /** Finishes an open that needed files: each missing dataset read from its file the way it was read before. */
  openWithFiles(
    awaiting: AwaitingFiles,
    files: ReadonlyMap<string, SourceFile>,
    replacing?: readonly string[],
    served?: readonly ServedName[],
  ): Promise<OpenedWorkbook>;
  /**
   * The document as a .shakhes file, with each dataset's table as Parquet when `embedData`,
   * except the tables `shakhes serve` read from its PATHs (`served`): their rows are never
   * read through the tab (a 100M-row table would end it); they are saved by reference, named
   * in the file's README, and a later open finds them on a server or asks for their files.
   * A file dropped on the page is saved like a table of the tab (servedSave.ts).
   */
  save(doc: WorkbookDocument, embedData: boolean, served?: readonly ServedName[]): Promise<Uint8Array>;
}

/** The importer, loaded on first use: it is large and most opens need none. */
export async function loadImporter(): Promise<ImportFn> {
  return (await import('../../engine/ingest/importFile')).importFile;
}

interface WorkbookServiceDeps {
  engine(): Promise<Engine>;
  /** The importer; `loadImporter` when not given. */
  importFile?: ImportFn;
}

/** The files given for the missing datasets, matched by file name; `absent` are those still needed. */
export function filesFor(
  missing: readonly MissingDataset[],
  files: readonly SourceFile[],
): { found: Map<string, SourceFile>; absent: MissingDataset[] } {
  const byName = new Map(files.map((f) => [f.name.toLowerCase(), f]));
  const found = new Map<string, SourceFile>();
  const absent: MissingDataset[] = [];
  for (const m of missing) {
    const file = byName.get(m.sourceName.toLowerCase());
    if (file) found.set(m.id, file);
    else absent.push(m);
  }
  return { found, absent };
}

export function createWorkbookService(deps: WorkbookServiceDeps): WorkbookService {
  const importer = async (): Promise<ImportFn> => deps.importFile ?? (await loadImporter());

  const restore: WorkbookService['restore'] = async (given, data, replacing = [], served = []) => {
    const { doc, renamed } = clearOfServed(given, served, (d) => data.has(d.id));
    await restoreTables(await deps.engine(), doc.datasets, data, replacing);
    return { doc, tables: doc.datasets.map(tableEntryOf), renamed };
  };

  return {
    async open(bytes, replacing, served = []) {
      const { doc, data } = readWorkbook(bytes);
      const onServer = new Set(served.map((s) => s.table.toLowerCase()));
      const missing = doc.datasets.filter((d) => !data.has(d.id) && !onServer.has(d.table.toLowerCase()));
      if (missing.length > 0)
        return {
          status: 'needs-files',
          doc,
          data,
          missing: missing.map((d) => ({ id: d.id, sourceName: d.sourceName, table: d.table })),
        };
      return { status: 'opened', ...(await restore(doc, data, replacing, served)) };
    },

    restore,

    async openWithFiles(awaiting, files, replacing = [], served = []) {
      const { data, missing } = awaiting;
      const { doc, renamed } = clearOfServed(
        awaiting.doc,
        served,
        (d) => data.has(d.id) || missing.some((m) => m.id === d.id),
      );
      const engine = await deps.engine();
      const importFile = await importer();
      // The files and any embedded data are staged together and put in place at once.
      const swap = tableSwap(engine);
      try {
        const read = new Map<string, TableEntry>();
        for (const m of missing) {
          const dataset = doc.datasets.find((d) => d.id === m.id);
          const file = files.get(m.id);
          if (!dataset || !file) throw new Error(`No file was given for "${m.sourceName}".`);
          // The file is read the way the workbook says it was read before.
          const result = await importFile(
            engine,
            { name: file.name, bytes: await file.read(), format: dataset.format },
            { table: swap.stage(dataset.table), options: dataset.options },
          );
          read.set(dataset.id, { ...tableEntryOf(dataset), columns: result.columns, rows: result.rows });
        }
        await stageEmbedded(engine, swap, doc.datasets, data);
        for (const table of replacing) swap.drop(table);
        await swap.commit();
        return { doc, tables: doc.datasets.map((d) => read.get(d.id) ?? tableEntryOf(d)), renamed };
      } finally {
        await swap.discard();
      }
    },

    async save(doc, embedData, served = []) {
      const { embed, byReference } = servedSave(doc, embedData, served);
      const embedded = embed.length > 0 ? await embedTables(await deps.engine(), embed) : new Map();
      return writeWorkbook(doc, embedded, Object.fromEntries(byReference.map((r) => [r.table, r.path])));
    },
  };
}
