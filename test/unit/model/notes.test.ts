import { describe, expect, it } from 'vitest';
import { emptyDocument, parseDocument } from '../../../src/core/model/document';
import { MAX_NOTE_LENGTH, noteProblem, notesIn, noteText } from '../../../src/core/model/notes';
import { createNotesStore, notesSlice } from '../../../src/state/notesStore';

describe('notes on a KPI and a day', () => {
  it('refuses an empty, overlong or undated note, and keeps text on one line', () => {
    expect(noteProblem('2025-03-01', '   ')).toBe('empty');
    expect(noteProblem('2025-03-01', 'x'.repeat(MAX_NOTE_LENGTH + 1))).toBe('too-long');
    expect(noteProblem('1 March', 'Price change')).toBe('bad-date');
    expect(noteProblem('2025-02-30x', 'Price change')).toBe('bad-date');
    expect(noteProblem('2025-03-01', 'Price change')).toBeNull();
    expect(noteText(' Price\nchange\t on 1 March ')).toBe('Price change  on 1 March');
  });

  it('keeps markup as the text it is', () => {
    const store = createNotesStore();
    expect(store.getState().add('win_rate', '2025-03-01', '<b>bold</b> & "quoted"')).toBeNull();
    expect(store.getState().notes[0].text).toBe('<b>bold</b> & "quoted"');
  });

  it('lists a KPI’s notes of a span in date order', () => {
    const store = createNotesStore();
    const s = store.getState();
    s.add('win_rate', '2025-03-20', 'later');
    s.add('win_rate', '2025-03-01', 'first');
    s.add('nps', '2025-03-05', 'other KPI');
    s.add('win_rate', '2025-04-01', 'next month');
    const march = notesIn(store.getState().notes, 'win_rate', '2025-03-01', '2025-03-31');
    expect(march.map((n) => n.text)).toEqual(['first', 'later']);
  });

  it('edits and removes by id, each an undo step, and refuses a bad edit', () => {
    const store = createNotesStore();
    const changes: string[] = [];
    notesSlice(store).subscribe((kind) => changes.push(kind));
    store.getState().add('win_rate', '2025-03-01', 'Price change');
    const { id } = store.getState().notes[0];
    expect(store.getState().edit(id, '2025-03-02', '')).toBe('empty');
    expect(store.getState().edit(id, '2025-03-02', 'Price change on 2 March')).toBeNull();
    expect(store.getState().notes[0]).toMatchObject({ date: '2025-03-02', text: 'Price change on 2 March' });
    store.getState().remove(id);
    expect(store.getState().notes).toEqual([]);
    expect(changes).toEqual(['edit', 'edit', 'edit']);
  });

  it('is saved in the document and read back; a workbook from before notes opens with none', () => {
    const store = createNotesStore();
    store.getState().add('win_rate', '2025-03-01', 'Price change on 1 March');
    const doc = emptyDocument('Notes');
    notesSlice(store).contribute(doc);
    const parsed = parseDocument(JSON.parse(JSON.stringify(doc)));
    const other = createNotesStore();
    if (parsed.ok) notesSlice(other).adopt(parsed.doc);
    expect(other.getState().notes).toEqual(store.getState().notes);

    const old = parseDocument(JSON.parse(JSON.stringify(emptyDocument('Old'))));
    expect(old.ok && old.doc.notes).toBeUndefined();
    if (old.ok) notesSlice(other).adopt(old.doc);
    expect(other.getState().notes).toEqual([]);
  });

  it('refuses a file whose notes are not notes', () => {
    const doc = emptyDocument('Bad') as unknown as Record<string, unknown>;
    doc.notes = [{ id: 'n1', kpi: 'win_rate', date: 'soon', text: 'x' }];
    expect(parseDocument(doc)).toMatchObject({ ok: false, reason: 'invalid' });
    doc.notes = [{ id: 'n1', kpi: 'win_rate', date: '2025-01-01', text: 'x'.repeat(MAX_NOTE_LENGTH + 1) }];
    expect(parseDocument(doc)).toMatchObject({ ok: false, reason: 'invalid' });
    const twice = { id: 'n1', kpi: 'win_rate', date: '2025-01-01', text: 'x' };
    doc.notes = [twice, twice];
    expect(parseDocument(doc)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
