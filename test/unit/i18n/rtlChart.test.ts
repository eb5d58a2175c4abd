import { describe, expect, it } from 'vitest';
import type { ChartOption } from '../../../src/ui/charts/echarts';
import { rtlChartOption } from '../../../src/ui/charts/rtl';

describe('charts in a right-to-left page', () => {
  const bars = {
    grid: { left: 110, right: 72 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: ['SMB', 'Enterprise'] },
    series: [
      {
        type: 'bar',
        data: [0.08, 0.02],
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right' },
      },
    ],
  } as unknown as ChartOption;

  it('grow horizontal bars leftwards, names on the right, values past the bar ends', () => {
    const o = rtlChartOption(bars, true) as Record<string, never>;
    expect(o.xAxis).toMatchObject({ inverse: true });
    expect(o.yAxis).toMatchObject({ position: 'right' });
    expect(o.grid).toEqual({ left: 72, right: 110 });
    expect(o.series).toEqual([
      expect.objectContaining({
        label: { show: true, position: 'left' },
        itemStyle: { borderRadius: [3, 0, 0, 3] },
      }),
    ]);
  });

  it('read grouped bars from the right: the first stage of each group on its right, colours kept', () => {
    const funnel = {
      color: ['grey', 'blue', 'green', 'extra'],
      xAxis: { type: 'category', data: ['Organic', 'Partner'] },
      yAxis: { type: 'value' },
      series: ['leads', 'sql', 'won'].map((name) => ({ type: 'bar', name, data: [1, 2] })),
    } as unknown as ChartOption;
    const o = rtlChartOption(funnel, true) as { color: string[]; series: { name: string }[] };
    expect(o.series.map((x) => x.name)).toEqual(['won', 'sql', 'leads']);
    expect(o.color).toEqual(['green', 'blue', 'grey', 'extra']);
  });

  it('leave value-against-value charts and left-to-right pages as they are', () => {
    expect(rtlChartOption(bars, false)).toBe(bars);
    const scatter = {
      xAxis: { type: 'value' },
      yAxis: { type: 'value' },
      series: [],
    } as unknown as ChartOption;
    expect(rtlChartOption(scatter, true)).toBe(scatter);
  });
});
