import type { ResultTable } from '../../../core/notebook/types';
import { t } from '../../../i18n/t';
import type { ChartTokens } from '../../charts/chartTheme';
import { htmlLines } from '../../charts/escapeHtml';
import { richRun } from '../../charts/richText';
import { money, percent, shortNumber } from '../format';
import { rfmSegmentName } from '../rfmNames';
import type { ChartOption } from './echarts';
import { num, str } from './optionValues';
import { RFM_LABEL, type RfmLabelForm, type RfmLabelTexts, twoLines } from './rfmLabelFit';

/** Segment colours by what the segment asks of the business: keep (green), grow (blue), win back (amber/red), let go (grey). */
const SEGMENT_COLOURS: Record<string, string> = {
  Champions: '#1f7a4d',
  Loyal: '#3c9a6a',
  'Potential loyalists': '#2f5fb3',
  New: '#5b84c4',
  Promising: '#7aa2e8',
  'Need attention': '#b7791f',
  'About to sleep': '#9a5b00',
  'At risk': '#c0504d',
  "Can't lose them": '#b42318',
  Hibernating: '#7b8494',
};

interface Tile {
  name: string;
  value: number;
  revenue: number;
  share: number;
}

/** The lines a tile's label can show, in the page's language. */
export function rfmLabelTexts(tile: Pick<Tile, 'name' | 'value' | 'share'>): RfmLabelTexts {
  return {
    name: tile.name,
    customers: `${shortNumber(tile.value)} ${t('notebook.chart.customers')}`,
    share: t('notebook.chart.revenueShare', { share: percent(tile.share, 0) }),
  };
}

/** A tile's label in the form that fits it (rfmLabelFit.ts); the name is data, so it is a rich run. */
function labelText(tile: Tile, form: RfmLabelForm): string {
  const x = rfmLabelTexts(tile);
  const split = twoLines(x.name);
  switch (form) {
    case 'none':
      return '';
    case 'wrapped':
      return split === null ? richRun('b', x.name) : `${richRun('b', split[0])}\n${richRun('b', split[1])}`;
    case 'name':
      return richRun('b', x.name);
    case 'short':
      return `${richRun('b', x.name)}\n${x.customers}`;
    default:
      return `${richRun('b', x.name)}\n${x.customers}\n${x.share}`;
  }
}

/**
 * RFM: one tile per segment sized by customers, labelled in the form its tile fits
 * (`forms`, by segment name, measured after a first drawing; the whole label until then).
 * The tooltip always has the full name and figures.
 */
export function rfmTreemapOption(
  { result, forms = {} }: { result: ResultTable; forms?: Readonly<Record<string, RfmLabelForm>> },
  k: ChartTokens,
): ChartOption {
  return {
    tooltip: {
      formatter: (p: { name: string; value: number; data: { revenue: number; share: number } }) =>
        htmlLines(
          p.name,
          `${shortNumber(p.value)} ${t('notebook.chart.customers')} · ${money(p.data.revenue)} (${percent(p.data.share, 0)})`,
        ),
    },
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        itemStyle: { borderColor: k.surface, borderWidth: 2, gapWidth: 2 },
        label: {
          color: '#fff',
          fontSize: 12,
          lineHeight: RFM_LABEL.line,
          padding: RFM_LABEL.pad,
          formatter: (p: { data: Tile }) => labelText(p.data, forms[p.data.name] ?? 'full'),
          rich: { b: { fontWeight: 600, fontSize: 13, color: '#fff', lineHeight: RFM_LABEL.nameLine } },
        },
        data: result.rows.map((r) => ({
          name: rfmSegmentName(str(r.segment)),
          itemStyle: { color: SEGMENT_COLOURS[str(r.segment)] ?? k.muted },
          value: num(r.customers) ?? 0,
          revenue: num(r.revenue) ?? 0,
          share: num(r.revenue_share) ?? 0,
        })),
      },
    ],
  };
}
