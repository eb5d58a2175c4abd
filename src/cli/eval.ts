import { compileScorecard } from '../core/formula/compile';
import { hasErrors, renderDiagnostic } from '../core/formula/diagnostics';
import type { KpiDef, Schema } from '../core/formula/schema';
import { scorecardSchema } from '../core/model/scorecardSchema';
import type { CalendarKind, Grain } from '../core/sql/calendarSchema';
import type { Engine } from '../engine/engine';
import { engineDialect } from '../engine/engineDialect';
import { runScorecard, type ScorecardRow } from '../engine/scorecardRun';
import { checkKnown, flag, flags, oneOf, type ParsedArgs, UsageError } from './args';
import { evalInPlaceFor } from './inPlace';
import type { CliIO } from './io';
import { loadDataArgs } from './loadData';
import { autoMap, mapAuto, mappingSession, reachableTables, skippedNotes } from './mapSession';
import { formatRows, type OutputFormat } from './output';
import { parseColumnRef, parseRelationship, schemaFromImports } from './schemaFromImports';
import { TARGET_OPTIONS, targetFor } from './targetEngine';

/** `total`: the whole range, the range of equal length before it and the same range last year. */
const GRAINS: readonly (Grain | 'total')[] = ['day', 'week', 'month', 'quarter', 'year', 'total'];
const CALENDARS: readonly CalendarKind[] = ['gregorian', 'jalali'];
const FORMATS: readonly OutputFormat[] = ['json', 'csv', 'table'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const EVAL_OPTIONS = [
  'data',
  'rel',
  'grain',
  'calendar',
  'by',
  'from',
  'to',
  'time',
  'format',
  'sql',
  'kpi',
  'map',
  'table',
  ...TARGET_OPTIONS,
];

/** The formula argument, or several named ones (`--kpi win_rate=FORMULA`) evaluated in one query. */
function kpisFrom(args: ParsedArgs, time: string | undefined): KpiDef[] {
  const formula = args.positional.join(' ').trim();
  const named = flags(args, 'kpi').map((spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--kpi takes NAME=FORMULA; got “${spec}”.`);
    return {
      id: spec.slice(0, eq).trim(),
      label: spec.slice(0, eq).trim(),
      formula: spec.slice(eq + 1),
      timeColumn: time,
    };
  });
  if (formula !== '') named.unshift({ id: 'value', label: 'value', formula, timeColumn: time });
  if (named.length === 0)
    throw new UsageError('eval needs a formula, e.g. eval --data deals=deals.csv "SUM(deals.amount)".');
  return named;
}

function isoDate(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !ISO_DATE.test(value))
    throw new UsageError(`--${name} takes a date as YYYY-MM-DD; got “${value}”.`);
  return value;
}

/** `eval`: one formula over the loaded files, as one value or one row per period (and breakdown value). */
export async function evalCommand(
  args: ParsedArgs,
  startEngine: () => Promise<Engine>,
  io: CliIO,
): Promise<number> {
  checkKnown(args, EVAL_OPTIONS);
  const grain = oneOf('grain', flag(args, 'grain'), GRAINS);
  const calendar = oneOf('calendar', flag(args, 'calendar'), CALENDARS) ?? 'gregorian';
  const format = oneOf('format', flag(args, 'format'), FORMATS) ?? 'table';
  const byFlag = flag(args, 'by');
  const breakdown = byFlag === undefined ? null : parseColumnRef('by', byFlag);
  const time = flag(args, 'time');
  if (time !== undefined) parseColumnRef('time', time);
  const from = isoDate('from', flag(args, 'from'));
  const to = isoDate('to', flag(args, 'to'));
  const relationships = flags(args, 'rel').map(parseRelationship);
  const kpis = kpisFrom(args, time);
  const auto = mapAuto(flag(args, 'map'));
  const request = { kpis, grain, calendar, from, to, breakdown, format, sqlOnly: args.flags.has('sql') };

  // With --engine URL and --table NAME=SCHEMA.TABLE, the database's own tables, read in place.
  const inPlace = evalInPlaceFor(args);
  if (inPlace !== null) {
    if (auto)
      throw new UsageError(
        '--map auto maps files given with --data; a table read in place is read as it is.',
      );
    try {
      const engine = await inPlace.open();
      const schema = schemaFromImports(
        inPlace.tables().map((t) => ({ table: t.name, columns: t.columns })),
        relationships,
      );
      return await evalOn({ engine, close: async () => undefined }, schema, request, io);
    } finally {
      await inPlace.close();
    }
  }
  const imports = await loadDataArgs(startEngine, flags(args, 'data'));
  const engine = await startEngine();
  let schema = schemaFromImports(imports, relationships);
  if (auto) {
    // The app's suggestions applied as views; a formula names canonical or loaded tables.
    const session = mappingSession(engine, imports);
    const { tables } = await autoMap(session);
    for (const note of skippedNotes(tables)) io.err(note);
    schema = scorecardSchema(reachableTables(session), [...session.mapping.links(), ...relationships]);
  }
  // With --engine URL the tables are copied there and the formula compiled in its dialect.
  const target = await targetFor(
    args,
    engine,
    schema.tables.map((t) => t.name),
  );
  return evalOn(target, schema, request, io);
}

/** What eval computes, as read from its arguments. */
interface EvalRequest {
  kpis: KpiDef[];
  grain: Grain | 'total' | undefined;
  calendar: CalendarKind;
  from: string | undefined;
  to: string | undefined;
  breakdown: { table: string; column: string } | null;
  format: OutputFormat;
  /** --sql: print the query instead of running it. */
  sqlOnly: boolean;
}

/** Compiles the formulas in the target's dialect, runs them there and prints the rows; closes the target. */
async function evalOn(
  target: { engine: Engine; close(): Promise<void> },
  schema: Schema,
  request: EvalRequest,
  io: CliIO,
): Promise<number> {
  const { kpis, grain, calendar, from, to, breakdown, format } = request;
  let ran: ScorecardRow[];
  try {
    const compiled = compileScorecard({
      kpis,
      schema,
      grain: grain === undefined || grain === 'total' ? null : grain,
      totals: grain === 'total',
      calendar,
      from,
      to,
      breakdown,
      dialect: engineDialect(target.engine),
    });
    for (const d of compiled.diagnostics) {
      const source = kpis.find((k) => k.id === d.kpiId)?.formula ?? kpis[0].formula;
      io.err(renderDiagnostic(source, d));
    }
    if (hasErrors(compiled.diagnostics)) return 2;
    if (request.sqlOnly) {
      io.out(compiled.sql);
      return 0;
    }
    ran = await runScorecard(target.engine, compiled);
  } finally {
    await target.close();
  }
  // The whole range first, then what it is compared with.
  const order = ['total', 'previous', 'last_year'];
  const rows =
    grain === 'total'
      ? [...ran].sort((a, b) => order.indexOf(a.range ?? '') - order.indexOf(b.range ?? ''))
      : ran;
  const ids = kpis.map((k) => k.id);
  if (grain === undefined && breakdown === null && ids.length === 1) {
    const value = rows[0]?.values[ids[0]] ?? null;
    io.out(format === 'json' ? JSON.stringify({ value }) : value === null ? '' : String(value));
    return 0;
  }
  // Columns present: period with a grain (the range and its dates for `total`), by with a breakdown, and the value.
  const columns = [
    ...(grain === 'total'
      ? ([
          ['range', (r: ScorecardRow) => r.range],
          ['from', (r: ScorecardRow) => r.periodStart],
          ['to', (r: ScorecardRow) => r.periodEnd],
        ] as const)
      : grain === undefined
        ? []
        : [['period', (r: ScorecardRow) => r.period] as const]),
    ...(breakdown === null ? [] : [['by', (r: ScorecardRow) => r.by] as const]),
    ...ids.map((id) => [id, (r: ScorecardRow) => r.values[id] ?? null] as const),
  ];
  if (format === 'json') {
    const out = rows.map((r) => Object.fromEntries(columns.map(([name, get]) => [name, get(r)])));
    io.out(JSON.stringify({ rows: out }));
    return 0;
  }
  const header = columns.map(([name]) => name);
  const cells = rows.map((r) => columns.map(([, get]) => get(r)));
  io.out(formatRows(format, header, cells));
  return 0;
}
