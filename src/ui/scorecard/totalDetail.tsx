import type { Comparison } from '../../core/kpi/evaluate';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { ChangeCell } from './changeCell';
import { formatKpiExact } from './formatKpi';
import { useScorecard } from './scorecardApp';
import { noDataText, spanText } from './totalText';

/**
 * The detail panel's whole-range figure: the exact value over the range shown, against
 * the range of equal length before it and the same range last year; or why it is blank.
 */
export function TotalDetail({ kpi }: { kpi: WorkbookKpi }) {
  const total = useScorecard((s) => s.totals[kpi.id]);
  if (total === undefined || total.range === null) return null;
  const reason = noDataText(total);
  const row = (label: string, c: Comparison, where: 'rangePrevious' | 'rangeLastYear') => (
    <tr>
      <th scope="row">{label}</th>
      <td className="cell-number">{formatKpiExact(c.base, kpi)}</td>
      <ChangeCell c={c} kpi={kpi} where={where} />
    </tr>
  );
  return (
    <table className="sc-compare sc-total" data-testid="detail-total">
      <tbody>
        <tr>
          <th scope="row">
            {total.dated ? t('detail.total', spanText(total.range)) : t('detail.totalAllRows')}
          </th>
          <td className="cell-number" data-testid="detail-total-value" colSpan={2}>
            {reason ?? formatKpiExact(total.value, kpi)}
          </td>
        </tr>
        {total.previous.range !== null &&
          total.dated &&
          row(t('detail.totalPrevious', spanText(total.previous.range)), total.previous, 'rangePrevious')}
        {total.lastYear.range !== null &&
          total.dated &&
          row(t('detail.totalLastYear', spanText(total.lastYear.range)), total.lastYear, 'rangeLastYear')}
        {!total.dated && (
          <tr>
            <td colSpan={3} className="muted sc-wrap">
              {t('detail.noPeriods')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
