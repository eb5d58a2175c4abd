import { useEffect, useState } from 'react';
import { diagnosticText } from '../../i18n/diagnostics';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import { mappingStore, scorecardStore } from '../appRoot';
import type { FormulaNames } from '../formula/formulaCompletions';
import { LazyFormulaEditor } from '../formula/lazyFormulaEditor';
import { useScorecard } from './scorecardApp';

/**
 * The selected KPI's formula. Enter or leaving the field applies it, Escape goes back to
 * the applied one; a formula that does not compile stays here with each problem
 * underlined at its place and the KPI keeps its last good results.
 */
export function FormulaBar() {
  const selected = useScorecard((s) => s.selectedKpi);
  const kpi = useScorecard((s) => s.kpis.find((k) => k.id === s.selectedKpi));
  const draft = useScorecard((s) => (s.selectedKpi === null ? undefined : s.drafts[s.selectedKpi]));
  const runDiagnostics = useScorecard((s) =>
    s.selectedKpi === null ? undefined : s.diagnostics[s.selectedKpi],
  );
  const applied = kpi?.formula ?? '';
  const [text, setText] = useState(draft?.formula ?? applied);
  // Another KPI selected, or the formula applied: show what the store holds.
  useEffect(() => setText(draft?.formula ?? applied), [applied, draft?.formula]);

  if (selected === null || kpi === undefined) {
    return (
      <div className="sc-formula-bar sc-formula-bar-empty">
        <span className="sc-fx">fx</span>
        <span className="faint">{t('formula.pick')}</span>
      </div>
    );
  }
  const shown = draft?.formula === text ? draft.diagnostics : text === applied ? (runDiagnostics ?? []) : [];
  const formulaDiagnostics = shown.filter((d) => d.source !== 'filter');
  const apply = () => {
    if (text === (draft?.formula ?? applied)) return;
    void scorecardStore.getState().setFormula(kpi.id, text);
  };

  return (
    <div className="sc-formula-bar">
      <span className="sc-fx" aria-hidden="true">
        fx
      </span>
      <div className="sc-formula-main">
        <div className="sc-formula-field">
          <LazyFormulaEditor
            id="formula-input"
            label={t('formula.label', { kpi: kpiLabel(kpi) })}
            describedBy="formula-problems"
            value={text}
            diagnostics={formulaDiagnostics}
            names={() => formulaNames(kpi.id)}
            onChange={setText}
            onApply={apply}
            onBlur={apply}
            onRevert={() => {
              scorecardStore.getState().discardDraft(kpi.id);
              setText(applied);
            }}
          />
        </div>
        <ul id="formula-problems" className="sc-formula-problems" aria-live="polite">
          {formulaDiagnostics.map((d) => (
            <li key={`${d.code}:${d.span.start}:${d.span.end}`} className={`sc-problem ${d.severity}`}>
              <span className="sc-problem-at">{t('formula.at', { col: d.span.start + 1 })}</span>
              {diagnosticText(d)}
            </li>
          ))}
          {draft && <li className="sc-problem-note">{t('formula.keptResults')}</li>}
        </ul>
      </div>
    </div>
  );
}

/** What a formula may name right now: the scorecard's tables and every other KPI (not itself: a cycle). */
export function formulaNames(self: string | null): FormulaNames {
  return {
    tables: mappingStore.getState().scorecardTables(),
    kpis: scorecardStore.getState().kpis.filter((k) => k.id !== self),
  };
}
