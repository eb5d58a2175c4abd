import { comparableValue } from '../../core/kpi/benchmarks';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import { BulletChart } from '../charts/bulletChart';
import { useScorecard } from './scorecardApp';

/** The selected KPI's latest value against its target, when it has both. */
export function KpiBullet({ id }: { id: string }) {
  const kpi = useScorecard((s) => s.kpis.find((k) => k.id === id));
  const value = useScorecard((s) => s.evaluations[id]?.value ?? null);
  const bench = useScorecard((s) => s.benchmarks[id]);
  if (kpi === undefined || kpi.target === null || value === null) return null;
  return (
    <div className="panel-section">
      <h3>{t('bullet.title', { kpi: kpiLabel(kpi) })}</h3>
      <BulletChart
        input={{
          kpi,
          value,
          target: kpi.target,
          benchmark: bench === undefined ? null : comparableValue(bench),
        }}
      />
    </div>
  );
}
