import { d2j, j2d } from 'jalaali-js';
import { CALENDAR_DAY } from './calendarSchema';
import type { Dialect } from './dialect';

/** Julian day number of 1970-01-01, to move between epoch days and jalaali-js. */
const JDN_EPOCH = 2440588;
const DAY_MS = 86_400_000;

const isoOfJdn = (jdn: number) => new Date((jdn - JDN_EPOCH) * DAY_MS).toISOString().slice(0, 10);
const jdnOfIso = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS) + JDN_EPOCH;

/**
 * First day of each Jalali year around [from, to], with the next year's and the previous
 * year's: the one thing about the Solar Hijri calendar no engine knows (leap years follow
 * the astronomical equinox). Everything else follows from day-of-year arithmetic in SQL.
 */
function jalaliYears(from: string, to: string) {
  const first = d2j(jdnOfIso(from)).jy - 1;
  const last = d2j(jdnOfIso(to)).jy + 1;
  const out: { jy: number; start: string; next: string; prev: string }[] = [];
  for (let jy = first; jy <= last; jy++)
    out.push({
      jy,
      start: isoOfJdn(j2d(jy, 1, 1)),
      next: isoOfJdn(j2d(jy + 1, 1, 1)),
      prev: isoOfJdn(j2d(jy - 1, 1, 1)),
    });
  return out;
}

const COLUMN_TYPE = (name: string) =>
  name.endsWith('_start') ? 'date' : name.endsWith('_label') ? 'text' : 'integer';

/**
 * The SELECT of the calendar table (calendarSchema.ts) over [from, to], in any dialect:
 * one row per day with every period column of both calendars. Jalali months 1–6 have
 * 31 days and 7–11 have 30, so month, day and season follow from the day of the year;
 * Iranian weeks start on Saturday and belong to the Jalali year of that Saturday.
 */
export function calendarSelect(d: Dialect, from: string, to: string): string {
  const q = (s: string) => d.quoteIdent(s);
  const int = (s: string) => d.cast(s, 'integer');
  const text = (s: string) => d.cast(s, 'text');
  const lit = (s: string) => d.stringLiteral(s);
  const pad2 = (x: string) => d.padNumber(x, 2);
  const day = q(CALENDAR_DAY);
  const years = jalaliYears(from, to)
    .map(
      (y) =>
        `SELECT ${int(String(y.jy))} AS jy, ${d.dateLiteral(y.start)} AS js, ${d.dateLiteral(y.next)} AS jn, ${d.dateLiteral(y.prev)} AS jp`,
    )
    .join(' UNION ALL ');
  const part = (p: Parameters<Dialect['datePart']>[0]) => d.datePart(p, day);
  const [y, m, dd, qt, iy, iw, idow] = [
    part('year'),
    part('month'),
    part('day'),
    part('quarter'),
    part('isoYear'),
    part('isoWeek'),
    part('isoDayOfWeek'),
  ];
  // Layer 1: the Jalali year of each day and the day of that year.
  const base = [
    `SELECT x.${day} AS ${day}, y.jy AS jy, y.js AS js, y.jp AS jp, ${int(`${d.daysBetween('y.js', `x.${day}`)} + 1`)} AS jdoy`,
    `FROM (${d.daySeries(from, to, CALENDAR_DAY)}) AS x CROSS JOIN (${years}) AS y`,
    `WHERE x.${day} >= y.js AND x.${day} < y.jn`,
  ].join('\n');
  // Layer 2: month, day of month and the week's Saturday.
  const firstHalf = 'b.jdoy <= 186';
  const month = `CASE WHEN ${firstHalf} THEN ${d.intDiv('b.jdoy - 1', '31')} + 1 ELSE ${d.intDiv('b.jdoy - 187', '30')} + 7 END`;
  const dom = `CASE WHEN ${firstHalf} THEN (b.jdoy - 1) % 31 + 1 ELSE (b.jdoy - 187) % 30 + 1 END`;
  const sinceSaturday = `(${d.datePart('isoDayOfWeek', `b.${day}`)} + 1) % 7`;
  const withMonth = [
    `SELECT b.*, ${int(month)} AS jm, ${int(dom)} AS jd, ${d.addDays(`b.${day}`, `0 - ${sinceSaturday}`)} AS ws`,
    `FROM (${base}) AS b`,
  ].join('\n');
  // Layer 3: the week's Jalali year and number (a Saturday before Nowruz is last year's week).
  const inYear = 'w.ws >= w.js';
  const withWeek = [
    `SELECT w.*, ${int(`CASE WHEN ${inYear} THEN w.jy ELSE w.jy - 1 END`)} AS jwy,`,
    `  ${int(`${d.intDiv(d.daysBetween(`CASE WHEN ${inYear} THEN w.js ELSE w.jp END`, 'w.ws'), '7')} + 1`)} AS jwn`,
    `FROM (${withMonth}) AS w`,
  ].join('\n');
  const season = d.intDiv('jm - 1', '3');
  const cols: [string, string][] = [
    ['g_day_start', day],
    ['g_day_label', d.concat([text(y), lit('-'), pad2(m), lit('-'), pad2(dd)])],
    ['g_day_ord', `${y} * 10000 + ${m} * 100 + ${dd}`],
    ['g_day_year', y],
    ['g_week_start', d.addDays(day, `1 - ${idow}`)],
    ['g_week_label', d.concat([text(iy), lit('-W'), pad2(iw)])],
    ['g_week_ord', `${iy} * 10000 + ${iw}`],
    ['g_week_year', iy],
    ['g_month_start', d.makeDate(y, m, '1')],
    ['g_month_label', d.concat([text(y), lit('-'), pad2(m)])],
    ['g_month_ord', `${y} * 10000 + ${m}`],
    ['g_month_year', y],
    ['g_quarter_start', d.makeDate(y, `(${qt} - 1) * 3 + 1`, '1')],
    ['g_quarter_label', d.concat([text(y), lit('-Q'), text(qt)])],
    ['g_quarter_ord', `${y} * 10000 + ${qt}`],
    ['g_quarter_year', y],
    ['g_year_start', d.makeDate(y, '1', '1')],
    ['g_year_label', text(y)],
    ['g_year_ord', `${y} * 10000`],
    ['g_year_year', y],
    ['j_day_start', day],
    ['j_day_label', d.concat([text('jy'), lit('-'), pad2('jm'), lit('-'), pad2('jd')])],
    ['j_day_ord', 'jy * 10000 + jm * 100 + jd'],
    ['j_day_year', 'jy'],
    ['j_week_start', 'ws'],
    ['j_week_label', d.concat([text('jwy'), lit('-W'), pad2('jwn')])],
    ['j_week_ord', 'jwy * 10000 + jwn'],
    ['j_week_year', 'jwy'],
    ['j_month_start', d.addDays(day, '1 - jd')],
    ['j_month_label', d.concat([text('jy'), lit('-'), pad2('jm')])],
    ['j_month_ord', 'jy * 10000 + jm'],
    ['j_month_year', 'jy'],
    // Each season starts on a fixed day of the year: 1, 94, 187, 277.
    [
      'j_quarter_start',
      d.addDays(day, `0 - (jdoy - CASE ${season} WHEN 0 THEN 1 WHEN 1 THEN 94 WHEN 2 THEN 187 ELSE 277 END)`),
    ],
    ['j_quarter_label', d.concat([text('jy'), lit('-Q'), text(`${season} + 1`)])],
    ['j_quarter_ord', `jy * 10000 + ${season} + 1`],
    ['j_quarter_year', 'jy'],
    ['j_year_start', 'js'],
    ['j_year_label', text('jy')],
    ['j_year_ord', 'jy * 10000'],
    ['j_year_year', 'jy'],
  ];
  return [
    `SELECT ${day}, ${cols.map(([name, sql]) => `${d.cast(sql, COLUMN_TYPE(name))} AS ${q(name)}`).join(',\n  ')}`,
    `FROM (${withWeek}) AS cal`,
  ].join('\n');
}
