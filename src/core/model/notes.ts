import { z } from 'zod';

/**
 * A note on a KPI and a day ("price change on 1 March"): shown in the period that holds
 * the day at any grain and calendar. Its text is data from whoever wrote the workbook: it
 * is only ever shown as text, never read as markup.
 */
export const MAX_NOTE_LENGTH = 500;
/** More than anyone writes by hand; a cap so a hostile file stays cheap to check. */
const MAX_NOTES = 2_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const NoteSchema = z.object({
  id: z.string().min(1).max(64),
  kpi: z.string().min(1).max(256),
  date: z.string().regex(ISO_DATE, 'expected a date written as YYYY-MM-DD'),
  text: z.string().min(1).max(MAX_NOTE_LENGTH),
});

export const NotesSchema = z.array(NoteSchema).max(MAX_NOTES);

export type KpiNote = z.infer<typeof NoteSchema>;

export type NoteProblem = 'empty' | 'too-long' | 'bad-date';

/** One line of text: control characters (line breaks, tabs, direction overrides kept) become spaces. */
export function noteText(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  return raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** What is wrong with a note about to be written, or null. */
export function noteProblem(date: string, text: string): NoteProblem | null {
  const t = noteText(text);
  if (t === '') return 'empty';
  if (t.length > MAX_NOTE_LENGTH) return 'too-long';
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return 'bad-date';
  return null;
}

/** The notes of one KPI on the days from `from` to `to` (ISO, both included), in date order. */
export function notesIn(notes: readonly KpiNote[], kpi: string, from: string, to: string): KpiNote[] {
  return notes
    .filter((n) => n.kpi === kpi && n.date >= from && n.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date));
}
