import { useState } from 'react';
import type { Diagnostic } from '../../core/formula/diagnostics';
import { CATALOG, KPI_FAMILIES } from '../../core/kpi/catalog';
import { diagnosticText } from '../../i18n/diagnostics';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import { Dialog } from '../dialog';
import { familyLabel } from './families';
import { scorecardStore, useScorecard } from './scorecardApp';
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

/** A KPI of the user's own: a label and a formula, checked before it is added. */
export function NewKpiDialog({ onClose }: { onClose(): void }) {
  const [label, setLabel] = useState('');
  const [formula, setFormula] = useState('');
  const [problems, setProblems] = useState<Diagnostic[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!label.trim() || !formula.trim()) {
      setProblems([]);
      return;
    }
    setBusy(true);
    const r = await scorecardStore.getState().addKpi({ label, formula });
    setBusy(false);
    if (r.id === null) setProblems(r.diagnostics);
    else onClose();
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
            disabled={busy || !label.trim() || !formula.trim()}
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
        <label className="field">
          <span>{t('newKpi.formula')}</span>
          <input
            type="text"
            className="sc-formula-input"
            dir="ltr"
            value={formula}
            placeholder="DIVIDE(COUNTIF(deals.won), COUNT(deals.closed_at))"
            spellCheck={false}
            onChange={(e) => setFormula(e.target.value)}
          />
        </label>
        <ul className="sc-formula-problems">
          {problems.map((d) => (
            <li key={`${d.code}:${d.span.start}`} className="sc-problem error">
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
