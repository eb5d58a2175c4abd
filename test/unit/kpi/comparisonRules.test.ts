import { describe, expect, it } from 'vitest';
import { evaluate, type PeriodValue } from '../../../src/core/kpi/evaluate';
import { spreadExceedsNoise } from '../../../src/core/kpi/spreadNoise';
import { MIN_BASE, thinBase } from '../../../src/core/kpi/thinBase';
import { firstWithData } from '../../../src/core/kpi/trendStart';
import { totalFigure } from '../../../src/core/kpi/wholeRange';

const months = (rows: [number | null, number | null][]): PeriodValue[] =>
  rows.map(([value, base], i) => ({ period: `P${i + 1}`, value, base }));

describe('thinBase: the minimum count behind a change', () => {
  it('is 20, and names the period compared with first', () => {
    expect(MIN_BASE).toBe(20);
    expect(thinBase(25, 3)).toEqual({ side: 'base', count: 3, min: 20 });
    expect(thinBase(2, 3)).toEqual({ side: 'base', count: 3, min: 20 });
    expect(thinBase(19, 40)).toEqual({ side: 'value', count: 19, min: 20 });
    expect(thinBase(20, 20)).toBeNull();
  });

  it('never holds back a change whose bases are unknown', () => {
    expect(thinBase(undefined, undefined)).toBeNull();
    expect(thinBase(null, 50)).toBeNull();
    expect(thinBase(50, null)).toBeNull();
  });
});

describe('evaluate with bases', () => {
  it('withholds the change from a near-empty previous period, with the reason', () => {
    // 3 deals last month, 280 this month: +9,233 % is what the raw change would say.
    const e = evaluate(
      months([
        [3, 3],
        [280, 280],
      ]),
      { direction: 'up', grain: 'month' },
    );
    expect(e.value).toBe(280);
    expect(e.previous).toEqual({
      base: 3,
      change: null,
      relative: null,
      better: null,
      sign: '',
      thin: { side: 'base', count: 3, min: 20 },
    });
  });

  it('keeps the change when both periods rest on enough rows', () => {
    const e = evaluate(
      months([
        [0.5, 40],
        [0.6, 20],
      ]),
      { direction: 'up', grain: 'month' },
    );
    expect(e.previous.change).toBeCloseTo(0.1, 12);
    expect(e.previous.thin).toBeNull();
  });

  it('judges last year and the rolling mean the same way', () => {
    const series = months([[1, 5], ...Array.from({ length: 11 }, (): [number, number] => [2, 30]), [3, 30]]);
    const e = evaluate(series, { direction: 'up', grain: 'month', rollingPeriods: 3 });
    // Twelve months back is the first period, of 5 rows.
    expect(e.lastYear.thin).toEqual({ side: 'base', count: 5, min: 20 });
    // The three periods before the latest hold 90 rows between them.
    expect(e.rolling.thin).toBeNull();
    expect(e.rolling.change).toBe(1);
  });
});

describe('totalFigure with bases', () => {
  it('withholds the change against a previous range of 2 rows', () => {
    const f = totalFigure(
      [
        { range: 'total', from: '2024-01-01', to: '2024-12-31', value: 0.4, base: 150 },
        { range: 'previous', from: '2023-01-01', to: '2023-12-31', value: 0.5, base: 2 },
        { range: 'last_year', from: '2023-01-01', to: '2023-12-31', value: 0.35, base: 100 },
      ],
      { direction: 'up', dated: true, spans: [] },
    );
    expect(f.previous.change).toBeNull();
    expect(f.previous.thin).toEqual({ side: 'base', count: 2, min: 20 });
    expect(f.lastYear.change).toBeCloseTo(0.05, 12);
  });
});

describe('spreadExceedsNoise: best and worst marks', () => {
  it('calls a 1.3-point spread of win rates noise', () => {
    // Pooled 63.3 %, standard error √(.633 × .367 × (1/120 + 1/150)) = 5.9 points.
    expect(spreadExceedsNoise({ value: 0.64, base: 120 }, { value: 0.627, base: 150 }, true)).toBe(false);
  });

  it('needs the gap to exceed two standard errors of the pooled rate', () => {
    // 100 each, pooled 53 %: 2 × √(.53 × .47 × .02) = 14.12 points.
    expect(spreadExceedsNoise({ value: 0.6, base: 100 }, { value: 0.46, base: 100 }, true)).toBe(false);
    // Pooled 53.5 %: 2 × √(.535 × .465 × .02) = 14.11 points, and the gap is 15.
    expect(spreadExceedsNoise({ value: 0.61, base: 100 }, { value: 0.46, base: 100 }, true)).toBe(true);
  });

  it('does not mark two segments of one case each, whatever their rates', () => {
    expect(spreadExceedsNoise({ value: 1, base: 1 }, { value: 0, base: 1 }, true)).toBe(false);
  });

  it('asks other KPIs for at least the minimum rows on both sides', () => {
    expect(spreadExceedsNoise({ value: 900, base: 20 }, { value: 100, base: 20 }, false)).toBe(true);
    expect(spreadExceedsNoise({ value: 900, base: 20 }, { value: 100, base: 19 }, false)).toBe(false);
    expect(spreadExceedsNoise({ value: 900, base: null }, { value: 100, base: 50 }, false)).toBe(false);
  });
});

describe('firstWithData: where a trend starts', () => {
  it('skips the empty periods before the data', () => {
    expect(firstWithData([null, null, 0, 4, null, 5])).toBe(2);
    expect(firstWithData([7, null])).toBe(0);
    expect(firstWithData([null, null])).toBe(0);
    expect(firstWithData([])).toBe(0);
  });

  it('treats a count of 0 over no rows as no data', () => {
    // New deals before the deals table begins: 0, 0, then 12 of 12 rows.
    expect(firstWithData([0, 0, 12, 0, 9], [0, 0, 12, 0, 9])).toBe(2);
    // A genuine 0 with rows behind it (no deal won of 30) is data.
    expect(firstWithData([null, 0, 0.2], [0, 30, 25])).toBe(1);
    // Bases unknown: the values alone decide.
    expect(firstWithData([0, 5], [null, null])).toBe(0);
  });
});
