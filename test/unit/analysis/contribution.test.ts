import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContributionRow, decompose } from '../../../src/core/analysis/contribution';
import { parsePeriodChoice } from '../../../src/core/analysis/contributionPeriods';
import { planContribution } from '../../../src/core/analysis/contributionQuery';
import type { KpiDef } from '../../../src/core/formula/schema';
import { dialectNamed } from '../../../src/core/sql/dialects/registry';
import { schema } from '../formula/fixtures';

const row = (
  side: 'a' | 'b',
  segment: string | null,
  numerator: number | null,
  denominator: number | null = null,
) => ({ side, segment, numerator, denominator }) satisfies ContributionRow;

/** Effects in percentage points, rounded past float noise. */
const pp = (v: number) => Math.round(v * 1e8) / 1e6;

describe('decompose: sums and counts', () => {
  it('gives each segment its own change, ranked, blanks as a segment of their own', () => {
    // A: Enterprise 100, SMB 50, blank 10 = 160. B: Enterprise 80, SMB 90, Mid 30 = 200.
    const rows = [
      row('a', 'Enterprise', 100),
      row('a', 'SMB', 50),
      row('a', null, 10),
      row('b', 'Enterprise', 80),
      row('b', 'SMB', 90),
      row('b', 'Mid', 30),
      row('b', null, null),
    ];
    const r = decompose(rows, 'additive');
    expect([r.valueA, r.valueB, r.change]).toEqual([160, 200, 40]);
    expect(r.segments.map((s) => [s.segment, s.a, s.b, s.total])).toEqual([
      ['SMB', 50, 90, 40],
      ['Mid', 0, 30, 30],
      ['Enterprise', 100, 80, -20],
      [null, 10, 0, -10],
    ]);
  });

  it('folds the tail beyond the top N into one row that keeps the sum', () => {
    const rows = [
      row('a', 'E', 100),
      row('a', 'S', 50),
      row('a', null, 10),
      row('b', 'E', 80),
      row('b', 'S', 90),
      row('b', 'M', 30),
    ];
    const r = decompose(rows, 'additive', 2);
    expect(r.segments.map((s) => [s.segment, s.others, s.a, s.b, s.total])).toEqual([
      ['S', 0, 50, 90, 40],
      ['M', 0, 0, 30, 30],
      [null, 2, 110, 80, -30],
    ]);
  });
});

describe('decompose: ratios into mix and rate', () => {
  it('splits a rate change and a mix shift (hand-computed)', () => {
    // A: X 8/10, Y 2/10 → 50 %. B: X 7/10, Y 6/30 → 32.5 %. Change −17.5 pp, R̄ = 41.25 %.
    // X: share .5 → .25, mix = −.25 · (75 − 41.25) = −8.4375 pp; rate = −10 pp · .375 = −3.75 pp.
    // Y: share .5 → .75, mix = +.25 · (20 − 41.25) = −5.3125 pp; rate 0.
    const rows = [row('a', 'X', 8, 10), row('a', 'Y', 2, 10), row('b', 'X', 7, 10), row('b', 'Y', 6, 30)];
    const r = decompose(rows, 'ratio');
    expect(r.valueA).toBe(0.5);
    expect(r.valueB).toBe(0.325);
    expect(pp(r.change as number)).toBe(-17.5);
    expect(r.segments.map((s) => [s.segment, pp(s.mix), pp(s.rate), s.shareA, s.shareB, s.a, s.b])).toEqual([
      ['X', -8.4375, -3.75, 0.5, 0.25, 0.8, 0.7],
      ['Y', -5.3125, 0, 0.5, 0.75, 0.2, 0.2],
    ]);
    expect(pp(r.segments.reduce((s, e) => s + e.total, 0))).toBe(-17.5);
  });

  it('counts a new segment and a gone one as mix alone', () => {
    // New Z: A X 5/10 = 50 %; B X 5/10, Z 10/10 = 75 %. R̄ = 62.5 %.
    // X: share 1 → .5, mix = −.5 · (50 − 62.5) = +6.25 pp. Z: share 0 → .5, mix = .5 · (100 − 62.5) = +18.75 pp.
    const grew = decompose([row('a', 'X', 5, 10), row('b', 'X', 5, 10), row('b', 'Z', 10, 10)], 'ratio');
    expect(grew.segments.map((s) => [s.segment, pp(s.mix), pp(s.rate), s.a, s.b])).toEqual([
      ['Z', 18.75, 0, null, 1],
      ['X', 6.25, 0, 0.5, 0.5],
    ]);
    // Gone W: A W 0/10, X 5/10 = 25 %; B X 5/10 = 50 %. R̄ = 37.5 %.
    // W: share .5 → 0, mix = −.5 · (0 − 37.5) = +18.75 pp. X: .5 → 1, mix = .5 · (50 − 37.5) = +6.25 pp.
    const gone = decompose([row('a', 'W', 0, 10), row('a', 'X', 5, 10), row('b', 'X', 5, 10)], 'ratio');
    expect(gone.segments.map((s) => [s.segment, pp(s.mix), pp(s.rate)])).toEqual([
      ['W', 18.75, 0],
      ['X', 6.25, 0],
    ]);
    expect(pp(gone.change as number)).toBe(25);
  });

  it('has no change to split when a period has no denominator', () => {
    const r = decompose([row('a', 'X', 0, 0), row('b', 'X', 3, 4)], 'ratio');
    expect(r.valueA).toBeNull();
    expect(r.change).toBeNull();
    expect(r.segments.every((s) => s.total === 0)).toBe(true);
  });
});

const segmentName = fc.option(fc.constantFrom('Enterprise', 'SMB', 'Mid', 'Gov', 'شرکتی', ''), { nil: null });
const count = fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null, freq: 8 });
const rows = fc.array(fc.tuple(fc.constantFrom('a' as const, 'b' as const), segmentName, count, count), {
  maxLength: 30,
});

describe('decompose: the parts add up to the change', () => {
  it('for ratios, on random tables with blanks and empty segments', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 6 }), (raw, top) => {
        // A numerator never exceeds its denominator (won deals of closed ones).
        const input = raw.map(([side, seg, n, d]) =>
          row(side, seg, n === null || d === null ? n : Math.min(n, d), d),
        );
        const r = decompose(input, 'ratio', top);
        if (r.change === null) return;
        const sum = r.segments.reduce((s, e) => s + e.mix + e.rate, 0);
        expect(Math.abs(sum - r.change)).toBeLessThan(1e-12);
        for (const e of r.segments) expect(e.total).toBeCloseTo(e.mix + e.rate, 12);
        expect(r.segments.reduce((s, e) => s + e.shareB, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('for sums, on random tables', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 6 }), (raw, top) => {
        const r = decompose(
          raw.map(([side, seg, n]) => row(side, seg, n)),
          'additive',
          top,
        );
        expect(r.segments.reduce((s, e) => s + e.total, 0)).toBe(r.change);
        expect(r.segments.length).toBeLessThanOrEqual(top + 1);
      }),
    );
  });
});

const duckdb = dialectNamed('duckdb');

describe('what can be explained', () => {
  const plan = (formula: string, kpis: KpiDef[] = []) =>
    planContribution(
      {
        kpiId: 'k',
        kpis: [{ id: 'k', label: 'K', formula }, ...kpis],
        schema,
        by: { table: 'customers', column: 'segment' },
      },
      duckdb,
    );
  const shape = (formula: string, kpis: KpiDef[] = []) => {
    const p = plan(formula, kpis);
    return p.t === 'plan' ? p.shape : p.t;
  };

  it('tells sums, counts and ratios of them from the rest', () => {
    expect(shape('SUM(deals.amount)')).toBe('additive');
    expect(shape('SUMIF(deals.amount, deals.won) - SUM(deals.amount) / 1000')).toBe('additive');
    expect(shape('COUNTIF(deals.won) / COUNTROWS(deals)')).toBe('ratio');
    expect(shape('DIVIDE(SUM(deals.amount), COUNT(deals.deal_id))')).toBe('ratio');
    expect(
      shape('won / total', [
        { id: 'won', label: 'Won', formula: 'COUNTIF(deals.won)' },
        { id: 'total', label: 'All', formula: 'COUNTROWS(deals)' },
      ]),
    ).toBe('ratio');
    // NPS-like: a ratio times a fixed scale.
    expect(
      shape('(COUNTIF(deals.amount >= 9) - COUNTIF(deals.amount <= 6)) / COUNT(deals.amount) * 100'),
    ).toBe('ratio');
    expect(shape('100 * COUNTIF(deals.won) / COUNTROWS(deals)')).toBe('ratio');
    expect(shape('AVERAGE(deals.amount)')).toBe('not-decomposable');
    expect(shape('COUNTD(deals.customer_id)')).toBe('not-decomposable');
    expect(shape('SUM(deals.amount) / COUNTD(deals.customer_id)')).toBe('not-decomposable');
    expect(shape('SUM(deals.amount) +')).toBe('formula');
  });

  it('refuses a dimension the KPI cannot reach, as the breakdown does', () => {
    const p = planContribution(
      {
        kpiId: 'k',
        kpis: [{ id: 'k', label: 'K', formula: 'SUM(web.sessions)' }],
        schema,
        by: { table: 'customers', column: 'segment' },
      },
      duckdb,
    );
    expect(p.t === 'formula' && p.diagnostics.map((d) => d.code)).toEqual(['breakdown-unreachable']);
    // A ratio's two parts fail alike: said once, of the KPI, at the part's place in its formula.
    const formula = 'SUM(web.sessions) / COUNTROWS(web)';
    const r = planContribution(
      {
        kpiId: 'k',
        kpis: [{ id: 'k', label: 'K', formula }],
        schema,
        by: { table: 'customers', column: 'segment' },
      },
      duckdb,
    );
    if (r.t !== 'formula') throw new Error(r.t);
    expect(r.diagnostics.map((d) => [d.kpiId, d.message, formula.slice(d.span.start, d.span.end)])).toEqual([
      [
        'k',
        'KPI `k` counts web, which has no relationship leading to customers, so it cannot be broken down by it',
        'SUM(web.sessions)',
      ],
    ]);
    expect(
      planContribution({ kpiId: 'nope', kpis: [], schema, by: { table: 'deals', column: 'source' } }, duckdb),
    ).toEqual({
      t: 'unknown-kpi',
      kpi: 'nope',
    });
  });
});

describe('period choices', () => {
  it('reads latest, yoy and two ISO ranges', () => {
    expect(parsePeriodChoice('latest')).toEqual({ t: 'latest' });
    expect(parsePeriodChoice('yoy')).toEqual({ t: 'yoy' });
    expect(parsePeriodChoice('2024-01-01/2024-03-31..2024-04-01/2024-06-30')).toEqual({
      t: 'ranges',
      a: { from: '2024-01-01', to: '2024-03-31' },
      b: { from: '2024-04-01', to: '2024-06-30' },
    });
    expect(parsePeriodChoice('2024-01-05..2024-01-06')).toEqual({
      t: 'ranges',
      a: { from: '2024-01-05', to: '2024-01-05' },
      b: { from: '2024-01-06', to: '2024-01-06' },
    });
    for (const bad of [
      '',
      'last',
      '2024-02-30..2024-03-01',
      '2024-03-31/2024-01-01..2024-04-01',
      '2024-01..2024-02',
    ])
      expect(parsePeriodChoice(bad), bad).toBeNull();
  });
});
