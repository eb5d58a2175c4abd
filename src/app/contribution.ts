import { type ContributionRow, decompose } from '../core/analysis/contribution';
import { choicePeriodsSql } from '../core/analysis/contributionPeriods';
import { CONTRIBUTION_COLUMNS, contributionSql, planContribution } from '../core/analysis/contributionQuery';
import type { ExplainedPeriod, ExplainRequest, ExplainResult } from '../core/analysis/explain';
import type { DateSpan } from '../core/kpi/dateRange';
import { ensureCalendar } from '../engine/calendar';
import type { Engine, QueryOptions } from '../engine/engine';
import { engineDialect } from '../engine/engineDialect';
import { plainColumn } from '../engine/rows';

const DAY_MS = 86_400_000;
const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The latest period holding the KPI's last date, and the one it is compared with. */
async function choicePeriods(
  engine: Engine,
  req: ExplainRequest,
  lastDateSql: string,
  options?: QueryOptions,
): Promise<{ a: ExplainedPeriod; b: ExplainedPeriod } | null> {
  if (req.period.t === 'ranges') {
    const label = (s: DateSpan) => (s.from === s.to ? s.from : `${s.from}/${s.to}`);
    return {
      a: { ...req.period.a, label: label(req.period.a) },
      b: { ...req.period.b, label: label(req.period.b) },
    };
  }
  const [hi] = plainColumn(await engine.query(lastDateSql, options), 'hi');
  if (typeof hi !== 'string') return null;
  // Two years back covers a year-ago period whole; a year on, the latest period's true end.
  await ensureCalendar(engine, shift(hi, -800), shift(hi, 400));
  const sql = choicePeriodsSql(req.period.t, req.grain, req.calendar, hi, engineDialect(engine));
  const t = await engine.query(sql, options);
  const [sides, starts, ends, labels] = ['side', 'period_start', 'period_end', 'period'].map((c) =>
    plainColumn(t, c),
  );
  const at = (side: string): ExplainedPeriod | null => {
    const i = sides.indexOf(side);
    return i < 0 ? null : { from: String(starts[i]), to: String(ends[i]), label: String(labels[i]) };
  };
  const [a, b] = [at('a'), at('b')];
  return a === null || b === null ? null : { a, b };
}

/**
 * Explains a KPI's change between two periods by one dimension: resolves the periods,
 * runs the one contribution query and splits the change (src/core/analysis/contribution.ts).
 * Every query is written in the engine's own dialect.
 */
export async function explainChange(
  engine: Engine,
  req: ExplainRequest,
  options?: QueryOptions,
): Promise<ExplainResult> {
  const plan = planContribution(req, engineDialect(engine));
  if (plan.t !== 'plan') return plan;
  const periods = await choicePeriods(engine, req, plan.lastDateSql, options);
  if (periods === null) return { t: 'no-period', kpi: req.kpiId };
  const t = await engine.query(contributionSql(plan, periods.a, periods.b), options);
  const C = CONTRIBUTION_COLUMNS;
  const [side, segment, numerator, denominator] = [C.side, C.segment, C.numerator, C.denominator].map((c) =>
    plainColumn(t, c),
  );
  const rows: ContributionRow[] = side.map((s, i) => ({
    side: s === 'a' ? 'a' : 'b',
    segment: segment[i] === null ? null : String(segment[i]),
    numerator: typeof numerator[i] === 'number' ? numerator[i] : null,
    denominator: typeof denominator[i] === 'number' ? denominator[i] : null,
  }));
  return { t: 'explained', ...periods, ...decompose(rows, plan.shape, req.top) };
}
