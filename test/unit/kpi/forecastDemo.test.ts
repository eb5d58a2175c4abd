import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAnomalies } from '../../../src/core/kpi/anomaly';
import { forecastSeries } from '../../../src/core/kpi/forecast';

/**
 * The demo's monthly series, summed straight from the committed CSVs (their fields hold no
 * commas: dates and numbers), 2023-01 to 2025-12 as the scorecard shows them by default.
 * docs/forecasts.md states the errors measured here.
 */
function monthly(table: string, dateColumn: string, valueColumn: string): number[] {
  const [head, ...lines] = readFileSync(
    new URL(`../../../samples/crm-demo/${table}.csv`, import.meta.url),
    'utf8',
  )
    .trim()
    .split('\r\n');
  const cols = head.split(',');
  const at = cols.indexOf(dateColumn);
  const value = cols.indexOf(valueColumn);
  const sums = new Array<number>(36).fill(0);
  for (const line of lines) {
    const f = line.split(',');
    const month = (Number(f[at].slice(0, 4)) - 2023) * 12 + Number(f[at].slice(5, 7)) - 1;
    if (month >= 0 && month < 36) sums[month] += Number(f[value]);
  }
  return sums;
}

describe('forecasts of the demo', () => {
  it('website sessions: Holt–Winters, backtest error 11.96 %, the planted May 2025 its one anomaly', () => {
    const sessions = monthly('web', 'date', 'sessions');
    const f = forecastSeries(sessions, 'month', 3)!;
    expect(f.method).toBe('holtWinters');
    expect(f.scored).toBe(12);
    expect(f.mape).toBeCloseTo(11.96, 2);
    const anomalies = findAnomalies(sessions, 'month');
    expect(anomalies.map((a) => a.index)).toEqual([28]);
    expect(anomalies[0].actual).toBe(40_825);
  });

  it('order revenue (Q4 peaks, summer dips, growth): Holt–Winters, backtest error 7.86 %', () => {
    const f = forecastSeries(monthly('orders', 'ordered_at', 'revenue'), 'month', 3)!;
    expect(f.method).toBe('holtWinters');
    expect(f.mape).toBeCloseTo(7.86, 2);
  });
});
