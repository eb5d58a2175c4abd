import { createScorecardRunner, type ScorecardView } from '../app/scorecard/runner';
import {
  anyComputed,
  reportCsv,
  reportInput,
  reportJson,
  reportMarkdown,
} from '../core/export/scorecardReport';
import { benchmarkOf } from '../core/kpi/judge';
import type { Grain } from '../core/sql/calendarSchema';
import type { Engine } from '../engine/engine';
import { checkKnown, flag, flags, type ParsedArgs, UsageError } from './args';
import { type InPlace, inPlaceFor } from './inPlace';
import type { CliIO } from './io';
import { mapAuto } from './mapSession';
import { notesMarkdown } from './notesOutput';
import { openInputs } from './openInputs';
import { TARGET_OPTIONS, targetFor } from './targetEngine';
import { totalsOutput } from './totalsOutput';

const FORMATS = ['json', 'csv', 'md'] as const;
type RunFormat = (typeof FORMATS)[number];

const RUN_OPTIONS = ['data', 'format', 'map', 'grain', 'table', ...TARGET_OPTIONS];
const GRAINS = ['day', 'week', 'month', 'quarter', 'year', 'total'] as const;

/**
 * `run`: opens a workbook, gives it its data when it was saved without, or, given only data files,
 * starts from a new workbook over them; with `--map auto` the app's mapping suggestions
 * are applied to tables the workbook has not mapped; with `--engine postgres://…` and no
 * `--data`, the workbook's tables are the database's own, read in place (inPlace.ts).
 * It recomputes the scorecard with the
 * app's runner (src/app/scorecard) and prints
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
  // With a workbook, --engine postgres://… and no --data, its tables are the database's own.
  const inPlace = inPlaceFor(args, path) ?? undefined;
  try {
    return await runOn(args, path, auto, startEngine, io, inPlace);
  } finally {
    await inPlace?.close();
  }
}

async function runOn(
  args: ParsedArgs,
  path: string | undefined,
  auto: boolean,
  startEngine: () => Promise<Engine>,
  io: CliIO,
  inPlace: InPlace | undefined,
): Promise<number> {
  const format = (flag(args, 'format') ?? 'json') as RunFormat;
  const grain = flag(args, 'grain');
  const opened = await openInputs(args, path, auto, startEngine, io, inPlace);
  if (opened === null) return 2;
  const { session, scorecard: part } = opened;
  const settings =
    grain === undefined || grain === 'total' ? part.settings : { ...part.settings, grain: grain as Grain };
  const { tables, kpis } = opened;
  let view: ScorecardView | null;
  try {
    // With --engine URL, computed in that database: on its own tables, or on copies of the tables loaded here.
    const target =
      inPlace === undefined
        ? await targetFor(
            args,
            await opened.engine(),
            tables.map((t) => t.name),
          )
        : { engine: await opened.engine(), close: async () => undefined };
    try {
      const runner = createScorecardRunner({ engine: async () => target.engine });
      const run = await runner.run({ tables, relationships: session.mapping.links(), kpis, settings });
      view = run?.view ?? null;
    } finally {
      await target.close();
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.err(`error: the scorecard could not be computed: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (path === undefined && !auto && kpis.length === 0)
    io.err('note: no catalog KPI can be computed on these tables as loaded; add --map auto to map them.');
  if (grain === 'total') {
    const totals = view?.totals ?? {};
    io.out(totalsOutput(format, kpis, totals));
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
  const input = reportInput(opened.title, state);
  const outputs: Record<RunFormat, () => string> = {
    json: () => JSON.stringify(reportJson(input), null, 2),
    csv: () => reportCsv(input).replace(/\r\n$/, ''),
    md: () => reportMarkdown(input) + notesMarkdown(opened.notes, kpis, spanOfPeriods(state.periods)),
  };
  io.out(outputs[format]());
  // The report lists each failure; stderr says so too, and the status says whether anything ran.
  const failed = Object.keys(input.failures ?? {});
  if (failed.length === 0) return 0;
  const some = anyComputed(input);
  io.err(
    `${some ? 'warning' : 'error'}: ${failed.length} of ${input.kpis.length} KPIs could not be computed (${failed.join(', ')}); see the report.`,
  );
  return some ? 0 : 2;
}

const spanOfPeriods = (periods: readonly { start: string; end: string }[]) =>
  periods.length === 0 ? null : { from: periods[0].start, to: periods[periods.length - 1].end };
