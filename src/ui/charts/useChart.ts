import { useEffect, useRef, useState } from 'react';
import { isRtl } from '../../i18n/locale';
import { type ChartTokens, chartTheme, chartTokens } from './chartTheme';
import { type ChartOption, type EChartsType, echarts } from './echarts';
import { rtlChartOption } from './rtl';

/**
 * An ECharts instance on a div: created with the token theme, rebuilt when the app's
 * theme switches, resized with its box, and given the option `build` makes from the tokens.
 * `renderer` 'svg' (registered by the caller) puts the chart's text in the page as text.
 */
export function useChart(build: (k: ChartTokens) => ChartOption, renderer: 'canvas' | 'svg' = 'canvas') {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [theme, setTheme] = useState(() => document.documentElement.dataset.theme ?? 'light');

  useEffect(() => {
    const o = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? 'light'));
    o.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => o.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a theme switch rebuilds the chart with the new tokens
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const c = echarts.init(el, chartTheme(chartTokens()), { renderer });
    chart.current = c;
    const r = new ResizeObserver(() => c.resize());
    r.observe(el);
    return () => {
      r.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    chart.current?.setOption(rtlChartOption(build(chartTokens()), isRtl()), { notMerge: true });
  });

  return { ref, chart };
}

/** Saves the chart as a PNG on the page's own background. */
export function exportPng(c: EChartsType | null, name: string): void {
  if (c === null) return;
  const url = c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: chartTokens().surface });
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name.replace(/[^\p{L}\p{N}_-]+/gu, '-')}.png`;
  a.click();
}
