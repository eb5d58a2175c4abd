import { useEffect, useState } from 'react';
import type { ResultTable } from '../../../core/notebook/types';
import { t } from '../../../i18n/t';
import { chartTokens } from '../../charts/chartTheme';
import type { EChartsType } from '../../charts/echarts';
import { fitRfmLabel, type RfmLabelForm } from './rfmLabelFit';
import { rfmLabelTexts, rfmTreemapOption } from './rfmOption';
import { useNotebookChart } from './useNotebookChart';

interface TileLayout {
  name: string;
  value: number;
  share: number;
  width: number;
  height: number;
}

/**
 * The drawn size of each tile. ECharts lays the treemap out itself and has no public way
 * to ask for it, so this reads its series data; when that is not there (another ECharts),
 * it returns null and the labels stay whole.
 */
function tileLayouts(chart: EChartsType): TileLayout[] | null {
  const model = (chart as unknown as { getModel?: () => unknown }).getModel?.call(chart) as
    | { getSeriesByIndex?: (i: number) => { getData?: () => SeriesData } | undefined }
    | undefined;
  const data = model?.getSeriesByIndex?.(0)?.getData?.();
  if (data === undefined) return null;
  const out: TileLayout[] = [];
  for (let i = 0; i < data.count(); i++) {
    const layout = data.getItemLayout(i);
    const item = data.getRawDataItem(i);
    if (layout == null || item == null || typeof item.name !== 'string') continue;
    out.push({
      name: item.name,
      value: typeof item.value === 'number' ? item.value : 0,
      share: typeof item.share === 'number' ? item.share : 0,
      width: layout.width,
      height: layout.height,
    });
  }
  return out;
}

interface SeriesData {
  count(): number;
  getItemLayout(i: number): { width: number; height: number } | null | undefined;
  getRawDataItem(i: number): { name?: unknown; value?: unknown; share?: unknown } | null | undefined;
}

let canvas: CanvasRenderingContext2D | null = null;
/** Text width in the chart's font, bold for segment names. */
function measure(text: string, bold: boolean, font: string): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (canvas === null) return 0;
  canvas.font = `${bold ? '600 13px' : '12px'} ${font}`;
  return canvas.measureText(text).width;
}

/** RFM: one tile per segment sized by customers, each label in the form its tile fits. */
export function RfmTreemap({ result }: { result: ResultTable }) {
  const [forms, setForms] = useState<Record<string, RfmLabelForm>>({});
  const { ref, chart } = useNotebookChart((k) => rfmTreemapOption({ result, forms }, k));
  useEffect(() => {
    const c = chart.current;
    if (c === null) return;
    const onFinished = () => {
      const tiles = tileLayouts(c);
      if (tiles === null) return;
      const font = chartTokens().font || 'sans-serif';
      const next = Object.fromEntries(
        tiles.map((tile) => [
          tile.name,
          fitRfmLabel(tile, rfmLabelTexts(tile), (text, bold) => measure(text, bold, font)),
        ]),
      );
      setForms((now) => (JSON.stringify(now) === JSON.stringify(next) ? now : next));
    };
    c.on('finished', onFinished);
    return () => {
      c.off('finished', onFinished);
    };
  });
  return (
    <div
      className="nb-chart"
      ref={ref}
      role="img"
      aria-label={t('notebook.kind.rfm')}
      data-label-forms={JSON.stringify(forms)}
      style={{ height: 320 }}
    />
  );
}
