import { describe, expect, it } from 'vitest';
import { type DailyValue, type PaceInput, paceOf, weekdayWeights } from '../../../src/core/kpi/pace';

/** Daily values from `from` for `days` days, each given by its weekday (0 = Sunday). */
function daily(from: string, days: number, byWeekday: (w: number) => number | null): DailyValue[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(start + i * 86_400_000);
    return { date: at.toISOString().slice(0, 10), value: byWeekday(at.getUTCDay()) };
  });
}

const weekdaysOnly = (w: number) => (w === 0 || w === 6 ? 0 : 10);
// February 2027 is four whole weeks, Monday 1 to Sunday 28; March 2027 starts on a Monday.
const FEBRUARY = daily('2027-02-01', 28, weekdaysOnly);

const march = (over: Partial<PaceInput> = {}): PaceInput => ({
  start: '2027-03-01',
  end: '2027-03-31',
  today: '2027-03-10',
  method: 'run-rate',
  direction: 'up',
  // Eight weekdays (1–5, 8–10 March) at 10 a day.
  value: 80,
  previous: 70,
  lastYear: 100,
  target: null,
  history: FEBRUARY,
  ...over,
});

describe('weekdayWeights', () => {
  it('gives each weekday its share of an average day', () => {
    const w = weekdayWeights(FEBRUARY);
    // 50 a week is 50/7 a day: a weekday is 10 / (50/7) = 1.4 days, a weekend day none.
    expect(w[0]).toBe(0);
    expect(w[6]).toBe(0);
    for (const d of [1, 2, 3, 4, 5]) expect(w[d]).toBeCloseTo(1.4, 10);
  });

  it('counts a blank day of a flow as zero, and weighs all days alike with nothing learnt', () => {
    const blankWeekends = daily('2027-02-01', 28, (w) => (w === 0 || w === 6 ? null : 10));
    expect(weekdayWeights(blankWeekends)).toEqual(weekdayWeights(FEBRUARY));
    expect(weekdayWeights([])).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(weekdayWeights(daily('2027-02-01', 14, () => null))).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('paceOf', () => {
  it('projects a flow by its weekday-weighted run rate', () => {
    const p = paceOf(march());
    expect(p.daysElapsed).toBe(10);
    expect(p.daysInPeriod).toBe(31);
    // March has 23 weekdays, 8 of them done: 80 × 23 / 8, not the flat 80 × 31 / 10 = 248.
    expect(p.projection).toBeCloseTo(230, 10);
    expect(p.previous.change).toBe(10);
    expect(p.lastYear.change).toBe(-20);
  });

  it('learns a heavier Monday', () => {
    const mondays = daily('2027-02-01', 28, (w) => (w === 1 ? 30 : w === 0 || w === 6 ? 0 : 10));
    // Done: Mondays 1 and 8 (30 each) and six other weekdays (10 each) = 120, weighing 2×3 + 6×1 = 12.
    // The month: five Mondays (15) and 18 other weekdays (18) weigh 33; 120 × 33 / 12 = 330,
    // which is 5 × 30 + 18 × 10 exactly.
    expect(paceOf(march({ value: 120, history: mondays })).projection).toBeCloseTo(330, 10);
  });

  it('weighs every day alike without a history', () => {
    expect(paceOf(march({ history: [] })).projection).toBeCloseTo(248, 10);
  });

  it('counts days alike when only days that weigh nothing are done', () => {
    // May 2027 starts on a Saturday: two weekend days done, 12 sold anyway.
    const p = paceOf(march({ start: '2027-05-01', end: '2027-05-31', today: '2027-05-02', value: 12 }));
    expect(p.projection).toBeCloseTo((12 * 31) / 2, 10);
  });

  it('keeps a rate where it stands', () => {
    const p = paceOf(march({ method: 'to-date', value: 0.25, previous: 0.2, target: 0.3 }));
    expect(p.projection).toBe(0.25);
    expect(p.status).toBe('off-pace');
    expect(p.gap).toBeCloseTo(-0.05, 10);
  });

  it('judges the projection against the target for the direction', () => {
    expect(paceOf(march({ target: 230 })).status).toBe('met');
    // 10 short of 240 is within 5 % of it (12).
    expect(paceOf(march({ target: 240 })).status).toBe('at-risk');
    expect(paceOf(march({ target: 240 })).gap).toBeCloseTo(-10, 10);
    expect(paceOf(march({ target: 300 })).status).toBe('off-pace');
    expect(paceOf(march({ target: 240, direction: 'down' })).status).toBe('met');
    expect(paceOf(march({ target: 200, direction: 'down' })).status).toBe('off-pace');
    expect(paceOf(march({ target: 240, direction: 'context' })).status).toBeNull();
    expect(paceOf(march()).status).toBeNull();
  });

  it('has no value, projection or status for a period with no days yet, or a blank one', () => {
    const none = paceOf(march({ today: '2027-02-28', target: 100 }));
    expect(none.daysElapsed).toBe(0);
    expect([none.value, none.projection, none.status, none.previous.change]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const blank = paceOf(march({ value: null, target: 100 }));
    expect([blank.projection, blank.status, blank.lastYear.change]).toEqual([null, null, null]);
  });
});
