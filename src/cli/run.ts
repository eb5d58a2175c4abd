import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createScorecardRunner, type ScorecardView } from '../app/scorecard/runner';
import { presentColumns } from '../app/scorecard/scorecardSchema';
import { fromCatalog, kpisForTables } from '../app/scorecard/workbookKpis';
import {
  anyComputed,
  reportCsv,
  reportInput,
  reportJson,
  reportMarkdown,
} from '../core/export/scorecardReport';
import { benchmarkOf } from '../core/kpi/judge';
import type { WorkbookDocument } from '../core/model/documentSchema';
import type { Grain } from '../core/sql/calendarSchema';
import type { Engine } from '../engine/engine';
import type { SourceFile } from '../state/dataStore';
import type { DocumentSlice } from '../state/documentSlice';
import { mappingSlice } from '../state/mappingSlice';
import { NEW_SCORECARD_SETTINGS, scorecardOfDocument } from '../state/scorecardSlice';
import { createWorkbookStore, type PendingOpen } from '../state/workbookStore';
import { checkKnown, flag, flags, type ParsedArgs, UsageError } from './args';
import type { CliIO } from './io';
import { loadDataArgs } from './loadData';
import { autoMap, mapAuto, mappingSession, skippedNotes } from './mapSession';
import { totalsOutput } from './totalsOutput';

const FORMATS = ['json', 'csv', 'md'] as const;
type RunFormat = (typeof FORMATS)[number];

const RUN_OPTIONS = ['data', 'format', 'map', 'grain'];
const GRAINS = ['day', 'week', 'month', 'quarter', 'year', 'total'] as const;

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

/**
 * The scorecard's part of an opened workbook, read and kept: the CLI computes it with the
 * runner, so no scorecard store takes it. Opening the file (its data, its mappings) is the
 * workbook store's.
 */
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
 * `run`: opens a workbook with the browser's own stores (workbook, data, mapping), gives it its data when it was saved without, or, given only data files,
 * starts from a new workbook over them; with `--map auto` the app's mapping suggestions
 * are applied to tables the workbook has not mapped. It recomputes the scorecard with the
app's runner (src/app/scorecard) and prints
 * every KPI for every period with comparisons and status. A KPI that fails is listed
 * with its message while the others print (status 0). A file that is refused, data
 * that is missing, or a scorecard where nothing computed exits with status 2.
 */
export async function runCommand(
  args: ParsedArgs,
  startEngine: () => Promise<Engine>,
  io: CliIO,
): Promise<number> {
  checkKnown(args, RUN_OPTIONS);
  const format = flag(args, 'format') ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got “${format}”.`);
  const grain = flag(args, 'grain');
  if (grain !== undefined && !(GRAINS as readonly string[]).includes(grain))
    throw new UsageError(`--grain must be one of ${GRAINS.join(', ')}; got “${grain}”.`);
  const [path, ...extra] = args.positional;
  const auto = mapAuto(flag(args, 'map'));
  if (extra.length > 0 || (path === undefined && flags(args, 'data').length === 0))
    throw new UsageError(
      'run takes one workbook file (run sales.shakhes), or data files alone (run --data pipeline=export.csv --map auto).',
    );
  const given = dataArgs(args);
  const bytes = path === undefined ? null : await readInput(path);
  // Without a workbook the files are the workbook: loaded under their names, like files dropped on a new one.
  const imports = bytes === null ? await loadDataArgs(startEngine, flags(args, 'data')) : [];
  const session = mappingSession(await startEngine(), imports);
  const { data, mapping } = session;
  const workbook = createWorkbookStore(data);
  // The mappings first, so an opened workbook's views exist before its KPIs are read.
  workbook.getState().registerSlice(mappingSlice(mapping));
  const reader = documentReader();
  workbook.getState().registerSlice(reader.slice);

  if (path !== undefined && bytes !== null && !(await workbook.getState().open(bytes, basename(path)))) {
    const { pending, error } = workbook.getState();
    if (pending === null) {
      io.err(`error: ${error ?? `${path} could not be opened.`}`);
      return 2;
    }
    const files = await filesFor(pending, given);
    if (typeof files === 'string') {
      io.err(`error: ${files}`);
      return 2;
    }
    if (!(await workbook.getState().provideFiles(files))) {
      io.err(`error: ${workbook.getState().error ?? 'the data files could not be read.'}`);
      return 2;
    }
  }
  if (auto) for (const note of skippedNotes((await autoMap(session)).tables)) io.err(note);
  await mapping.getState().settled();
  const doc = reader.doc();
  const part =
    doc === null
      ? { settings: NEW_SCORECARD_SETTINGS, kpis: [], userBenchmarks: [] }
      : scorecardOfDocument(doc, NEW_SCORECARD_SETTINGS);
  const settings =
    grain === undefined || grain === 'total' ? part.settings : { ...part.settings, grain: grain as Grain };
  const tables = mapping.getState().scorecardTables();
  // As in the app: every catalog KPI the tables can compute joins the workbook's own.
  const { kpis } = kpisForTables(part.kpis, presentColumns(tables), fromCatalog);
  const runner = createScorecardRunner({ engine: () => data.getState().engine() });
  let view: ScorecardView | null;
  try {
    const run = await runner.run({ tables, relationships: mapping.getState().links(), kpis, settings });
    view = run?.view ?? null;
  } catch (e) {
    io.err(`error: the scorecard could not be computed: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (path === undefined && !auto && kpis.length === 0)
    io.err('note: no catalog KPI can be computed on these tables as loaded; add --map auto to map them.');
  if (grain === 'total') {
    const totals = view?.totals ?? {};
    io.out(totalsOutput(format as RunFormat, kpis, totals));
    return Object.keys(totals).length > 0 ? 0 : 2;
  }
  const series = Object.fromEntries(kpis.map((k) => [k.id, view?.series[k.id] ?? []]));
  const judging = { grain: settings.grain, industry: settings.industry, userBenchmarks: part.userBenchmarks };
  const benchmarks = Object.fromEntries(kpis.map((k) => [k.id, benchmarkOf(k, judging)]));
  const state = {
    settings,
    kpis,
    periods: view?.periods ?? [],
    series,
    bases: view?.bases ?? {},
    benchmarks,
    failures: view?.failures ?? {},
    diagnostics: view?.diagnostics ?? {},
  };
  const input = reportInput(workbook.getState().title, state);
  const outputs: Record<RunFormat, () => string> = {
    json: () => JSON.stringify(reportJson(input), null, 2),
    csv: () => reportCsv(input).replace(/\r\n$/, ''),
    md: () => reportMarkdown(input),
  };
  io.out(outputs[format as RunFormat]());
  // The report lists each failure; stderr says so too, and the status says whether anything ran.
  const failed = Object.keys(input.failures ?? {});
  if (failed.length === 0) return 0;
  const some = anyComputed(input);
  io.err(
    `${some ? 'warning' : 'error'}: ${failed.length} of ${input.kpis.length} KPIs could not be computed (${failed.join(', ')}); see the report.`,
  );
  return some ? 0 : 2;
}
