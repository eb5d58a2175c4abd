import { useMemo, useState } from 'react';
import type { Diagnostic } from '../../core/formula/diagnostics';
import { CATALOG, KPI_FAMILIES } from '../../core/kpi/catalog';
import { newKpiShape } from '../../core/kpi/ratioFormula';
import type { KpiDirection, KpiUnit } from '../../core/kpi/types';
import { diagnosticText } from '../../i18n/diagnostics';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import { scorecardStore } from '../appRoot';
import { Dialog } from '../dialog';
import { LazyFormulaEditor } from '../formula/lazyFormulaEditor';
import { familyLabel } from './families';
import { KPI_UNITS, unitLabel } from './formatKpi';
import { formulaNames } from './formulaBar';
import { useScorecard } from './scorecardApp';
import { unavailableText } from './unavailableText';

/** Catalog KPIs not yet in the workbook, by family; greyed with the reason when the data lacks a column. */
export function AddKpiDialog({ onClose }: { onClose(): void }) {
  const kpis = useScorecard((s) => s.kpis);
  const unavailable = useScorecard((s) => s.unavailable);
  const have = new Set(kpis.map((k) => k.id));
  const why = new Map(unavailable.map((u) => [u.kpi.id, u.missing]));
  const missing = CATALOG.filter((k) => !have.has(k.id));
  return (
    <Dialog
      title={t('addKpi.title')}
      onClose={onClose}
      footer={
        <button type="button" className="btn" onClick={onClose}>
          {t('addKpi.close')}
        </button>
      }
    >
      {missing.length === 0 && <p>{t('addKpi.allIn')}</p>}
      {KPI_FAMILIES.map((f) => {
        const items = missing.filter((k) => k.family === f);
        if (items.length === 0) return null;
        return (
          <section key={f} className="sc-picker-family">
            <h3>{familyLabel(f)}</h3>
            <ul>
              {items.map((k) => {
                const reason = why.get(k.id);
                return (
                  <li key={k.id}>
                    <button
                      type="button"
                      className="btn small"
                      disabled={reason !== undefined}
                      onClick={() => {
                        void scorecardStore.getState().addCatalogKpi(k.id);
                        onClose();
                      }}
                    >
                      {t('addKpi.add')}
                    </button>
                    <span>{kpiLabel(k)}</span>
                    {reason !== undefined && <span className="faint">{unavailableText(reason)}</span>}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </Dialog>
  );
}

const DIRECTIONS: readonly KpiDirection[] = ['up', 'down', 'context'];

/**
 * A KPI of the user's own: a label and a formula, checked before it is added. The unit
 * follows the formula until the user picks one (a count over a count is a %); which way
 * is better is asked, never guessed.
 */
export function NewKpiDialog({ onClose }: { onClose(): void }) {
  const [label, setLabel] = useState('');
  const [formula, setFormula] = useState('');
  const [pickedUnit, setUnit] = useState<KpiUnit | null>(null);
  const [direction, setDirection] = useState<KpiDirection | null>(null);
  const [problems, setProblems] = useState<Diagnostic[]>([]);
  // The formula the problems were found in: they are underlined only while it is unchanged.
  const [checked, setChecked] = useState('');
  const [busy, setBusy] = useState(false);
  const shape = useMemo(() => newKpiShape(formula), [formula]);
  const unit = pickedUnit ?? shape.unit;
  const ready = label.trim() !== '' && formula.trim() !== '' && direction !== null;
  const submit = async () => {
    if (!ready) {
      setProblems([]);
      return;
    }
    setBusy(true);
    const r = await scorecardStore.getState().addKpi({ label, formula, unit, direction });
    setBusy(false);
    if (r.id === null) {
      setProblems(r.diagnostics);
      setChecked(formula);
    } else onClose();
  };
  return (
    <Dialog
      title={t('newKpi.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('newKpi.cancel')}
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={busy || !ready}
            onClick={() => void submit()}
          >
            {t('newKpi.add')}
          </button>
        </>
      }
    >
      <form
        className="form sc-new-kpi"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>{t('newKpi.label')}</span>
          <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <div className="field">
          <span aria-hidden="true">{t('newKpi.formula')}</span>
          <LazyFormulaEditor
            label={t('newKpi.formula')}
            value={formula}
            placeholder="DIVIDE(COUNTIF(deals.won), COUNT(deals.closed_at))"
            diagnostics={checked === formula ? problems : []}
            names={() => formulaNames(null)}
            onChange={setFormula}
            onApply={() => void submit()}
          />
        </div>
        <label className="field">
          <span>{t('newKpi.unit')}</span>
          <select
            data-testid="new-kpi-unit"
            value={unit}
            onChange={(e) => setUnit(e.target.value as KpiUnit)}
          >
            {KPI_UNITS.map((u) => (
              <option key={u} value={u}>
                {unitLabel({ unit: u, format: 'number' })}
              </option>
            ))}
          </select>
        </label>
        {pickedUnit === null && shape.unit === '%' && <p className="muted">{t('newKpi.ratioHint')}</p>}
        <fieldset className="field">
          <legend>{t('newKpi.direction')}</legend>
          {DIRECTIONS.map((d) => (
            <label key={d}>
              <input
                type="radio"
                name="new-kpi-direction"
                value={d}
                checked={direction === d}
                onChange={() => setDirection(d)}
              />
              {t(`newKpi.${d}`)}
            </label>
          ))}
        </fieldset>
        {direction === null && label.trim() !== '' && formula.trim() !== '' && (
          <p className="faint">{t('newKpi.needsDirection')}</p>
        )}
        <ul className="sc-formula-problems">
          {problems.map((d) => (
            <li key={`${d.code}:${d.span.start}`} className={`sc-problem ${d.severity}`}>
              <span className="sc-problem-at">{t('formula.at', { col: d.span.start + 1 })}</span>
              {diagnosticText(d)}
            </li>
          ))}
        </ul>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
