import type { ExplainedChange } from '../analysis/explain';
import type { ResultTable } from './types';

/**
 * A split change as a cell's rows: one per segment (the folded tail last), its value in
 * each period and its effects; a ratio adds the segment's share of the denominator and
 * the mix and rate effects. The whole answer rides along for the sentence and the chart.
 */
export function contributionTable(change: ExplainedChange): ResultTable {
  const ratio = change.shape === 'ratio';
  const names = ratio ? ['a', 'b', 'share_a', 'share_b', 'mix', 'rate', 'total'] : ['a', 'b', 'total'];
  return {
    columns: [
      { name: 'segment', kind: 'text' },
      { name: 'others', kind: 'number' },
      ...names.map((name) => ({ name, kind: 'number' as const })),
    ],
    rows: change.segments.map((s) => {
      const values: Record<string, number | null> = {
        a: s.a,
        b: s.b,
        share_a: s.shareA,
        share_b: s.shareB,
        mix: s.mix,
        rate: s.rate,
        total: s.total,
      };
      return {
        segment: s.segment,
        others: s.others,
        ...Object.fromEntries(names.map((n) => [n, values[n]])),
      };
    }),
    change,
  };
}
