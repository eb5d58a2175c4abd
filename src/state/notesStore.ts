import { createStore, type StoreApi } from 'zustand/vanilla';
import { type KpiNote, type NoteProblem, noteProblem, noteText } from '../core/model/notes';
import type { DocumentSlice } from './documentSlice';

/** The workbook's notes on KPIs and days (core/model/notes.ts). */
interface NotesState {
  notes: KpiNote[];
  /** Adds a note; the problem instead when the text or date will not do. */
  add(kpi: string, date: string, text: string): NoteProblem | null;
  edit(id: string, date: string, text: string): NoteProblem | null;
  remove(id: string): void;
}

type NotesStore = StoreApi<NotesState>;

export function createNotesStore(): NotesStore {
  let made = 0;
  return createStore<NotesState>()((set, get) => ({
    notes: [],
    add(kpi, date, text) {
      const problem = noteProblem(date, text);
      if (problem !== null) return problem;
      const taken = new Set(get().notes.map((n) => n.id));
      let id = `note-${++made}`;
      while (taken.has(id)) id = `note-${++made}`;
      set((s) => ({ notes: [...s.notes, { id, kpi, date, text: noteText(text) }] }));
      return null;
    },
    edit(id, date, text) {
      const problem = noteProblem(date, text);
      if (problem !== null) return problem;
      set((s) => ({ notes: s.notes.map((n) => (n.id === id ? { ...n, date, text: noteText(text) } : n)) }));
      return null;
    },
    remove(id) {
      set((s) => ({ notes: s.notes.filter((n) => n.id !== id) }));
    },
  }));
}

/** The notes' share of the workbook document; a workbook from before notes has none. */
export function notesSlice(store: NotesStore): DocumentSlice {
  return {
    contribute(doc) {
      // A workbook without notes is written as it was before notes existed.
      const { notes } = store.getState();
      if (notes.length > 0) doc.notes = notes;
      else delete doc.notes;
    },
    adopt(doc) {
      store.setState({ notes: doc.notes ?? [] });
    },
    subscribe(onChange) {
      return store.subscribe((s, prev) => {
        if (s.notes !== prev.notes) onChange('edit');
      });
    },
  };
}
