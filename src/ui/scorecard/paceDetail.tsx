import type { Comparison } from '../../core/kpi/evaluate';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { ChangeCell } from './changeCell';
import { formatKpiExact } from './formatKpi';
import { kpiPace } from './kpiPace';
import { PaceBadge } from './paceBadge';
import { paceBasisText } from './paceText';
import { periodName } from './periodName';
import { useScorecard } from './scorecardApp';
import { spanText } from './totalText';

/**
 * The detail panel's current period: the value to date against the same days of the
 * previous period and of last year, the projection to period end and the target.
 */
export function PaceDetail({ kpi }: { kpi: WorkbookKpi }) {
  const toDate = useScorecard((s) => s.toDate);
  const pace = kpiPace(kpi, toDate);
  if (toDate === null || pace === null) return null;
  const row = (label: string, c: Comparison) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="cell-number">{formatKpiExact(c.base, kpi)}</td>
      <ChangeCell c={c} kpi={kpi} />
    </tr>
  );
  return (
    <section className="panel-section sc-pace-detail" data-testid="pace-detail">
      <h3>{t('pace.heading', { period: periodName(toDate.period.label) })}</h3>
      <p className="faint">
        {t('pace.days', {
          days: pace.daysElapsed,
          total: pace.daysInPeriod,
          today: spanText({ from: toDate.today, to: toDate.today }).to,
        })}
      </p>
      {pace.daysElapsed === 0 || pace.value === null ? (
        <p className="muted">{t('pace.noDays')}</p>
      ) : (
        <table className="sc-compare">
          <tbody>
            <tr>
              <th scope="row">{t('pace.value')}</th>
              <td className="cell-number" data-testid="pace-value" colSpan={2}>
                {formatKpiExact(pace.value, kpi)}
              </td>
            </tr>
            {row(t('pace.previous', { days: pace.daysElapsed }), pace.previous)}
            {row(t('pace.lastYear'), pace.lastYear)}
            <tr>
              <th scope="row">{t('pace.projection')}</th>
              <td className="cell-number" data-testid="pace-projection" colSpan={2}>
                {formatKpiExact(pace.projection, kpi)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('pace.target')}</th>
              <td className="cell-number">{formatKpiExact(pace.target, kpi)}</td>
              <td>{pace.status !== null && <PaceBadge status={pace.status} />}</td>
            </tr>
          </tbody>
        </table>
      )}
      {pace.status !== null && <p className="faint sc-wrap">{paceBasisText(pace, kpi)}</p>}
      {pace.value !== null && kpi.target === null && kpi.direction !== 'context' && (
        <p className="faint">{t('pace.noTarget')}</p>
      )}
    </section>
  );
}
