import { describe, expect, it } from 'vitest';
import type { PeriodValue } from '../../../src/core/kpi/evaluate';
import { leastSquares, projectBreach, trendSql } from '../../../src/core/kpi/forecastLine';
import { kriState } from '../../../src/core/kpi/kri';
import { dialectNamed } from '../../../src/core/sql/dialects/registry';

const series = (values: (number | null)[]): PeriodValue[] =>
  values.map((value, i) => ({ period: `P${i}`, value }));

describe('leastSquares', () => {
  it('fits the hand-computed line', () => {
    // x 0..3, y 1, 3, 2, 4: mean x 1.5, mean y 2.5, Sxy = 2.25 − 0.25 − 0.25 + 2.25 = 4, Sxx = 5 → slope 0.8, intercept 2.5 − 1.2 = 1.3.
    const fit = leastSquares(series([1, 3, 2, 4]), 6)!;
    expect(fit.slope).toBeCloseTo(0.8, 12);
    expect(fit.intercept).toBeCloseTo(1.3, 12);
    expect(fit).toMatchObject({ xLast: 3, n: 4 });
  });

  it('keeps only the window and skips blanks without moving the others', () => {
    // Window of 4 over [9, 9, 2, null, 4, 5]: x 0..3 = 2, null, 4, 5 → points (0,2) (2,4) (3,5): slope 1, intercept 2.
    const fit = leastSquares(series([9, 9, 2, null, 4, 5]), 4)!;
    expect(fit.slope).toBeCloseTo(1, 12);
    expect(fit.intercept).toBeCloseTo(2, 12);
    expect(fit).toMatchObject({ xLast: 3, n: 3 });
  });
});

describe('kriState', () => {
  it('is breached at or beyond the threshold, on the bad side of the direction', () => {
    expect(
      kriState(series([0.1, 0.16]), { threshold: 0.15, direction: 'down', grain: 'month' }),
    ).toMatchObject({
      breached: true,
      warning: false,
      periodsToBreach: 0,
    });
    expect(kriState(series([0.9, 0.7]), { threshold: 0.7, direction: 'up', grain: 'month' }).breached).toBe(
      true,
    );
  });

  it('warns when the trend crosses the threshold within the horizon', () => {
    // 0.10, 0.11, 0.12, 0.13: slope 0.01, at x=3 it is 0.13; 0.145 is passed at x=5 (0.15), 2 periods ahead.
    const s = series([0.1, 0.11, 0.12, 0.13]);
    expect(kriState(s, { threshold: 0.145, direction: 'down', grain: 'month', horizon: 3 })).toMatchObject({
      breached: false,
      warning: true,
      periodsToBreach: 2,
    });
    expect(kriState(s, { threshold: 0.145, direction: 'down', grain: 'month', horizon: 1 })).toMatchObject({
      warning: false,
      periodsToBreach: null,
    });
    // Improving: no warning.
    expect(
      kriState(series([0.14, 0.13, 0.12, 0.11]), { threshold: 0.15, direction: 'down', grain: 'month' })
        .warning,
    ).toBe(false);
  });

  // The rule changed with the forecast: a line needs three periods to fit and one more to backtest.
  it('needs four periods for a forecast and a latest value for a breach', () => {
    expect(
      kriState(series([0.1, 0.12, 0.14]), { threshold: 0.15, direction: 'down', grain: 'month' }),
    ).toMatchObject({ warning: false, forecast: null });
    expect(
      kriState(series([0.1, 0.2, null]), { threshold: 0.15, direction: 'down', grain: 'month' }).breached,
    ).toBeNull();
  });

  it('warns of a seasonal peak the forecast sees coming, where a line through it would not', () => {
    // A flat 5 % with a 20 % peak every December; the latest period is the September of year three.
    const months = Array.from({ length: 33 }, (_, t) => (t % 12 === 11 ? 0.2 : 0.05));
    const state = kriState(series(months), {
      threshold: 0.15,
      direction: 'down',
      grain: 'month',
      horizon: 3,
    });
    expect(state).toMatchObject({ breached: false, warning: true, periodsToBreach: 3 });
    expect(state.forecast?.method).toBe('seasonalNaive');
    expect(
      kriState(series(months), { threshold: 0.15, direction: 'down', grain: 'month', horizon: 2 }).warning,
    ).toBe(false);
    // The old least-squares line over the last six periods stays below the threshold.
    const line = leastSquares(series(months), 6)!;
    expect(projectBreach(line, 0.15, 'down', 3)).toBeNull();
  });

  it('projects the same from any fit, so SQL and JS agree', () => {
    expect(projectBreach({ slope: -2, intercept: 100, xLast: 5, n: 6 }, 85, 'up', 3)).toBe(3);
    expect(projectBreach({ slope: -2, intercept: 100, xLast: 5, n: 6 }, 85, 'up', 2)).toBeNull();
  });
});

describe('trendSql', () => {
  it('quotes every name and uses regr_slope / regr_intercept', () => {
    const sql = trendSql({
      source: 'score"card',
      orderBy: 'period_start',
      value: 'k0',
      window: 6,
      partitionBy: 'by_value',
      dialect: dialectNamed('duckdb'),
    });
    expect(sql).toContain('FROM "score""card"');
    expect(sql).toContain('regr_slope(y, x)');
    expect(sql).toContain('regr_intercept(y, x)');
    expect(sql).toContain('PARTITION BY "by_value" ORDER BY "period_start" DESC');
    expect(sql).toContain('WHERE back <= 6');
  });
});
