import type { ResultTable } from '../../core/notebook/types';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import { formatChange, formatKpi, periodLabel } from './format';

/** "What changed": each KPI this period against the last, the change coloured by whether it is good. */
export function KpiChangeTable({ result }: { result: ResultTable }) {
  const first = result.rows[0];
  const period = periodLabel(first?.period, result);
  const previous = periodLabel(first?.previousPeriod, result);
  return (
    <table className="nb-kpi-table">
      <thead>
        <tr>
          <th scope="col">{t('notebook.kpi.label')}</th>
          <th scope="col" className="num">
            {t('notebook.kpi.previous', { period: previous })}
          </th>
          <th scope="col" className="num">
            {t('notebook.kpi.value', { period })}
          </th>
          <th scope="col" className="num">
            {t('notebook.kpi.change')}
          </th>
        </tr>
      </thead>
      <tbody>
        {result.rows.map((r) => {
          const change = typeof r.change === 'number' ? r.change : null;
          const good =
            change === null || change === 0 || r.direction === 'context'
              ? ''
              : change > 0 === (r.direction === 'up')
                ? 'good'
                : 'bad';
          return (
            <tr key={String(r.kpi)}>
              <th scope="row">{kpiLabel({ id: String(r.kpi), label: String(r.label) })}</th>
              <td className="num">{formatKpi(r.previous, String(r.format))}</td>
              <td className="num strong">{formatKpi(r.value, String(r.format))}</td>
              <td className={`num change ${good}`}>
                {change === null || change === 0 ? '' : change > 0 ? '▲ ' : '▼ '}
                {formatChange(r.change, r.changeKind)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
