import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  anyComputed,
  reportCsv,
  reportInput,
  reportJson,
  reportMarkdown,
} from '../core/export/scorecardReport';
import type { Grain } from '../core/sql/calendarSchema';
import type { Engine } from '../engine/engine';
import type { SourceFile } from '../state/dataStore';
import { mappingStores } from '../state/mappingStores';
import { workbookSession } from '../state/workbookSession';
import type { PendingOpen } from '../state/workbookStore';
import { checkKnown, flag, flags, type ParsedArgs, UsageError } from './args';
import type { CliIO } from './io';
import { loadDataArgs } from './loadData';
import { autoMap, mapAuto, skippedNotes } from './mapSession';
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
 * Opens the workbook file (given its data from `--data` when it was saved without), or
 * with none, loads the data files as a new workbook; applies `--map auto`. Null when it
 * could not, the reason written to stderr. `explain` opens its input the same way.
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
  const { scorecard, workbook } = workbookSession(data, mapping);

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
  return { session, scorecard, workbook };
}

/**
 * `run`: opens a workbook with the browser's own stores (workbook, data, mapping,
 * scorecard), gives it its data when it was saved without, or, given only data files,
 * starts from a new workbook over them; with `--map auto` the app's mapping suggestions
 * are applied to tables the workbook has not mapped. It recomputes the scorecard and prints
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
  const opened = await openInputs(args, path, auto, startEngine, io);
  if (opened === null) return 2;
  const { scorecard, workbook } = opened;
  if (grain === undefined || grain === 'total') await scorecard.getState().refresh();
  else await scorecard.getState().setGrain(grain as Grain);
  const state = scorecard.getState();
  if (state.status === 'error') {
    io.err(`error: the scorecard could not be computed: ${state.error ?? ''}`);
    return 2;
  }
  if (path === undefined && !auto && state.kpis.length === 0)
    io.err('note: no catalog KPI can be computed on these tables as loaded; add --map auto to map them.');
  if (grain === 'total') {
    io.out(totalsOutput(format as RunFormat, state.kpis, state.totals));
    return Object.keys(state.totals).length > 0 ? 0 : 2;
  }
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
