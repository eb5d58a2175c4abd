import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import { scorecardStore } from '../appRoot';
import { formatKpiValue } from './formatKpi';
import { useScorecard } from './scorecardApp';

/** KRIs breached in the latest period, then those whose trend crosses the threshold soon, then the rest. */
export function KriPanel() {
  const kpis = useScorecard((s) => s.kpis);
  const kri = useScorecard((s) => s.kri);
  const evaluations = useScorecard((s) => s.evaluations);
  const kris = kpis.filter((k) => k.kind === 'kri' && kri[k.id] !== undefined);
  const breached = kris.filter((k) => kri[k.id]?.breached === true);
  const warning = kris.filter((k) => kri[k.id]?.warning === true);
  const calm = kris.filter((k) => !breached.includes(k) && !warning.includes(k));
  const item = (id: string, label: string, cls: string, sign: string, text: string) => (
    <li key={id} className={`kri-item ${cls}`}>
      <button type="button" className="kri-link" onClick={() => scorecardStore.getState().select(id)}>
        <span className="status-sign" aria-hidden="true">
          {sign}
        </span>
        <span className="kri-label">{label}</span>
        <span className="kri-text">{text}</span>
      </button>
    </li>
  );
  return (
    <section className="panel-section kri-panel" aria-labelledby="kri-heading">
      <h3 id="kri-heading">{t('kri.heading')}</h3>
      {kris.length === 0 && <p className="muted">{t('kri.none')}</p>}
      <ul className="kri-list">
        {breached.map((k) =>
          item(
            k.id,
            kpiLabel(k),
            'status-bad',
            '✕',
            t('kri.breached', {
              value: formatKpiValue(evaluations[k.id]?.value ?? null, k),
              threshold: formatKpiValue(k.thresholds?.critical ?? null, k),
            }),
          ),
        )}
        {warning.map((k) =>
          item(
            k.id,
            kpiLabel(k),
            'status-warning',
            '!',
            t('kri.warning', {
              count: kri[k.id]?.periodsToBreach ?? 0,
              threshold: formatKpiValue(k.thresholds?.critical ?? null, k),
            }),
          ),
        )}
        {calm.map((k) =>
          item(
            k.id,
            kpiLabel(k),
            'status-good',
            '✓',
            t('kri.within', {
              value: formatKpiValue(evaluations[k.id]?.value ?? null, k),
              threshold: formatKpiValue(k.thresholds?.critical ?? null, k),
            }),
          ),
        )}
      </ul>
    </section>
  );
}
