import { useEffect, useRef, useState } from 'react';
import { isRtl } from '../../../i18n/locale';
import { type ChartTokens, chartTheme, chartTokens } from '../../charts/chartTheme';
import { rtlChartOption } from '../../charts/rtl';
import { type ChartOption, echarts } from './echarts';

/** An ECharts canvas on a div, themed from the design tokens, resized with its box, rebuilt on theme switch. */
export function useNotebookChart(build: (k: ChartTokens) => ChartOption) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const [theme, setTheme] = useState(() => document.documentElement.dataset.theme ?? 'light');

  useEffect(() => {
    const o = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? 'light'));
    o.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => o.disconnect();
  }, []);

  // The theme is read from the tokens inside; changing it must rebuild the instance.
  // biome-ignore lint/correctness/useExhaustiveDependencies: theme is the trigger, not an input
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const c = echarts.init(el, chartTheme(chartTokens()), { renderer: 'canvas' });
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

  return ref;
}
