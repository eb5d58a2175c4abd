import { describe, expect, it } from 'vitest';
import { benchmarksFor } from '../../../src/core/kpi/benchmarks';
import { evaluate, type PeriodValue, quartilePosition, rollingAverage } from '../../../src/core/kpi/evaluate';
import { statusOf } from '../../../src/core/kpi/status';

const months = (values: (number | null)[]): PeriodValue[] =>
  values.map((value, i) => ({ period: `P${String(i + 1).padStart(2, '0')}`, value }));

describe('statusOf', () => {
  it('reads thresholds on the bad side of a higher-is-better KPI', () => {
    const t = { warning: 0.25, critical: 0.2 };
    expect(statusOf(0.3, 'up', t)).toBe('good');
    expect(statusOf(0.25, 'up', t)).toBe('warning');
    expect(statusOf(0.21, 'up', t)).toBe('warning');
    expect(statusOf(0.2, 'up', t)).toBe('bad');
  });

  it('treats a lower churn as good', () => {
    const t = { warning: 0.03, critical: 0.05 };
    expect(statusOf(0.02, 'down', t)).toBe('good');
    expect(statusOf(0.04, 'down', t)).toBe('warning');
    expect(statusOf(0.06, 'down', t)).toBe('bad');
  });

  it('falls back to the target, and gives none without a value or a judgement', () => {
    expect(statusOf(10, 'up', null, 12)).toBe('warning');
    expect(statusOf(12, 'up', null, 12)).toBe('good');
    expect(statusOf(3, 'down', undefined, 4)).toBe('good');
    expect(statusOf(null, 'up', { critical: 1 })).toBe('none');
    expect(statusOf(5, 'context', { critical: 1 })).toBe('none');
    expect(statusOf(5, 'up')).toBe('none');
  });
});

describe('evaluate', () => {
  // 14 months: the latest (P14) is 0.04; P13 0.05; P02 (a year back) 0.06.
  const churn = months([0.05, 0.06, 0.05, 0.05, 0.04, 0.05, 0.05, 0.05, 0.05, 0.05, 0.06, 0.07, 0.05, 0.04]);

  it('compares the latest period with the previous one and the same period last year', () => {
    const e = evaluate(churn, {
      direction: 'down',
      grain: 'month',
      thresholds: { warning: 0.045, critical: 0.06 },
    });
    expect(e.period).toBe('P14');
    expect(e.value).toBe(0.04);
    expect(e.previous.base).toBe(0.05);
    expect(e.previous.change).toBeCloseTo(-0.01, 12);
    expect(e.previous.relative).toBeCloseTo(-0.2, 12);
    expect(e.previous.better).toBe(true);
    expect(e.previous.sign).toBe('▼');
    expect(e.lastYear.base).toBe(0.06);
    expect(e.lastYear.relative).toBeCloseTo(-1 / 3, 12);
    expect(e.status).toBe('good');
    expect(e.statusSign).toBe('✓');
  });

  it('compares with the mean of the N periods before the latest', () => {
    const e = evaluate(churn, { direction: 'down', grain: 'month', rollingPeriods: 3 });
    // (0.06 + 0.07 + 0.05) / 3 = 0.06
    expect(e.rolling.base).toBeCloseTo(0.06, 12);
    expect(e.rolling.change).toBeCloseTo(-0.02, 12);
    expect(e.rolling.periods).toBe(3);
  });

  it('leaves comparisons blank, never zero, where data is missing', () => {
    const e = evaluate(months([null, 5, null, 7]), { direction: 'up', grain: 'quarter', target: 8 });
    expect(e.value).toBe(7);
    expect(e.previous).toEqual({
      base: null,
      change: null,
      relative: null,
      better: null,
      sign: '',
      thin: null,
    });
    // A year back at quarter grain is 4 places back: before the series starts.
    expect(e.lastYear.base).toBeNull();
    expect(e.rolling.base).toBeNull();
    expect(e.target).toMatchObject({ base: 8, change: -1, relative: -0.125, better: false, sign: '▼' });
    expect(e.status).toBe('warning');

    const blank = evaluate(months([3, null]), { direction: 'up', grain: 'month', target: 1 });
    expect(blank.value).toBeNull();
    expect(blank.previous.change).toBeNull();
    expect(blank.status).toBe('none');
    expect(blank.statusSign).toBe('');
  });

  it('finds last year by grain: 4 quarters, 1 year', () => {
    expect(evaluate(months([10, 1, 2, 3, 12]), { direction: 'up', grain: 'quarter' }).lastYear.base).toBe(10);
    expect(evaluate(months([10, 12]), { direction: 'up', grain: 'year' }).lastYear.base).toBe(10);
  });

  it('compares with a benchmark, its quartile and its best-practice band', () => {
    const payback = benchmarksFor('cac_payback')[0];
    const e = evaluate(months([12]), { direction: 'down', grain: 'month', benchmark: payback });
    expect(e.benchmark).toMatchObject({
      base: 16,
      change: -4,
      relative: -0.25,
      better: true,
      quartile: 'second',
    });

    const fcr = benchmarksFor('first_contact_resolution').find((r) => r.bestPractice !== undefined)!;
    const good = evaluate(months([0.82]), { direction: 'up', grain: 'month', benchmark: fcr });
    expect(good.inBestPractice).toBe(true);
    expect(good.benchmark.change).toBeCloseTo(0.12, 12);
    expect(evaluate(months([0.75]), { direction: 'up', grain: 'month', benchmark: fcr }).inBestPractice).toBe(
      false,
    );
  });

  it('does not compare a percentage with an index benchmark', () => {
    const acsi = benchmarksFor('csat').find((r) => r.scale === 'index')!;
    const e = evaluate(months([0.8]), { direction: 'up', grain: 'month', benchmark: acsi });
    expect(e.benchmark.base).toBeNull();
    expect(e.benchmark.change).toBeNull();
  });
});

describe('quartilePosition and rollingAverage', () => {
  it('puts the top quartile at the good end for each direction', () => {
    const q = { p25: 6, p50: 16, p75: 24 };
    expect(quartilePosition(5, q, 'down')).toBe('top');
    expect(quartilePosition(20, q, 'down')).toBe('third');
    expect(quartilePosition(30, q, 'down')).toBe('bottom');
    expect(quartilePosition(30, q, 'up')).toBe('top');
    expect(quartilePosition(10, q, 'up')).toBe('third');
    expect(quartilePosition(10, { p50: 16 }, 'up')).toBeNull();
  });

  it('averages the last n values, blank if one is missing', () => {
    expect(rollingAverage(months([1, 2, 3, 6]), 3)).toBeCloseTo(11 / 3, 12);
    expect(rollingAverage(months([null, 1, 3]), 2)).toBeCloseTo(2, 12);
    expect(rollingAverage(months([1, null, 3]), 3)).toBeNull();
    expect(rollingAverage(months([1]), 2)).toBeNull();
  });
});
