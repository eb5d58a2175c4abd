import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../../src/core/kpi/forecast';
import type { Grain } from '../../../src/core/sql/calendarSchema';

const SEASON = [10, 20, 30, 40];

describe('forecastSeries: hand-computed cases', () => {
  it('backtests the line over the periods it can and bands by the RMSE', () => {
    // Five months: too short for a season, so the line, backtested on the last 5 − 3 = 2.
    // From 10, 12, 11 the line (slope 0.5, intercept 10.5) says 12 for a 13: error 1, 1/13.
    // From 10, 12, 11, 13 (slope 0.8, intercept 10.3) it says 13.5 for a 15: error 1.5, 1/10.
    // MAPE = (1/13 + 1/10) / 2 = 8.846 %; RMSE = √((1 + 2.25) / 2) = 1.2748.
    // All five: slope 1.1, intercept 10, so next is 15.5 ± 1.28 × 1.2748.
    const f = forecastSeries([10, 12, 11, 13, 15], 'month', 2)!;
    expect(f.method).toBe('linear');
    expect(f.mape).toBeCloseTo(((1 / 13 + 0.1) / 2) * 100, 10);
    expect(f.scored).toBe(2);
    expect(f.rmse).toBeCloseTo(Math.sqrt(1.625), 10);
    expect(f.points[0].value).toBeCloseTo(15.5, 10);
    expect(f.points[0].hi - f.points[0].value).toBeCloseTo(1.28 * Math.sqrt(1.625), 10);
    // Two periods ahead the band is √2 wider.
    expect(f.points[1].value).toBeCloseTo(16.6, 10);
    expect(f.points[1].hi - f.points[1].value).toBeCloseTo(1.28 * Math.sqrt(1.625) * Math.SQRT2, 10);
  });

  it('leaves zeros and blanks out of the MAPE but not out of the band', () => {
    // 1, 2, 3 says 4 for a 0: error −4, no percentage. 1, 2, 3, 0 (slope −0.2, intercept 1.8) says 1 for a 5: 80 %.
    const f = forecastSeries([1, 2, 3, 0, 5], 'month', 1)!;
    expect(f.mape).toBeCloseTo(80, 10);
    expect(f.scored).toBe(1);
    expect(f.rmse).toBeCloseTo(4, 10);
    expect(forecastSeries([0, 0, 0, 0], 'month', 1)?.mape).toBeNull();
  });

  it('forecasts a pure seasonal series exactly, by the seasonal naive method', () => {
    const quarters = [...SEASON, ...SEASON, ...SEASON];
    const f = forecastSeries(quarters, 'quarter', 5)!;
    expect(f.method).toBe('seasonalNaive');
    expect(f.mape).toBe(0);
    expect(f.points.map((p) => p.value)).toEqual([10, 20, 30, 40, 10]);
    expect(f.points.every((p) => p.lo === p.value && p.hi === p.value)).toBe(true);
  });

  it('forecasts a straight line exactly', () => {
    const months = Array.from({ length: 36 }, (_, t) => 100 + 5 * t);
    const f = forecastSeries(months, 'month', 3)!;
    expect(f.method).toBe('linear');
    expect(f.mape).toBeCloseTo(0, 10);
    f.points.forEach((p, i) => {
      expect(p.value).toBeCloseTo(100 + 5 * (36 + i), 8);
    });
  });

  it('forecasts a trend plus a season exactly by Holt–Winters, which neither other method can', () => {
    const bump = [5, -3, 0, 8, -6, 2, -1, 4, -4, 7, -9, -3];
    const y = (t: number) => 200 + 3 * t + bump[t % 12];
    const f = forecastSeries(
      Array.from({ length: 40 }, (_, t) => y(t)),
      'month',
      12,
    )!;
    expect(f.method).toBe('holtWinters');
    expect(f.mape).toBeCloseTo(0, 8);
    f.points.forEach((p, i) => {
      expect(p.value).toBeCloseTo(y(40 + i), 6);
    });
  });

  it('fills a blank between values and forecasts past trailing blanks', () => {
    // 2, 4, blank, 8, 10, blank: the blank is filled with 6, and the next period is two after the 10.
    const f = forecastSeries([2, 4, null, 8, 10, null], 'month', 1)!;
    expect(f.method).toBe('linear');
    expect(f.points[0].value).toBeCloseTo(14, 10);
  });

  it('gives no forecast to a series too short to backtest', () => {
    expect(forecastSeries([], 'month', 3)).toBeNull();
    expect(forecastSeries([null, null], 'month', 3)).toBeNull();
    expect(forecastSeries([null, 1, 2, 3], 'month', 3)).toBeNull();
  });
});

describe('forecastSeries: properties', () => {
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.constant(Number.NaN) },
  );
  const grain = fc.constantFrom<Grain>('day', 'week', 'month', 'quarter', 'year');

  it('keeps the MAPE finite when an actual is next to zero (a found counterexample)', () => {
    // 2.7e-17 off an actual of 5e-324 is a percentage beyond any double; such terms are left out.
    const f = forecastSeries([0, -2.6645352591003756e-17, 0, 5e-324], 'day', 0);
    expect(f === null || f.mape === null || Number.isFinite(f.mape)).toBe(true);
  });

  it('has finite numbers only, and the band holds the point forecast', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 70 }), grain, fc.integer({ min: 0, max: 8 }), (vs, g, h) => {
        const f = forecastSeries(vs, g, h);
        if (f === null) return;
        expect(f.points).toHaveLength(h);
        expect(f.mape === null || (Number.isFinite(f.mape) && f.mape >= 0)).toBe(true);
        expect(Number.isFinite(f.rmse)).toBe(true);
        for (const p of f.points) {
          expect([p.value, p.lo, p.hi].every(Number.isFinite)).toBe(true);
          expect(p.lo).toBeLessThanOrEqual(p.value);
          expect(p.value).toBeLessThanOrEqual(p.hi);
        }
      }),
      { numRuns: 300 },
    );
  });
});
