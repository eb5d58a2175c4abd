import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAnomalies } from '../../../src/core/kpi/anomaly';

/** Three years of months with a season, a trend and a little deterministic noise. */
const months = (n: number) =>
  Array.from(
    { length: n },
    (_, t) => 1000 + 8 * t + 120 * Math.sin((2 * Math.PI * t) / 12) + 15 * Math.sin(7 * t),
  );

describe('findAnomalies', () => {
  it('marks a planted outlier, and only it', () => {
    const values: (number | null)[] = months(36);
    const clean = findAnomalies(values, 'month');
    expect(clean).toEqual([]);
    values[30] = (values[30] as number) * 1.6;
    const found = findAnomalies(values, 'month');
    expect(found.map((a) => a.index)).toEqual([30]);
    const [a] = found;
    expect(a.actual).toBe(values[30]);
    expect(a.actual).toBeGreaterThan(a.hi);
    expect(a.lo).toBeLessThan(a.expected);
    expect(a.expected).toBeLessThan(a.hi);
    // Without the outlier the period sits inside its band.
    expect(months(36)[30]).toBeLessThanOrEqual(a.hi);
  });

  it('does not mark the same month a season later, after the outlier was taught as its forecast', () => {
    // A pure season: the seasonal naive forecast would repeat an outlier twelve months on.
    const season = [5, 7, 9, 12, 15, 14, 10, 8, 9, 11, 13, 20];
    const values: (number | null)[] = Array.from({ length: 48 }, (_, t) => season[t % 12]);
    values[26] = 60;
    expect(findAnomalies(values, 'month').map((a) => a.index)).toEqual([26]);
  });

  it('marks a dip as well as a spike, and never a blank', () => {
    const values: (number | null)[] = months(36);
    values[28] = (values[28] as number) * 0.4;
    values[31] = null;
    expect(findAnomalies(values, 'month').map((a) => a.index)).toEqual([28]);
  });

  // Learnt as its value rather than at the band's edge, this spike would drag the next periods out too.
  it('counts indices in the input, leading blanks included, and marks no period after a spike for it', () => {
    const values: (number | null)[] = [null, null, ...months(36)];
    values[33] = (values[33] as number) * 2;
    expect(findAnomalies(values, 'month').map((a) => a.index)).toEqual([33]);
  });

  it('has nothing to say of a short or blank series', () => {
    expect(findAnomalies([], 'month')).toEqual([]);
    expect(findAnomalies([null, 3, null], 'week')).toEqual([]);
  });

  it('never throws and gives finite bands', () => {
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 60 }),
        fc.constantFrom('day', 'month', 'quarter', 'year'),
        (vs, g) => {
          for (const a of findAnomalies(vs, g as 'day')) {
            expect([a.expected, a.lo, a.hi, a.actual].every(Number.isFinite)).toBe(true);
            expect(a.actual < a.lo || a.actual > a.hi).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
