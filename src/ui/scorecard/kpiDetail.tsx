import { benchmarkTooltip, comparableValue } from '../../core/kpi/benchmarks';
import type { Comparison } from '../../core/kpi/evaluate';
import { formatPeriodLabel } from '../../i18n/format';
import { kpiDescription, kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import { scorecardStore } from '../appRoot';
import { BreakdownChart } from '../charts/breakdownChart';
import { KpiDetailChart } from '../charts/kpiDetailChart';
import { KpiBullet } from './bulletChart';
import { ChangeCell } from './changeCell';
import { ChangeExplainer } from './changeExplainer';
import { failureText } from './failureText';
import { familyLabel } from './families';
import { changeClass, formatChange, formatKpiExact, formatKpiValue, unitLabel } from './formatKpi';
import { KpiNotes, useKpiNotes } from './kpiNotes';
import { KpiSettings } from './kpiSettings';
import { KriPanel } from './kriPanel';
import { PaceDetail } from './paceDetail';
import { useScorecard } from './scorecardApp';
import { StatusBadge } from './statusBadge';
import type { ThinWhere } from './thinText';
import { TotalDetail } from './totalDetail';
import { UserBenchmarks } from './userBenchmarks';

/** The right panel on the scorecard: the selected KPI's numbers and charts, or the KRI alerts. */
export function ScorecardDetail() {
  const id = useScorecard((s) => s.selectedKpi);
  const kpi = useScorecard((s) => s.kpis.find((k) => k.id === s.selectedKpi));
  const e = useScorecard((s) => (id === null ? undefined : s.evaluations[id]));
  const values = useScorecard((s) => (id === null ? undefined : s.series[id]));
  const bases = useScorecard((s) => (id === null ? undefined : s.bases[id]));
  const periods = useScorecard((s) => s.periods);
  const grain = useScorecard((s) => s.settings.grain);
  const by = useScorecard((s) => s.settings.breakdown);
  const bench = useScorecard((s) => (id === null ? undefined : s.benchmarks[id]));
  const kri = useScorecard((s) => (id === null ? undefined : s.kri[id]));
  const segments = useScorecard((s) => (id === null ? undefined : s.segments[id]));
  const segmentsPending = useScorecard((s) => s.segmentsPending);
  const failure = useScorecard((s) => (id === null ? undefined : s.failures[id]));
  const kpis = useScorecard((s) => s.kpis);
  const notes = useKpiNotes(id);
  // Tables without a date column give one figure over all rows, and no periods to compare.
  const undatedTotal = useScorecard((s) => (id === null ? undefined : s.totals[id]));
  const undated = undatedTotal?.dated === false;

  if (kpi === undefined || e === undefined) {
    return (
      <aside className="right sc-detail" aria-label={t('detail.heading')}>
        <div className="panel-heading">
          <span>{t('detail.heading')}</span>
        </div>
        <p className="panel-section muted">{t('detail.pick')}</p>
        <KriPanel />
      </aside>
    );
  }
  // An average (of the previous periods) is not a figure of the data: shown as the KPI
  // shows its values, not to six decimals.
  const row = (label: string, c: Comparison, where?: ThinWhere, average = false) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="cell-number" title={average ? formatKpiExact(c.base, kpi) : undefined}>
        {average ? formatKpiValue(c.base, kpi) : formatKpiExact(c.base, kpi)}
      </td>
      <ChangeCell c={c} kpi={kpi} where={where} />
    </tr>
  );
  const headline = undated ? (undatedTotal?.value ?? null) : e.value;
  return (
    <aside className="right sc-detail" aria-label={t('detail.heading')} data-kpi={kpi.id}>
      <div className="panel-heading">
        <span>{familyLabel(kpi.family)}</span>
        <button
          type="button"
          className="btn ghost small"
          onClick={() => scorecardStore.getState().select(null)}
        >
          {t('detail.showKris')}
        </button>
      </div>
      <div className="panel-section">
        <h3 className="sc-detail-title">
          {kpiLabel(kpi)} <span className="faint">{unitLabel(kpi)}</span>
        </h3>
        <div className="sc-headline">
          <span className="sc-big" data-testid="detail-value" title={formatKpiExact(headline, kpi)}>
            {formatKpiValue(headline, kpi)}
          </span>
          {formatKpiExact(headline, kpi) !== formatKpiValue(headline, kpi) && (
            <span className="sc-exact muted" data-testid="detail-exact">
              {formatKpiExact(headline, kpi)}
            </span>
          )}
          <span className="muted">
            {undated ? t('detail.allRows') : e.period && formatPeriodLabel(e.period)}
          </span>
          <StatusBadge status={e.status} />
        </div>
        {failure !== undefined && (
          <p className="sc-failure" role="status" data-testid="detail-failure">
            {failureText(failure, kpis)}
          </p>
        )}
        {kpi.description && <p className="muted sc-desc">{kpiDescription(kpi)}</p>}
        <table className="sc-compare">
          <tbody>
            {!undated && row(t('detail.previous'), e.previous, 'previous')}
            {!undated && row(t('detail.lastYear'), e.lastYear, 'lastYear')}
            {!undated && row(t('detail.rolling', { n: e.rolling.periods }), e.rolling, 'rolling', true)}
            {kpi.target !== null && row(t('detail.target'), e.target)}
            {bench !== undefined && (
              <tr title={benchmarkTooltip(bench)}>
                <th scope="row">{t('detail.benchmark')}</th>
                <td className="cell-number">
                  {comparableValue(bench) === null
                    ? t('scorecard.benchIndex', { n: String(bench.value ?? '') })
                    : formatKpiExact(comparableValue(bench), kpi)}
                </td>
                <td className={changeClass(e.benchmark)}>
                  {e.benchmark.change === null ? '' : formatChange(e.benchmark, kpi)}
                  {e.benchmark.quartile && ` · ${t(`quartile.${e.benchmark.quartile}`)}`}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        <TotalDetail kpi={kpi} />
        {bench !== undefined && bench.source === 'user' && (
          <p className="sc-source faint">
            {t('benchmarks.yours', { note: bench.note ? `: ${bench.note}` : '' })}
          </p>
        )}
        {bench !== undefined && bench.source !== 'user' && (
          <p className="sc-source faint">
            {t('detail.source', { source: bench.source, year: bench.year, statistic: bench.statistic })}
            {bench.secondary && ` · ${t('detail.secondary')}`}
          </p>
        )}
      </div>
      {!undated && <PaceDetail kpi={kpi} />}
      {!undated && (
        <div className="panel-section">
          <KpiDetailChart
            input={{ kpi, periods, values: values ?? [], bases, grain, benchmark: bench, kri, notes }}
          />
        </div>
      )}
      <KpiBullet id={kpi.id} />
      {/* Keys unique among these siblings: two alike left a stale copy behind at each KPI chosen. */}
      <KpiNotes key={`notes:${kpi.id}`} kpi={kpi} />
      {by !== null && segments !== undefined && segments.length > 0 && (
        <div className="panel-section">
          <h3>{t('detail.segments', { by, period: e.period ? formatPeriodLabel(e.period) : '' })}</h3>
          <BreakdownChart
            input={{
              kpi,
              segments,
              benchmark: bench === undefined ? null : comparableValue(bench),
              period: e.period ?? '',
              by,
            }}
          />
        </div>
      )}
      {by !== null && segmentsPending && (
        <p className="panel-section muted">{t('detail.segmentsPending', { by })}</p>
      )}
      {by !== null && !segmentsPending && segments === undefined && (
        <p className="panel-section muted">{t('detail.noSegments', { by })}</p>
      )}
      {!undated && <ChangeExplainer kpi={kpi} />}
      <KpiSettings key={`${kpi.id}:${kpi.label}:${kpi.target}`} kpi={kpi} />
      <UserBenchmarks key={`benchmarks:${kpi.id}`} kpi={kpi} />
      <div className="panel-section">
        <h3>{t('detail.formula')}</h3>
        <code className="sc-code">{kpi.formula}</code>
        {kpi.origin === 'user' && (
          <button
            type="button"
            className="btn small"
            onClick={() => void scorecardStore.getState().removeKpi(kpi.id)}
          >
            {t('detail.remove')}
          </button>
        )}
      </div>
    </aside>
  );
}
