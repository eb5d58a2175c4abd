import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { d2j, j2d } from 'jalaali-js';
import { CALENDAR_DAY, CALENDAR_TABLE } from '../core/sql/calendarSchema';
import { duckdb } from '../core/sql/dialect';
import { dropSql } from '../core/sql/tableDdl';
import type { Engine } from './engine';
import { engineRoot } from './engineRoot';

/** Julian day number of 1970-01-01, to move between epoch days and jalaali-js. */
const JDN_EPOCH = 2440588;
const DAY_MS = 86_400_000;

const covered = new WeakMap<Engine, { from: number; to: number }>();

function epochDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Jalali fields of each day, computed in JS because DuckDB has no Solar Hijri calendar. */
function jalaliColumns(from: number, to: number) {
  const n = to - from + 1;
  const cols = {
    day: new Int32Array(n),
    jy: new Int32Array(n),
    jm: new Int32Array(n),
    jd: new Int32Array(n),
    jdoy: new Int32Array(n),
    jwy: new Int32Array(n),
    jwn: new Int32Array(n),
  };
  const yearStart = new Map<number, number>();
  const startOf = (jy: number) => {
    let s = yearStart.get(jy);
    if (s === undefined) {
      s = j2d(jy, 1, 1);
      yearStart.set(jy, s);
    }
    return s;
  };
  for (let i = 0; i < n; i++) {
    const day = from + i;
    const jdn = JDN_EPOCH + day;
    const j = d2j(jdn);
    cols.day[i] = day;
    cols.jy[i] = j.jy;
    cols.jm[i] = j.jm;
    cols.jd[i] = j.jd;
    cols.jdoy[i] = jdn - startOf(j.jy) + 1;
    // Iranian weeks start on Saturday; 1970-01-01 was a Thursday (day-of-week 4, Sunday = 0).
    const sinceSaturday = (((day + 4) % 7) + 7 + 1) % 7;
    const ws = jdn - sinceSaturday;
    const wj = d2j(ws);
    cols.jwy[i] = wj.jy;
    cols.jwn[i] = Math.floor((ws - startOf(wj.jy)) / 7) + 1;
  }
  return cols;
}

const q = (s: string) => duckdb.quoteIdent(s);
const pad2 = (x: string) => `lpad(CAST(${x} AS VARCHAR), 2, '0')`;

/** SQL for every period column of both calendars, from `d` and the Jalali fields. */
function calendarSelect(source: string): string {
  const d = q(CALENDAR_DAY);
  const cols: [string, string][] = [
    ['g_day_start', d],
    ['g_day_label', `strftime(${d}, '%Y-%m-%d')`],
    ['g_day_ord', `year(${d}) * 10000 + month(${d}) * 100 + day(${d})`],
    ['g_day_year', `year(${d})`],
    ['g_week_start', `CAST(${d} - CAST(isodow(${d}) - 1 AS INTEGER) AS DATE)`],
    ['g_week_label', `CAST(isoyear(${d}) AS VARCHAR) || '-W' || ${pad2(`week(${d})`)}`],
    ['g_week_ord', `isoyear(${d}) * 10000 + week(${d})`],
    ['g_week_year', `isoyear(${d})`],
    ['g_month_start', `CAST(${d} - CAST(day(${d}) - 1 AS INTEGER) AS DATE)`],
    ['g_month_label', `strftime(${d}, '%Y-%m')`],
    ['g_month_ord', `year(${d}) * 10000 + month(${d})`],
    ['g_month_year', `year(${d})`],
    ['g_quarter_start', `make_date(year(${d}), (quarter(${d}) - 1) * 3 + 1, 1)`],
    ['g_quarter_label', `CAST(year(${d}) AS VARCHAR) || '-Q' || CAST(quarter(${d}) AS VARCHAR)`],
    ['g_quarter_ord', `year(${d}) * 10000 + quarter(${d})`],
    ['g_quarter_year', `year(${d})`],
    ['g_year_start', `make_date(year(${d}), 1, 1)`],
    ['g_year_label', `CAST(year(${d}) AS VARCHAR)`],
    ['g_year_ord', `year(${d}) * 10000`],
    ['g_year_year', `year(${d})`],
    ['j_day_start', d],
    ['j_day_label', `CAST(jy AS VARCHAR) || '-' || ${pad2('jm')} || '-' || ${pad2('jd')}`],
    ['j_day_ord', 'jy * 10000 + jm * 100 + jd'],
    ['j_day_year', 'jy'],
    ['j_week_start', `CAST(${d} - CAST((dayofweek(${d}) + 1) % 7 AS INTEGER) AS DATE)`],
    ['j_week_label', `CAST(jwy AS VARCHAR) || '-W' || ${pad2('jwn')}`],
    ['j_week_ord', 'jwy * 10000 + jwn'],
    ['j_week_year', 'jwy'],
    ['j_month_start', `CAST(${d} - CAST(jd - 1 AS INTEGER) AS DATE)`],
    ['j_month_label', `CAST(jy AS VARCHAR) || '-' || ${pad2('jm')}`],
    ['j_month_ord', 'jy * 10000 + jm'],
    ['j_month_year', 'jy'],
    // Jalali seasons: months 1–6 have 31 days, 7–11 have 30, so each season starts on a fixed day of the year.
    [
      'j_quarter_start',
      `CAST(${d} - CAST(jdoy - CASE (jm - 1) // 3 WHEN 0 THEN 1 WHEN 1 THEN 94 WHEN 2 THEN 187 ELSE 277 END AS INTEGER) AS DATE)`,
    ],
    ['j_quarter_label', `CAST(jy AS VARCHAR) || '-Q' || CAST((jm - 1) // 3 + 1 AS VARCHAR)`],
    ['j_quarter_ord', 'jy * 10000 + (jm - 1) // 3 + 1'],
    ['j_quarter_year', 'jy'],
    ['j_year_start', `CAST(${d} - CAST(jdoy - 1 AS INTEGER) AS DATE)`],
    ['j_year_label', 'CAST(jy AS VARCHAR)'],
    ['j_year_ord', 'jy * 10000'],
    ['j_year_year', 'jy'],
  ];
  return [
    `SELECT ${d}, ${cols.map(([name, sql]) => `CAST(${sql} AS ${name.endsWith('_start') ? 'DATE' : name.endsWith('_label') ? 'VARCHAR' : 'INTEGER'}) AS ${q(name)}`).join(',\n  ')}`,
    `FROM (SELECT CAST(DATE '1970-01-01' + "day" AS DATE) AS ${d}, * FROM ${q(source)})`,
  ].join('\n');
}

/** (Re)builds `_calendar` with one row per day from `from` to `to` (ISO dates, inclusive). */
async function buildCalendar(engine: Engine, from: string, to: string): Promise<void> {
  const a = epochDay(from);
  const b = epochDay(to);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a)
    throw new Error(`Bad calendar range ${from}..${to}`);
  // A name of its own per build: a build on another wrapper of the same database must not
  // find (or drop) this one's staging table.
  const staging = `${CALENDAR_TABLE}_jalali_${crypto.randomUUID().replaceAll('-', '')}`;
  const ipc = tableToIPC(tableFromArrays(jalaliColumns(a, b)), 'stream');
  await engine.query(dropSql(staging));
  await engine.insertArrowIPC(staging, ipc);
  await engine.query(`CREATE OR REPLACE TABLE ${q(CALENDAR_TABLE)} AS ${calendarSelect(staging)}`);
  await engine.query(dropSql(staging));
  covered.set(engineRoot(engine), { from: a, to: b });
}

/** Sensible default span: wide enough for most CRM histories, small enough to build in milliseconds. */
const DEFAULT_FROM = '2000-01-01';
const DEFAULT_TO = '2040-12-31';
const MARGIN_DAYS = 2 * 366;

/** Calendar work per database (engineRoot), one after another. */
const chains = new WeakMap<Engine, Promise<void>>();

/**
 * Makes sure `_calendar` covers [from, to] (with a margin), building or widening it when
 * needed. Calls are queued per database: a scorecard and a notebook asking at the same
 * time would otherwise both build, and one would find the other's staging table.
 */
export function ensureCalendar(engine: Engine, from?: string | null, to?: string | null): Promise<void> {
  const run = async () => {
    const want = {
      from: Math.min(epochDay(DEFAULT_FROM), from ? epochDay(from) - MARGIN_DAYS : Number.POSITIVE_INFINITY),
      to: Math.max(epochDay(DEFAULT_TO), to ? epochDay(to) + MARGIN_DAYS : Number.NEGATIVE_INFINITY),
    };
    const have = covered.get(engineRoot(engine));
    if (have !== undefined && have.from <= want.from && have.to >= want.to) return;
    const span =
      have === undefined ? want : { from: Math.min(have.from, want.from), to: Math.max(have.to, want.to) };
    await buildCalendar(engine, isoOf(span.from), isoOf(span.to));
  };
  const root = engineRoot(engine);
  const next = (chains.get(root) ?? Promise.resolve()).then(run, run);
  chains.set(
    root,
    next.catch(() => undefined),
  );
  return next;
}
