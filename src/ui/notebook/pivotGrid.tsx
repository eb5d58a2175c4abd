import { useMemo } from 'react';
import { PIVOT_TOTAL, PIVOT_TOTAL_ROW } from '../../core/analysis/pivot';
import type { ResultTable } from '../../core/notebook/types';
import { t } from '../../i18n/t';
import { ResultGrid, type Row } from './resultGrid';

/** A pivot: its cells, the row totals as the last column and the column totals pinned under the rows. */
export function PivotGrid({ result }: { result: ResultTable }) {
  const { body, totals, headers } = useMemo(() => {
    const columns = result.columns.filter((c) => c.name !== PIVOT_TOTAL_ROW);
    const rowKey = columns[0]?.name ?? '';
    const strip = (r: Row): Row => {
      const { [PIVOT_TOTAL_ROW]: _flag, ...rest } = r;
      return rest;
    };
    const isTotal = (r: Row) => r[PIVOT_TOTAL_ROW] === 1;
    const total = t('notebook.pivot.total');
    return {
      body: { ...result, columns, rows: result.rows.filter((r) => !isTotal(r)).map(strip) },
      totals: result.rows.filter(isTotal).map((r) => ({ ...strip(r), [rowKey]: total })),
      headers: { [PIVOT_TOTAL]: total },
    };
  }, [result]);
  return (
    <div className="nb-pivot-grid">
      <ResultGrid result={body} pinnedBottom={totals} headers={headers} />
    </div>
  );
}
