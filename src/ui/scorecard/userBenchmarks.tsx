import '../mapping/mapping.css';
import { useState } from 'react';
import { nextUserKey, scaleForFormat, userBenchmarkRow } from '../../app/scorecard/userBenchmarks';
import { INDUSTRIES } from '../../core/kpi/benchmarks';
import { isPercentUnit } from '../../core/kpi/kpiFigure';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { scorecardStore } from '../appRoot';
import { CloseIcon, PlusIcon } from '../icons';
import { figureProblemText, formatKpiValue, readKpiFigure } from './formatKpi';
import { useScorecard } from './scorecardApp';

const industryLabel = (key: string) => INDUSTRIES.find((i) => i.key === key)?.label ?? key;

/**
 * "My benchmarks" for the selected KPI: the user's own figures (a board's goal, a
 * peer's number, last year's plan), which come before published ones in every comparison.
 */
export function UserBenchmarks({ kpi }: { kpi: WorkbookKpi }) {
  const key = kpi.benchmarkKey ?? kpi.id;
  const all = useScorecard((s) => s.userBenchmarks);
  const industry = useScorecard((s) => s.settings.industry);
  const rows = all.filter((r) => r.kpiId === key);
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [where, setWhere] = useState(industry);
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    const r = readKpiFigure(value, kpi);
    if (!r.ok || r.value === null) {
      setError(r.ok ? t('benchmarks.needsValue') : figureProblemText(r, kpi));
      return;
    }
    const v = r.value;
    const row = userBenchmarkRow(
      { kpiId: key, industry: where, value: v, note, scale: scaleForFormat(kpi.format) },
      nextUserKey(key, all),
    );
    scorecardStore.getState().setUserBenchmarks([...all, row]);
    setValue('');
    setNote('');
    setError(null);
  };
  return (
    <div className="panel-section" data-testid="user-benchmarks">
      <h3>{t('benchmarks.heading')}</h3>
      <p className="muted">{t('benchmarks.hint')}</p>
      {rows.length === 0 ? (
        <p className="faint">{t('benchmarks.none')}</p>
      ) : (
        <ul className="bench-list">
          {rows.map((r) => (
            <li key={r.key}>
              <span>{industryLabel(r.industry)}</span>
              {r.note && <span className="faint">{r.note}</span>}
              <span className="value">{formatKpiValue(r.value, kpi)}</span>
              <button
                type="button"
                className="btn ghost small"
                aria-label={t('benchmarks.remove', { name: `${industryLabel(r.industry)} ${r.note ?? ''}` })}
                onClick={() =>
                  scorecardStore.getState().setUserBenchmarks(all.filter((x) => x.key !== r.key))
                }
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="bench-form">
        <select
          aria-label={t('benchmarks.industry')}
          value={where}
          onChange={(e) => setWhere(e.target.value)}
        >
          {INDUSTRIES.map((i) => (
            <option key={i.key} value={i.key}>
              {i.label}
            </option>
          ))}
        </select>
        <input
          type="text"
          inputMode="decimal"
          size={7}
          aria-label={t('benchmarks.value')}
          placeholder={t('benchmarks.value')}
          title={isPercentUnit(kpi.unit) ? t('benchmarks.percentHint') : undefined}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <input
          type="text"
          size={12}
          aria-label={t('benchmarks.source')}
          placeholder={t('benchmarks.source')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="button" className="btn small" onClick={add}>
          <PlusIcon />
          {t('benchmarks.add')}
        </button>
      </div>
      {error && (
        <p className="map-problem error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
