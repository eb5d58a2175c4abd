import { describe, expect, it } from 'vitest';
import {
  BENCHMARKS,
  type BenchmarkRow,
  benchmarksFor,
  benchmarkTooltip,
  INDUSTRIES,
  lookupBenchmark,
} from '../../../src/core/kpi/benchmarks';

describe('the benchmark library', () => {
  it('gives every row a source, year, statistic, figure and secondary flag', () => {
    expect(BENCHMARKS.length).toBeGreaterThan(40);
    for (const r of BENCHMARKS) {
      expect(r.source.length, r.key).toBeGreaterThan(2);
      expect(r.year, r.key).toMatch(/\d{4}/);
      expect(r.statistic.length, r.key).toBeGreaterThan(2);
      expect(typeof r.secondary, r.key).toBe('boolean');
      expect(r.value !== null || r.range !== undefined, r.key).toBe(true);
    }
    expect(new Set(BENCHMARKS.map((r) => r.key)).size).toBe(BENCHMARKS.length);
  });

  it('files every row under an industry the picker offers', () => {
    const keys = new Set(INDUSTRIES.map((i) => i.key));
    for (const r of BENCHMARKS) expect(keys, r.key).toContain(r.industry);
  });

  it('holds percentages as fractions and marks secondary citations (kpi-reference.md)', () => {
    const churnB2b = benchmarksFor('churn_rate').find((r) => r.industry === 'b2b')!;
    expect(churnB2b.value).toBeCloseTo(0.0515, 10);
    expect(churnB2b).toMatchObject({
      statistic: 'median',
      year: '2019',
      source: 'Recurly research',
      secondary: false,
    });
    const software = benchmarksFor('win_rate').find((r) => r.industry === 'software')!;
    expect(software).toMatchObject({ value: 0.22, source: 'HubSpot', secondary: true });
    const x = benchmarksFor('engagement_rate').find((r) => r.industry === 'x')!;
    expect(x.value).toBeCloseTo(0.00035, 10);
  });
});

describe('lookupBenchmark', () => {
  it('prefers the chosen industry, then an all-industries figure', () => {
    expect(lookupBenchmark('win_rate', 'financial_services')?.value).toBe(0.19);
    expect(lookupBenchmark('first_contact_resolution', 'energy')?.value).toBe(0.72);
    // No energy row for ad CTR: the all-industries paid-search figure.
    expect(lookupBenchmark('ad_ctr', 'energy')?.value).toBe(0.0642);
    // Without an industry, no industry-only row is picked.
    expect(lookupBenchmark('win_rate')).toBeUndefined();
  });

  it('prefers the newest of equal rows', () => {
    const acsi = lookupBenchmark('csat', 'all')!;
    expect(acsi).toMatchObject({ value: 78.0, year: 'Q1 2024' });
  });

  it("puts the user's own row first", () => {
    const mine: BenchmarkRow = {
      key: 'mine',
      kpiId: 'win_rate',
      industry: 'software',
      scope: 'Our peer group',
      value: 0.3,
      scale: 'fraction',
      statistic: 'average',
      year: '2025',
      source: 'user',
      secondary: false,
    };
    expect(lookupBenchmark('win_rate', 'software', [mine])?.key).toBe('mine');
  });
});

describe('benchmarkTooltip', () => {
  it('states figure, statistic, scope, year, source and the secondary flag', () => {
    const row = benchmarksFor('cac_payback')[0];
    expect(benchmarkTooltip(row)).toBe(
      [
        '16 months (median), B2B SaaS, FY2025',
        'Source: Benchmarkit (secondary source)',
        'Quartiles: 25th 6 months, median 16 months, 75th 24 months',
      ].join('\n'),
    );
  });

  it('shows a range when the source gives one', () => {
    const postpaid = benchmarksFor('churn_rate').find((r) => r.industry === 'telecom')!;
    expect(benchmarkTooltip(postpaid).split('\n')[0]).toBe(
      '0.77 % to 0.83 % (company-reported), US postpaid phone, Q2 2023',
    );
  });
});
