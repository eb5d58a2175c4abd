import { isCodeColumn } from '../core/ingest/codeColumn';
import type { ColumnKind } from '../core/model/columnKind';
import { formatValue } from '../i18n/format';
import { t } from '../i18n/t';
import type { HistogramBin } from '../state/columnProfile';

const W = 280;
const H = 96;
const AXIS = 14;

/** A plain SVG histogram: bars sized by count, the range written under it. */
export function Histogram({
  bins,
  kind,
  column,
}: {
  bins: HistogramBin[];
  kind: ColumnKind;
  column: string;
}) {
  if (bins.length === 0) return null;
  const max = Math.max(...bins.map((b) => b.count), 1);
  const bw = W / bins.length;
  const plotH = H - AXIS;
  const label = (v: number) => formatValue(kind === 'number' ? v : Math.round(v), kind, isCodeColumn(column));
  return (
    <svg
      className="histogram"
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={t('profile.histogramLabel', { column, bins: bins.length })}
    >
      {bins.map((b, i) => {
        const h = b.count === 0 ? 0 : Math.max(1.5, (b.count / max) * (plotH - 2));
        return (
          <rect
            key={b.from}
            className="bin"
            x={i * bw + 1}
            y={plotH - h}
            width={Math.max(1, bw - 2)}
            height={h}
            rx={1}
          >
            <title>{t('profile.binTitle', { from: label(b.from), to: label(b.to), count: b.count })}</title>
          </rect>
        );
      })}
      <line x1={0} x2={W} y1={plotH + 0.5} y2={plotH + 0.5} />
      <text className="axis" x={0} y={H - 2}>
        {label(bins[0].from)}
      </text>
      <text className="axis" x={W} y={H - 2} textAnchor="end">
        {label(bins[bins.length - 1].to)}
      </text>
    </svg>
  );
}
