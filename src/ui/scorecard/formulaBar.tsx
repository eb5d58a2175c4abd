import { useEffect, useState } from 'react';
import type { Diagnostic } from '../../core/formula/diagnostics';
import { diagnosticText } from '../../i18n/diagnostics';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import { scorecardStore } from '../appRoot';
import { useScorecard } from './scorecardApp';

/**
 * The selected KPI's formula. Enter or leaving the field applies it; a formula that
 * does not compile stays here with each problem underlined at its place and the KPI
 * keeps its last good results.
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
      <label className="sc-fx" htmlFor="formula-input" title={t('formula.label', { kpi: kpiLabel(kpi) })}>
        fx
      </label>
      <div className="sc-formula-main">
        {/* Formulas are written left to right, in a right-to-left page too. */}
        <div className="sc-formula-field" dir="ltr">
          <input
            id="formula-input"
            className="sc-formula-input"
            value={text}
            spellCheck={false}
            autoComplete="off"
            aria-label={t('formula.label', { kpi: kpiLabel(kpi) })}
            aria-invalid={formulaDiagnostics.length > 0}
            aria-describedby="formula-problems"
            onChange={(e) => setText(e.target.value)}
            onBlur={apply}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                apply();
              } else if (e.key === 'Escape') {
                scorecardStore.getState().discardDraft(kpi.id);
                setText(applied);
              }
            }}
          />
          <Underlines text={text} diagnostics={formulaDiagnostics} />
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

/** A copy of the text under the input with only the problem spans visible, as a wavy underline. */
function Underlines({ text, diagnostics }: { text: string; diagnostics: Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  const parts: { text: string; bad: boolean }[] = [];
  let at = 0;
  const spans = [...diagnostics]
    .map((d) => ({
      start: Math.min(d.span.start, text.length),
      end: Math.min(Math.max(d.span.end, d.span.start + 1), text.length + 1),
    }))
    .sort((a, b) => a.start - b.start);
  for (const s of spans) {
    if (s.start < at) continue;
    parts.push({ text: text.slice(at, s.start), bad: false });
    // A span at the very end (a missing `)`) underlines a space after the text.
    parts.push({ text: text.slice(s.start, s.end).padEnd(s.end - s.start, ' '), bad: true });
    at = s.end;
  }
  parts.push({ text: text.slice(at), bad: false });
  return (
    <div className="sc-formula-underlines" aria-hidden="true">
      {parts.map((p, i) =>
        p.bad ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are rebuilt as a whole on every render
          <span key={i} className="sc-underline">
            {p.text}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are rebuilt as a whole on every render
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}
