import { describe, expect, it } from 'vitest';
import { defaultRange, monthsBack, overlaps, spanOf } from '../../../src/core/kpi/dateRange';

describe('the default range', () => {
  it('is the data of the tables in use when it runs under 36 months', () => {
    const spans = [
      { from: '2024-03-05', to: '2024-09-30' },
      { from: '2024-01-17', to: '2024-06-02' },
    ];
    expect(defaultRange(spans, 36, '2026-01-01')).toEqual({ from: '2024-01-17', to: '2024-09-30' });
  });

  it('ends on the last date of the data, not today, and starts 36 months back from it when the data runs longer', () => {
    const spans = [
      { from: '2010-02-01', to: '2019-03-04' },
      { from: '2018-01-01', to: '2020-07-15' },
    ];
    expect(defaultRange(spans, 36, '2026-01-01')).toEqual({ from: '2017-08-01', to: '2020-07-15' });
  });

  it('is today alone with no dated table', () => {
    expect(defaultRange([], 36, '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });

  it('has helpers that agree on the edges', () => {
    expect(monthsBack('2025-12-17', 36)).toBe('2023-01-01');
    expect(spanOf([])).toBeNull();
    expect(overlaps({ from: '2024-01-01', to: '2024-01-31' }, { from: '2024-01-31', to: '2024-02-05' })).toBe(
      true,
    );
    expect(overlaps({ from: '2024-01-01', to: '2024-01-30' }, { from: '2024-01-31', to: '2024-02-05' })).toBe(
      false,
    );
  });
});
