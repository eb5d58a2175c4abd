import { describe, expect, it } from 'vitest';
import type { Anomaly } from '../../../src/core/kpi/anomaly';
import type { Forecast } from '../../../src/core/kpi/forecast';
import type { ChartTokens } from '../../../src/ui/charts/chartTheme';
import { forecastLayers } from '../../../src/ui/charts/forecastBand';

const k = new Proxy({} as ChartTokens, { get: () => '#000' });
type Series = { name: string; data: (number | null)[]; stack?: string; tooltip?: { show: boolean } } & Record<
  string,
  unknown
>;

const FORECAST: Forecast = {
  method: 'linear',
  points: [
    { value: 12, lo: 10, hi: 14 },
    { value: 13, lo: 10, hi: 16 },
  ],
  mape: 7.3,
  scored: 12,
  rmse: 1,
};

describe('forecastLayers', () => {
  it('draws the band as its low edge plus its width, fanning out of the latest value', () => {
    const [lo, width, point] = forecastLayers([9, 11], FORECAST, [], k) as Series[];
    expect(lo.data).toEqual([null, 11, 10, 10]);
    expect(width.data).toEqual([null, 0, 4, 6]);
    expect(lo.stack).toBe(width.stack);
    expect(point.data).toEqual([null, 11, 12, 13]);
    // The band's edges are not values a reader should see in the tooltip; the point forecast is.
    expect(lo.tooltip?.show).toBe(false);
    expect(width.tooltip?.show).toBe(false);
    expect(point.tooltip).toBeUndefined();
  });

  it('marks each anomaly on its period, every one drawn however crowded the axis', () => {
    const a: Anomaly = { index: 1, actual: 30, expected: 10, lo: 8, hi: 12 };
    const layers = forecastLayers([9, 30, 11], null, [a], k) as Series[];
    expect(layers).toHaveLength(1);
    expect(layers[0].data).toEqual([null, 30, null]);
    expect(layers[0].showAllSymbol).toBe(true);
  });
});
