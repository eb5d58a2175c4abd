import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { DateSpan } from '../../core/kpi/dateRange';
import type { TotalFigure } from '../../core/kpi/wholeRange';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { formatKpiExact, formatKpiValue } from './formatKpi';
import { noDataText, spanText } from './totalText';

/** What the Total column reads from a grid row: null on rows that are not KPIs. */
type TotalOf<R> = (row: R | undefined) => { total: TotalFigure | undefined; kpi: WorkbookKpi } | null;

/**
 * The grid's Total column: each KPI over the whole range shown (the exact value on
 * hover), or why it has nothing there: the dates its tables do hold.
 */
export function totalColumn<R>(of: TotalOf<R>, range: DateSpan | null): ColDef<R> {
  return {
    colId: 'total',
    headerName: t('scorecard.col.total'),
    headerTooltip: range === null ? undefined : t('scorecard.totalHint', spanText(range)),
    type: 'rightAligned',
    valueGetter: (p) => of(p.data)?.total?.value ?? null,
    valueFormatter: (p) => {
      const r = of(p.data);
      return r === null ? '' : formatKpiValue(p.value as number | null, r.kpi);
    },
    tooltipValueGetter: (p) => {
      const r = of(p.data);
      if (r === null) return null;
      return noDataText(r.total) ?? (typeof p.value === 'number' ? formatKpiExact(p.value, r.kpi) : null);
    },
    cellClass: (p) => (p.value === null || p.value === undefined ? 'cell-blank' : 'cell-number'),
    cellRenderer: (p: ICellRendererParams<R>) => {
      const reason = noDataText(of(p.data)?.total);
      return reason === null ? (
        p.valueFormatted
      ) : (
        <span className="sc-reason" data-testid="total-no-data">
          {reason}
        </span>
      );
    },
  };
}
