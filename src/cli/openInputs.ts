import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fromCatalog, kpisForTables } from '../app/scorecard/workbookKpis';
import type { WorkbookDocument } from '../core/model/documentSchema';
import { presentColumns } from '../core/model/scorecardSchema';
import type { Engine } from '../engine/engine';
import type { SourceFile } from '../state/dataStore';
import type { DocumentSlice } from '../state/documentSlice';
import { mappingSlice } from '../state/mappingSlice';
import { mappingStores } from '../state/mappingStores';
import { NEW_SCORECARD_SETTINGS, scorecardOfDocument } from '../state/scorecardSlice';
import { createWorkbookStore, type PendingOpen } from '../state/workbookStore';
import { flags, type ParsedArgs, UsageError } from './args';
import type { CliIO } from './io';
import { loadDataArgs } from './loadData';
import { autoMap, skippedNotes } from './mapSession';

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
 * "choose the original files" does.
 */
async function filesFor(pending: PendingOpen, given: readonly DataArg[]): Promise<SourceFile[] | string> {
  const out: SourceFile[] = [];
  const absent: string[] = [];
  for (const m of pending.missing) {
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
    out.push({ name: m.sourceName, size: bytes.byteLength, read: async () => bytes });
  }
  if (absent.length > 0)
    return `${pending.fileName} was saved without its data; still needed:\n  ${absent.join('\n  ')}`;
  return out;
}

/** The opened workbook's document, read as it is applied, so no scorecard store takes it. */
function documentReader(): { slice: DocumentSlice; doc(): WorkbookDocument | null } {
  let opened: WorkbookDocument | null = null;
  const slice: DocumentSlice = {
    contribute() {},
    adopt(doc) {
      opened = doc;
    },
    subscribe: () => () => {},
  };
  return { slice, doc: () => opened };
}

/**
 * Opens the workbook file (given its data from `--data` when it was saved without), or
 * with none, loads the data files as a new workbook; applies `--map auto`. Returns the
 * mapping session, the workbook's title, its scorecard part (settings, KPIs, the user's
 * benchmarks), the tables as the scorecard reads them and the KPIs they can compute; null
 * when it could not, the reason written to stderr.
 */
export async function openInputs(
  args: ParsedArgs,
  path: string | undefined,
  auto: boolean,
  startEngine: () => Promise<Engine>,
  io: CliIO,
) {
  const given = dataArgs(args);
  const bytes = path === undefined ? null : await readInput(path);
  // Without a workbook the files are the workbook: loaded under their names, like files dropped on a new one.
  const imports = bytes === null ? await loadDataArgs(startEngine, flags(args, 'data')) : [];
  const { data, mapping, session } = mappingStores(await startEngine(), imports);
  const workbook = createWorkbookStore(data);
  // The mappings first, so an opened workbook's views exist before its KPIs are read.
  workbook.getState().registerSlice(mappingSlice(mapping));
  const reader = documentReader();
  workbook.getState().registerSlice(reader.slice);

  if (path !== undefined && bytes !== null && !(await workbook.getState().open(bytes, basename(path)))) {
    const { pending, error } = workbook.getState();
    if (pending === null) {
      io.err(`error: ${error ?? `${path} could not be opened.`}`);
      return null;
    }
    const files = await filesFor(pending, given);
    if (typeof files === 'string') {
      io.err(`error: ${files}`);
      return null;
    }
    if (!(await workbook.getState().provideFiles(files))) {
      io.err(`error: ${workbook.getState().error ?? 'the data files could not be read.'}`);
      return null;
    }
  }
  if (auto) for (const note of skippedNotes((await autoMap(session)).tables)) io.err(note);
  await mapping.getState().settled();
  const doc = reader.doc();
  const scorecard =
    doc === null
      ? { settings: NEW_SCORECARD_SETTINGS, kpis: [], userBenchmarks: [] }
      : scorecardOfDocument(doc, NEW_SCORECARD_SETTINGS);
  const tables = session.mapping.scorecardTables();
  // As in the app: every catalog KPI the tables can compute joins the workbook's own.
  const { kpis } = kpisForTables(scorecard.kpis, presentColumns(tables), fromCatalog);
  return {
    session,
    engine: () => data.getState().engine(),
    title: workbook.getState().title,
    scorecard,
    tables,
    kpis,
  };
}
