import '../mapping/mapping.css';
import { useId, useState } from 'react';
import type { KpiUnit } from '../../core/kpi/types';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { editText, parseKpiInput, unitLabel } from './formatKpi';
import { scorecardStore } from './scorecardApp';

const UNITS: readonly KpiUnit[] = [
  '%',
  'currency',
  'days',
  'hours',
  'months',
  'points',
  'count',
  'ratio',
  'score',
];
const DIRECTIONS: readonly WorkbookKpi['direction'][] = ['up', 'down', 'context'];

/** Label, unit, direction and target of the selected KPI, edited in place (each change an undo step). */
export function KpiSettings({ kpi }: { kpi: WorkbookKpi }) {
  const id = useId();
  // A catalog KPI shows its name in the page's language; keeping that name renames nothing.
  const shownLabel = kpiLabel(kpi);
  const [label, setLabel] = useState(shownLabel);
  const [target, setTarget] = useState(editText(kpi.target, kpi));
  const s = scorecardStore.getState();
  const commitLabel = () => {
    const v = label.trim();
    if (v !== '' && v !== shownLabel) s.setLabel(kpi.id, v);
    else setLabel(shownLabel);
  };
  const commitTarget = () => {
    const v = parseKpiInput(target, kpi);
    if (v !== kpi.target) s.setTarget(kpi.id, v);
    setTarget(editText(v, kpi));
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
          {UNITS.map((u) => (
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
        />
      </div>
    </div>
  );
}
