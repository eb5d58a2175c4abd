import { explainChange } from '../app/contribution';
import type { WorkbookKpi } from '../app/scorecard/workbookKpis';
import type { SegmentEffect } from '../core/analysis/contribution';
import { type PeriodChoice, parsePeriodChoice } from '../core/analysis/contributionPeriods';
import type { ExplainResult } from '../core/analysis/explain';
import { renderDiagnostic } from '../core/formula/diagnostics';
import { kpiLabelIn } from '../core/kpi/catalogFa';
import { scorecardSchema } from '../core/model/scorecardSchema';
import { CALENDARS, type CalendarKind, GRAINS, type Grain } from '../core/sql/calendarSchema';
import type { Engine } from '../engine/engine';
import type { Cell } from '../engine/rows';
import { explainSentence } from '../i18n/explainSentence';
import { LOCALES, type Locale, type LocaleSettings } from '../i18n/locale';
import { tIn } from '../i18n/t';
import { checkKnown, flag, flags, oneOf, type ParsedArgs, UsageError } from './args';
import { type InPlace, inPlaceFor } from './inPlace';
import type { CliIO } from './io';
import { mapAuto } from './mapSession';
import { openInputs } from './openInputs';
import { formatRows } from './output';
import { parseColumnRef } from './schemaFromImports';
import { TARGET_OPTIONS, targetFor } from './targetEngine';

const EXPLAIN_OPTIONS = [
  'by',
  'period',
  'grain',
  'calendar',
  'data',
  'map',
  'top',
  'format',
  'lang',
  'table',
  ...TARGET_OPTIONS,
];
const FORMATS = ['table', 'json', 'csv'] as const;

/** The KPI named on the command line: its id, or its label ignoring case. */
function findKpi(kpis: readonly WorkbookKpi[], name: string): WorkbookKpi | undefined {
  return kpis.find((k) => k.id === name) ?? kpis.find((k) => k.label.toLowerCase() === name.toLowerCase());
}

function segmentCell(e: SegmentEffect, locale: Locale): string {
  if (e.others > 0) return tIn(locale, 'explain.others', { count: e.others });
  return e.segment ?? tIn(locale, 'explain.blank');
}

/** The ranked table: a ratio's rates, shares, mix and rate effects; a sum's values and change. */
function table(
  r: Extract<ExplainResult, { t: 'explained' }>,
  locale: Locale,
): { header: string[]; rows: Cell[][] } {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);
  if (r.shape === 'additive')
    return {
      header: ['segment', r.a.label, r.b.label, 'change'],
      rows: r.segments.map((e) => [segmentCell(e, locale), round(e.a), round(e.b), round(e.total)]),
    };
  return {
    header: [
      'segment',
      `rate ${r.a.label}`,
      `rate ${r.b.label}`,
      'share_a',
      'share_b',
      'mix',
      'rate',
      'total',
    ],
    rows: r.segments.map((e) => [
      segmentCell(e, locale),
      round(e.a),
      round(e.b),
      round(e.shareA),
      round(e.shareB),
      round(e.mix),
      round(e.rate),
      round(e.total),
    ]),
  };
}

/** The request as the command line gave it, checked. */
interface ExplainArgs {
  kpiName: string;
  path: string | undefined;
  by: { table: string; column: string };
  period: PeriodChoice;
  grainFlag: Grain | undefined;
  calendarFlag: CalendarKind | undefined;
  format: (typeof FORMATS)[number];
  locale: Locale;
  top: number;
  auto: boolean;
}

/** The command line read and checked: a usage error names what is wrong. */
function explainArgs(args: ParsedArgs): ExplainArgs {
  const [kpiName, path, ...extra] = args.positional;
  if (kpiName === undefined || extra.length > 0)
    throw new UsageError(
      'explain takes a KPI and at most one workbook file (explain win_rate --by customers.segment sales.shakhes).',
    );
  const byFlag = flag(args, 'by');
  if (byFlag === undefined)
    throw new UsageError('explain needs --by TABLE.COLUMN, the dimension to split the change by.');
  const by = parseColumnRef('by', byFlag);
  const periodText = flag(args, 'period') ?? 'latest';
  const period = parsePeriodChoice(periodText);
  if (period === null)
    throw new UsageError(
      `--period takes latest, yoy or two ISO ranges A..B (2024-01-01/2024-03-31..2024-04-01/2024-06-30); got “${periodText}”.`,
    );
  const grainFlag = oneOf('grain', flag(args, 'grain'), GRAINS);
  const calendarFlag = oneOf('calendar', flag(args, 'calendar'), CALENDARS);
  const format = oneOf('format', flag(args, 'format'), FORMATS) ?? 'table';
  const locale = oneOf('lang', flag(args, 'lang'), LOCALES) ?? 'en';
  const topText = flag(args, 'top') ?? '8';
  const top = Number(topText);
  if (!Number.isInteger(top) || top < 1)
    throw new UsageError(`--top takes a whole number of at least 1; got “${topText}”.`);
  const auto = mapAuto(flag(args, 'map'));
  if (path === undefined && flags(args, 'data').length === 0)
    throw new UsageError('explain needs a workbook file or data files (--data deals=deals.csv --map auto).');
  return { kpiName, path, by, period, grainFlag, calendarFlag, format, locale, top, auto };
}

/**
 * `explain KPI --by TABLE.COLUMN`: why a KPI changed between two periods, split by the
 * segments of a dimension (src/core/analysis/contribution.ts), as a ranked table and a
 * sentence. The workbook (or the data files alone) opens as `run` opens it, and with
 * `--engine URL` the change is computed in that database as `run` computes there.
 */
export async function explainCommand(
  args: ParsedArgs,
  startEngine: () => Promise<Engine>,
  io: CliIO,
): Promise<number> {
  checkKnown(args, EXPLAIN_OPTIONS);
  const a = explainArgs(args);
  const inPlace = inPlaceFor(args, a.path) ?? undefined;
  try {
    return await explainOn(args, a, startEngine, io, inPlace);
  } finally {
    await inPlace?.close();
  }
}

/**
 * Runs `work` on the engine the numbers are computed in: the database's own tables read
 * in place, copies of the tables DuckDB loaded in the database `--engine` names, or DuckDB.
 */
async function onTarget<T>(
  args: ParsedArgs,
  opened: { engine(): Promise<Engine>; tables: readonly { name: string }[] },
  inPlace: InPlace | undefined,
  work: (engine: Engine) => Promise<T>,
): Promise<T> {
  const engine = await opened.engine();
  const target =
    inPlace === undefined
      ? await targetFor(
          args,
          engine,
          opened.tables.map((t) => t.name),
        )
      : { engine, close: async () => undefined };
  try {
    return await work(target.engine);
  } finally {
    await target.close();
  }
}

async function explainOn(
  args: ParsedArgs,
  a: ExplainArgs,
  startEngine: () => Promise<Engine>,
  io: CliIO,
  inPlace: InPlace | undefined,
): Promise<number> {
  const { kpiName, by, period, grainFlag, calendarFlag, format, locale, top } = a;
  const opened = await openInputs(args, a.path, a.auto, startEngine, io, inPlace);
  if (opened === null) return 2;
  const { session, kpis } = opened;
  const { mapping } = session;
  const { settings } = opened.scorecard;
  const kpi = findKpi(kpis, kpiName);
  const ui: LocaleSettings = {
    locale,
    persianDigits: true,
    calendar: settings.calendar,
    currency: settings.currency,
  };
  if (kpi === undefined) {
    io.err(
      `error: ${tIn(locale, 'explain.unknownKpi', { kpi: kpiName })} (${kpis.map((k) => k.id).join(', ')})`,
    );
    return 2;
  }
  const label = kpiLabelIn(locale, kpi);
  const result = await onTarget(args, opened, inPlace, (engine) =>
    explainChange(engine, {
      kpiId: kpi.id,
      // A workbook KPI is a KPI definition with more besides.
      kpis,
      schema: scorecardSchema(mapping.scorecardTables(), mapping.links()),
      by,
      period,
      grain: grainFlag ?? settings.grain,
      calendar: calendarFlag ?? settings.calendar,
      top,
    }),
  );
  if (result.t === 'formula') {
    for (const d of result.diagnostics) io.err(renderDiagnostic(kpi.formula, d));
    return 2;
  }
  if (result.t !== 'explained') {
    const key = {
      'unknown-kpi': 'explain.unknownKpi',
      'not-decomposable': 'explain.notDecomposable',
      'no-period': 'explain.noPeriod',
    } as const;
    io.err(`error: ${tIn(locale, key[result.t], { kpi: label })}`);
    return 2;
  }
  const sentence = explainSentence(
    {
      kpi: label,
      a: result.a.label,
      b: result.b.label,
      contribution: result,
      percent: kpi.format === 'percent',
    },
    ui,
    { isolate: locale === 'fa' },
  );
  if (format === 'json') {
    const { t: _, ...rest } = result;
    io.out(
      JSON.stringify({ kpi: kpi.id, by: `${by.table}.${by.column}`, ...rest, summary: sentence }, null, 2),
    );
    return 0;
  }
  const { header, rows } = table(result, locale);
  io.out(formatRows(format, header, rows));
  if (format === 'csv') io.err(sentence);
  else io.out(`\n${sentence}`);
  return 0;
}
