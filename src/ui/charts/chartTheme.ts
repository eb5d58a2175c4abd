/** The chart colours, read from the same design tokens as the grid (theme.css), so both themes match. */
export interface ChartTokens {
  text: string;
  muted: string;
  faint: string;
  border: string;
  surface: string;
  accent: string;
  bar: string;
  ok: string;
  warn: string;
  bad: string;
  warnWeak: string;
  badWeak: string;
  font: string;
}

export function chartTokens(el: Element = document.documentElement): ChartTokens {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: v('--text'),
    muted: v('--text-muted'),
    faint: v('--text-faint'),
    border: v('--border'),
    surface: v('--surface'),
    accent: v('--accent'),
    bar: v('--bar'),
    ok: v('--ok'),
    warn: v('--warn'),
    bad: v('--bad'),
    warnWeak: v('--warn-weak'),
    badWeak: v('--bad-weak'),
    font: v('--font-ui'),
  };
}

/** An ECharts theme object built from the tokens. */
export function chartTheme(k: ChartTokens): object {
  const axis = {
    axisLine: { lineStyle: { color: k.border } },
    axisTick: { lineStyle: { color: k.border } },
    axisLabel: { color: k.muted, fontSize: 11 },
    splitLine: { lineStyle: { color: k.border, type: 'dashed' } },
  };
  return {
    color: [k.accent, k.muted, k.warn, k.ok, k.bad],
    backgroundColor: 'transparent',
    textStyle: { fontFamily: k.font, color: k.text },
    categoryAxis: { ...axis, splitLine: { show: false } },
    valueAxis: axis,
    legend: { textStyle: { color: k.muted, fontSize: 11 } },
    tooltip: {
      backgroundColor: k.surface,
      borderColor: k.border,
      textStyle: { color: k.text, fontSize: 12 },
    },
  };
}
