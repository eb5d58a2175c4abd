import type { ChartOption } from './echarts';

/**
 * A chart option as a right-to-left reader expects it: time runs from right to left
 * (category and time x axes inverted), the value axis stands on the right where the
 * eye starts, horizontal bars grow leftwards, and legends and tooltips start on the right.
 * Scatter charts (value against value) keep their mathematical orientation.
 * Pure: the same option object comes back unchanged for left-to-right pages.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);
const back = (orig: unknown, items: Obj[]): unknown => (Array.isArray(orig) ? items : items[0]);

/** Swaps `left` and `right` (grid, legend, title positions). */
function mirrorBox(box: Obj): Obj {
  const { left, right, ...rest } = box;
  const out: Obj = { ...rest };
  if (right !== undefined) out.left = right;
  if (left !== undefined) out.right = left;
  if (left === 'left') out.right = 'right';
  if (right === 'right') out.left = 'left';
  return out;
}

const MIRRORED_POSITION: Readonly<Record<string, string>> = {
  left: 'right',
  right: 'left',
  insideLeft: 'insideRight',
  insideRight: 'insideLeft',
  insideTopLeft: 'insideTopRight',
  insideTopRight: 'insideTopLeft',
  insideBottomLeft: 'insideBottomRight',
  insideBottomRight: 'insideBottomLeft',
};

/**
 * A horizontal bar drawn on a reversed value axis: its value label goes past its end on
 * the left (`position: 'right'` would put it on the category names), and its rounded
 * corners move to that end too.
 */
function mirrorBar(series: Obj): Obj {
  if (series.type !== 'bar') return series;
  const out: Obj = { ...series };
  if (isObj(series.label) && typeof series.label.position === 'string')
    out.label = {
      ...series.label,
      position: MIRRORED_POSITION[series.label.position] ?? series.label.position,
    };
  if (isObj(series.itemStyle) && Array.isArray(series.itemStyle.borderRadius)) {
    const [tl, tr, br, bl] = series.itemStyle.borderRadius as unknown[];
    out.itemStyle = { ...series.itemStyle, borderRadius: [tr, tl, bl, br] };
  }
  return out;
}

/**
 * Grouped vertical bars keep their series order within a group on a reversed category axis;
 * a reader starting on the right would meet a funnel's last stage first. The series (and
 * the legend, which follows them) are reversed, with the colours of an explicit palette, so
 * every series keeps its colour. Without a palette the order is left alone.
 */
function reverseGroupedBars(o: Obj): void {
  const series = list(o.series);
  if (series.length < 2 || !series.every((x) => x.type === 'bar') || !Array.isArray(o.color)) return;
  const n = series.length;
  o.series = [...series].reverse();
  o.color = [...o.color.slice(0, n).reverse(), ...o.color.slice(n)];
  // A tooltip still lists the stages first to last.
  if (isObj(o.tooltip) && o.tooltip.order === undefined) o.tooltip = { ...o.tooltip, order: 'seriesDesc' };
}

export function rtlChartOption(option: ChartOption, rtl: boolean): ChartOption {
  if (!rtl) return option;
  const o: Obj = { ...(option as Obj) };
  const xs = list(o.xAxis);
  const ys = list(o.yAxis);
  const categoryX = xs.some((x) => x.type === 'category' || x.type === 'time');
  const categoryY = ys.some((y) => y.type === 'category');
  // Time series and horizontal bars read from the right; value-against-value stays as is.
  const flip = categoryX || categoryY;
  if (!flip) return option;
  if (xs.length > 0)
    o.xAxis = back(
      o.xAxis,
      xs.map((x) => ({ ...x, inverse: !x.inverse })),
    );
  if (ys.length > 0)
    o.yAxis = back(
      o.yAxis,
      ys.map((y) => ({ ...y, position: y.position === 'right' ? 'left' : 'right' })),
    );
  if (o.grid !== undefined) o.grid = back(o.grid, list(o.grid).map(mirrorBox));
  if (categoryY && o.series !== undefined) o.series = back(o.series, list(o.series).map(mirrorBar));
  if (categoryX && !categoryY) reverseGroupedBars(o);
  if (o.legend !== undefined)
    o.legend = back(
      o.legend,
      list(o.legend).map((l) => ({ ...mirrorBox(l), align: 'right' })),
    );
  if (isObj(o.tooltip)) {
    const extra = typeof o.tooltip.extraCssText === 'string' ? o.tooltip.extraCssText : '';
    o.tooltip = { ...o.tooltip, extraCssText: `${extra};direction:rtl;text-align:right` };
  }
  return o as ChartOption;
}
