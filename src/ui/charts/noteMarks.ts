import type { KpiNote } from '../../core/model/notes';
import type { Period } from '../../state/scorecardStore';
import type { ChartTokens } from './chartTheme';
import { richRun } from './richText';

/** Characters of a note shown on the chart; the detail panel holds the whole text. */
const SHOWN = 40;

/**
 * A vertical marker at each period of `periods` holding a note's day, labelled with the
 * note's text (shortened). The text is data: drawn through a function as one rich-text
 * style, so neither `{b}`-style templates nor a `{style|…}` run in it means anything.
 */
export function noteMarks(periods: readonly Period[], notes: readonly KpiNote[], k: ChartTokens): object[] {
  return notes.flatMap((n) => {
    const at = periods.findIndex((p) => p.start <= n.date && n.date <= p.end);
    if (at < 0) return [];
    const text = n.text.length > SHOWN ? `${n.text.slice(0, SHOWN - 1)}…` : n.text;
    return [
      {
        xAxis: at,
        name: n.text,
        lineStyle: { color: k.warn, type: 'dotted', width: 1.2 },
        label: {
          formatter: () => richRun('note', text),
          rich: { note: { color: k.warn } },
          position: 'insideEndTop',
        },
      },
    ];
  });
}
