import { useState } from 'react';
import { type DateEntryProblem, parseDateEntry } from '../core/dates/dateEntry';
import { formatDate, gregorianDay, monthName } from '../i18n/format';
import { localeSettings, localizeDigits } from '../i18n/locale';
import { t } from '../i18n/t';
import './dateField.css';

/** An ISO day as the page shows dates: 1404/10/10 in the Jalali calendar, 2025-12-31 otherwise (2025/12/31 in Persian). */
export function shownDate(iso: string | null | undefined): string {
  return iso ? formatDate(Date.parse(`${iso}T00:00:00Z`)) : '';
}

const EXAMPLES = { jalali: '1404/10/10', gregorian: '2025-12-31' } as const;
const example = (calendar: keyof typeof EXAMPLES) =>
  calendar === 'jalali' ? localizeDigits(EXAMPLES.jalali) : gregorianDay(EXAMPLES.gregorian);

/** What is wrong with a typed date, in words that point at the mistake. */
function dateProblemText(problem: DateEntryProblem): string {
  const d = (x: number | string) => localizeDigits(String(x));
  switch (problem.kind) {
    case 'shape':
      return t('dateEntry.shape', { example: example(localeSettings().calendar) });
    case 'year':
      return t('dateEntry.year', { year: d(problem.year), jalaliYear: d(1404), gregorianYear: d(2025) });
    case 'month':
      return t('dateEntry.month', { month: d(problem.month), first: d(1), last: d(12) });
    case 'day':
      return t('dateEntry.day', {
        month: monthName(problem.calendar, problem.month),
        year: d(problem.year),
        days: d(problem.days),
        day: d(problem.day),
      });
  }
}

/**
 * A date typed as text rather than the browser's date picker, which writes dates in the
 * browser's own locale and calendar (12/31/2025) whatever the page is in. It shows the
 * day in the page's calendar and digits, takes Jalali or Gregorian in Persian or Latin
 * digits, and says under the field what is wrong with a date it cannot take. The value
 * stays an ISO Gregorian day. `check` can refuse a real date (a start after the end).
 */
export function DateField({
  id,
  value,
  onCommit,
  check,
}: {
  id: string;
  value: string | null | undefined;
  onCommit(iso: string): void;
  check?(iso: string): string | null;
}) {
  const shown = shownDate(value);
  // What is typed, until it is committed or given up; null shows the value.
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = `${id}-problem`;

  const commit = () => {
    if (draft === null) return;
    if (draft.trim() === shown) {
      setDraft(null);
      setProblem(null);
      return;
    }
    const entry = parseDateEntry(draft);
    const refusal = entry.ok ? (check?.(entry.iso) ?? null) : dateProblemText(entry.problem);
    if (!entry.ok || refusal !== null) {
      setProblem(refusal);
      return;
    }
    setDraft(null);
    setProblem(null);
    if (entry.iso !== value) onCommit(entry.iso);
  };

  return (
    <span className="date-field">
      <input
        id={id}
        type="text"
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        className={problem === null ? undefined : 'invalid'}
        value={draft ?? shown}
        title={t('dateEntry.hint', {
          jalali: example('jalali'),
          gregorian: example('gregorian'),
        })}
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : problemId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(null);
            setProblem(null);
          }
        }}
      />
      {problem !== null && (
        <span id={problemId} className="date-field-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
