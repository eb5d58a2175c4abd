import './pace.css';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { ToDate } from '../../app/scorecard/toDate';
import { t } from '../../i18n/t';
import { formatKpiValue } from './formatKpi';
import { PaceBadge } from './paceBadge';
import { paceBasisText, paceChangesText } from './paceText';
import { periodName } from './periodName';
import { isKpi, type Row } from './scorecardRows';
import { spanText } from './totalText';

const DAY_MS = 86_400_000;
const daysOf = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/**
 * The period the data has not finished, to date: each KPI's value so far with its pace
 * against the target; the like-for-like changes and the basis of the status on hover.
 */
export function paceColumn(toDate: Pick<ToDate, 'period' | 'today'>): ColDef<Row> {
  const { period, today } = toDate;
  return {
    colId: 'toDate',
    headerName: `${t('pace.col')}\n${periodName(period.label)}`,
    headerTooltip: t('pace.colTip', {
      ...spanText({ from: period.start, to: today }),
      today: spanText({ from: today, to: today }).to,
      days: daysOf(period.start, today),
      total: daysOf(period.start, period.end),
      period: periodName(period.label),
    }),
    flex: 1,
    minWidth: 112,
    wrapHeaderText: true,
    autoHeaderHeight: true,
    cellClass: 'sc-tight sc-to-date',
    valueGetter: (p) => (isKpi(p.data) ? (p.data.pace?.value ?? null) : null),
    tooltipValueGetter: (p) => {
      const pace = isKpi(p.data) ? p.data.pace : null;
      if (!isKpi(p.data) || pace === null || pace.value === null) return null;
      const basis =
        pace.status === null ? [] : [`${t(`pace.${pace.status}`)}: ${paceBasisText(pace, p.data.kpi)}`];
      return [paceChangesText(pace, p.data.kpi), ...basis].join('\n');
    },
    cellRenderer: (p: ICellRendererParams<Row>) => {
      if (!isKpi(p.data) || p.data.pace === null) return null;
      const { pace, kpi } = p.data;
      return (
        <span className="sc-pace" data-testid="to-date-cell">
          <span className={pace.value === null ? 'cell-blank' : 'cell-number'}>
            {formatKpiValue(pace.value, kpi)}
          </span>
          {pace.status !== null && (
            <PaceBadge compact status={pace.status} title={paceBasisText(pace, kpi)} />
          )}
        </span>
      );
    },
  };
}
