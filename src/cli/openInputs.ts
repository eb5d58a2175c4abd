import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SourceFile } from '../app/data/sourceFile';
import { tableEntryOf } from '../app/data/tableEntry';
import { appliedMappingsOf } from '../app/mapping/mappingTables';
import { NEW_SCORECARD_SETTINGS, scorecardOfDocument } from '../app/scorecard/documentScorecard';
import { fromCatalog, kpisForTables } from '../app/scorecard/workbookKpis';
import { problemText } from '../app/workbook/workbookProblem';
import {
  type AwaitingFiles,
  createWorkbookService,
  type OpenedWorkbook,
} from '../app/workbook/workbookService';
import { emptyDocument } from '../core/model/document';
import type { WorkbookDocument } from '../core/model/documentSchema';
import { presentColumns } from '../core/model/scorecardSchema';
import type { Engine } from '../engine/engine';
import { importFile } from '../engine/ingest/importFile';
import { WorkbookError } from '../workbook/workbookError';
import { readWorkbook } from '../workbook/workbookFile';
import { flags, type ParsedArgs, UsageError } from './args';
import type { InPlace } from './inPlace';
import type { CliIO } from './io';
import { loadDataArgs } from './loadData';
import { autoMap, mappingSession, sessionOver, skippedNotes } from './mapSession';

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such file.` : `${path}: cannot be read (${code}).`);
  }
}

interface DataArg {
  name: string;
  path: string;
}

function dataArgs(args: ParsedArgs): DataArg[] {
  return flags(args, 'data').map((spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--data takes NAME=FILE (e.g. deals=deals.csv); got “${spec}”.`);
    return { name: spec.slice(0, eq), path: spec.slice(eq + 1) };
  });
}

/**
 * The files a workbook saved without data asks for, from `--data NAME=FILE`: NAME is
 * the dataset's table name or its original file name, or the file itself has the
 * original name. Each is handed over under the original name, as the browser's
 * "choose the original files" does. A string says what is still needed.
 */
async function filesFor(
  fileName: string,
  awaiting: AwaitingFiles,
  given: readonly DataArg[],
): Promise<Map<string, SourceFile> | string> {
  const out = new Map<string, SourceFile>();
  const absent: string[] = [];
  for (const m of awaiting.missing) {
    const lower = (s: string) => s.toLowerCase();
    const arg = given.find(
      (d) =>
        lower(d.name) === lower(m.table) ||
        lower(d.name) === lower(m.sourceName) ||
        lower(basename(d.path)) === lower(m.sourceName),
    );
    if (arg === undefined) {
      absent.push(`${m.table} (from ${m.sourceName}): give --data ${m.table}=PATH`);
      continue;
    }
    const bytes = await readInput(arg.path);
    out.set(m.id, { name: m.sourceName, size: bytes.byteLength, read: async () => bytes });
  }
  if (absent.length > 0)
    return `${fileName} was saved without its data; still needed:\n  ${absent.join('\n  ')}`;
  return out;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Opens a workbook file with the app's workbook service, given its data from `--data`
 * when it was saved without. A string is the reason it could not, in the words the app uses.
 */
async function openWorkbook(
  engine: Engine,
  bytes: Uint8Array,
  fileName: string,
  given: readonly DataArg[],
): Promise<OpenedWorkbook | string> {
  const service = createWorkbookService({ engine: async () => engine, importFile });
  let outcome: Awaited<ReturnType<typeof service.open>>;
  try {
    outcome = await service.open(bytes);
  } catch (e) {
    // A refusal of the file says what is wrong with it; anything else is the engine's.
    if (e instanceof WorkbookError) return e.message;
    return `${problemText({ code: 'open-failed', file: fileName })} (${messageOf(e)})`;
  }
  if (outcome.status === 'opened') return outcome;
  const files = await filesFor(fileName, outcome, given);
  if (typeof files === 'string') return files;
  try {
    return await service.openWithFiles(outcome, files);
  } catch (e) {
    return messageOf(e);
  }
}

const withEngine = (opened: OpenedWorkbook | string, engine: Engine) =>
  typeof opened === 'string' ? opened : { ...opened, engine };

/**
 * A workbook read in place: its document, and its tables as views over the database's
 * own (inPlace.ts). A string says why it could not be, in the words the user needs.
 */
async function openInPlace(inPlace: InPlace, bytes: Uint8Array) {
  let doc: WorkbookDocument;
  try {
    doc = readWorkbook(bytes).doc;
  } catch (e) {
    if (e instanceof WorkbookError) return e.message;
    throw e;
  }
  try {
    const engine = await inPlace.open(doc);
    return { doc, engine, tables: doc.datasets.map(tableEntryOf) };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    return messageOf(e);
  }
}

/**
 * Opens the workbook file (given its data from `--data` when it was saved without), or
 * with none, loads the data files as a new workbook; applies its mappings and `--map auto`.
 * With `inPlace`, the workbook's tables are instead the database's own, read where they
 * are, and DuckDB is never started.
 * Returns the mapping session, the workbook's title, its scorecard part (settings, KPIs,
 * the user's benchmarks), the tables as the scorecard reads them and the KPIs they can
 * compute; null when it could not, the reason written to stderr. No store is involved:
 * the app's services do what the page's stores would have them do.
 */
export async function openInputs(
  args: ParsedArgs,
  path: string | undefined,
  auto: boolean,
  startEngine: () => Promise<Engine>,
  io: CliIO,
  inPlace?: InPlace,
) {
  const given = dataArgs(args);
  const bytes = path === undefined ? null : await readInput(path);
  // Without a workbook the files are the workbook: loaded under their names, like files dropped on a new one.
  const imports = bytes === null ? await loadDataArgs(startEngine, flags(args, 'data')) : [];
  let engine: Engine | null = inPlace === undefined || bytes === null ? await startEngine() : null;
  let doc = emptyDocument();
  let session = engine === null ? null : mappingSession(engine, imports);
  if (path !== undefined && bytes !== null) {
    const opened =
      engine === null
        ? await openInPlace(inPlace as InPlace, bytes)
        : withEngine(await openWorkbook(engine, bytes, basename(path), given), engine);
    if (typeof opened === 'string') {
      io.err(`error: ${opened}`);
      return null;
    }
    engine = opened.engine;
    doc = opened.doc;
    session = sessionOver(engine, opened.tables);
    // The workbook's own mappings replace any the app would have made on load.
    await session.mapping.adopt(appliedMappingsOf(doc), doc.relationships);
  }
  if (session === null || engine === null) return null;
  const ready = engine;
  if (auto) for (const note of skippedNotes((await autoMap(session)).tables)) io.err(note);
  await session.mapping.settled();
  const scorecard =
    path === undefined
      ? { settings: NEW_SCORECARD_SETTINGS, kpis: [], userBenchmarks: [] }
      : scorecardOfDocument(doc, NEW_SCORECARD_SETTINGS);
  const tables = session.mapping.scorecardTables();
  // As in the app: every catalog KPI the tables can compute joins the workbook's own.
  const { kpis } = kpisForTables(scorecard.kpis, presentColumns(tables), fromCatalog);
  return {
    session,
    engine: async () => ready,
    title: doc.title,
    scorecard,
    tables,
    kpis,
    notes: doc.notes ?? [],
  };
}
