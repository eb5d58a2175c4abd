import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { type KpiNote, MAX_NOTE_LENGTH, type NoteProblem } from '../../core/model/notes';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { notesStore } from '../appRoot';
import { DateField } from '../dateField';
import { useScorecard } from './scorecardApp';

/** A KPI's notes in date order (none without a KPI). */
export function useKpiNotes(kpi: string | null): KpiNote[] {
  const all = useStore(notesStore, (s) => s.notes);
  return useMemo(
    () => all.filter((n) => n.kpi === kpi).sort((a, b) => a.date.localeCompare(b.date)),
    [all, kpi],
  );
}

/**
 * The selected KPI's notes in the detail panel, added, edited and removed there. A note's
 * text is the workbook author's: written into the page as text, never as markup.
 */
export function KpiNotes({ kpi }: { kpi: WorkbookKpi }) {
  const notes = useKpiNotes(kpi.id);
  // A new note is on the last day shown, until another is chosen.
  const lastDay = useScorecard((s) => s.toDate?.today ?? s.periods.at(-1)?.end ?? s.dataRange?.to ?? null);
  const [date, setDate] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<NoteProblem | null>(null);
  const day = date ?? lastDay ?? '';

  const reset = () => {
    setText('');
    setDate(null);
    setEditing(null);
    setProblem(null);
  };
  const submit = () => {
    const s = notesStore.getState();
    const found = editing === null ? s.add(kpi.id, day, text) : s.edit(editing, day, text);
    if (found === null) reset();
    else setProblem(found);
  };

  return (
    <section className="panel-section sc-notes" data-testid="kpi-notes" aria-label={t('notes.heading')}>
      <h3>{t('notes.heading')}</h3>
      {notes.length === 0 ? (
        <p className="muted">{t('notes.none')}</p>
      ) : (
        <ul className="sc-note-list">
          {notes.map((n) => {
            const when = formatDate(Date.parse(n.date));
            return (
              <li key={n.id} data-testid="kpi-note">
                <span className="faint">{when}</span> <span className="sc-note-text">{n.text}</span>{' '}
                <button
                  type="button"
                  className="btn ghost small"
                  aria-label={t('notes.editLabel', { date: when })}
                  onClick={() => {
                    setEditing(n.id);
                    setDate(n.date);
                    setText(n.text);
                    setProblem(null);
                  }}
                >
                  {t('notes.edit')}
                </button>
                <button
                  type="button"
                  className="btn ghost small"
                  aria-label={t('notes.removeLabel', { date: when })}
                  onClick={() => notesStore.getState().remove(n.id)}
                >
                  {t('notes.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form
        className="sc-note-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="sc-field">
          <label htmlFor={`note-date-${kpi.id}`}>{t('notes.date')}</label>
          <DateField id={`note-date-${kpi.id}`} value={day} onCommit={setDate} />
        </div>
        <label className="sc-field">
          <span>{t('notes.text')}</span>
          <input
            value={text}
            maxLength={MAX_NOTE_LENGTH * 2}
            placeholder={t('notes.placeholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {problem !== null && (
          <p role="alert" className="sc-failure">
            {t(`notes.${problem}`, { max: MAX_NOTE_LENGTH })}
          </p>
        )}
        <div>
          <button type="submit" className="btn small">
            {editing === null ? t('notes.add') : t('notes.save')}
          </button>
          {editing !== null && (
            <button type="button" className="btn ghost small" onClick={reset}>
              {t('notes.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
