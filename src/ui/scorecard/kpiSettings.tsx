import '../mapping/mapping.css';
import { useEffect, useId, useState } from 'react';
import type { KpiUnit } from '../../core/kpi/types';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { scorecardStore } from '../appRoot';
import { editText, figureProblemText, KPI_UNITS, readKpiFigure, unitLabel } from './formatKpi';

const DIRECTIONS: readonly WorkbookKpi['direction'][] = ['up', 'down', 'context'];

/** Label, unit, direction and target of the selected KPI, edited in place (each change an undo step). */
export function KpiSettings({ kpi }: { kpi: WorkbookKpi }) {
  const id = useId();
  // A catalog KPI shows its name in the page's language; keeping that name renames nothing.
  const shownLabel = kpiLabel(kpi);
  const [label, setLabel] = useState(shownLabel);
  const stored = editText(kpi.target, kpi);
  const [target, setTarget] = useState(stored);
  // A unit change rescales the target (35 typed as a count is 35 % once the unit is %).
  useEffect(() => setTarget(stored), [stored]);
  const s = scorecardStore.getState();
  const commitLabel = () => {
    const v = label.trim();
    if (v !== '' && v !== shownLabel) s.setLabel(kpi.id, v);
    else setLabel(shownLabel);
  };
  const [problem, setProblem] = useState<string | null>(null);
  const commitTarget = () => {
    const r = readKpiFigure(target, kpi);
    if (!r.ok) {
      // The text stays for the user to fix; the stored target is unchanged.
      setProblem(figureProblemText(r, kpi));
      return;
    }
    setProblem(null);
    if (r.value !== kpi.target) s.setTarget(kpi.id, r.value);
    setTarget(editText(r.value, kpi));
  };
  const enter = (commit: () => void) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') commit();
  };
  return (
    <div className="panel-section">
      <h3>{t('kpiEdit.heading')}</h3>
      <div className="kpi-edit">
        <label htmlFor={`${id}-label`}>{t('kpiEdit.label')}</label>
        <input
          id={`${id}-label`}
          type="text"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={commitLabel}
          onKeyDown={enter(commitLabel)}
        />
        <label htmlFor={`${id}-unit`}>{t('kpiEdit.unit')}</label>
        <select
          id={`${id}-unit`}
          value={kpi.unit}
          onChange={(e) => s.setUnit(kpi.id, e.target.value as KpiUnit)}
        >
          {KPI_UNITS.map((u) => (
            <option key={u} value={u}>
              {unitLabel({ ...kpi, unit: u })}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-dir`}>{t('kpiEdit.direction')}</label>
        <select
          id={`${id}-dir`}
          value={kpi.direction}
          onChange={(e) => s.setDirection(kpi.id, e.target.value as WorkbookKpi['direction'])}
        >
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`kpiEdit.${d}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-target`}>{t('kpiEdit.target')}</label>
        <input
          id={`${id}-target`}
          type="text"
          inputMode="decimal"
          value={target}
          data-testid="kpi-target"
          onChange={(e) => setTarget(e.target.value)}
          onBlur={commitTarget}
          onKeyDown={enter(commitTarget)}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : `${id}-target-problem`}
        />
      </div>
      {problem !== null && (
        <p id={`${id}-target-problem`} className="map-problem error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
