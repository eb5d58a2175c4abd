import { createStore, type StoreApi } from 'zustand/vanilla';

export type SheetKind = 'scorecard' | 'notebook' | 'data';

export interface Sheet {
  id: string;
  kind: SheetKind;
  /**
   * What the user called the sheet; null keeps the kind's own name ("Scorecard"),
   * shown in whatever language the app is in.
   */
  name: string | null;
}

/** Why a rename or a removal was refused; the UI turns it into a sentence. */
export type SheetProblem = 'empty' | 'taken' | 'lastOfKind';

export interface SheetsState {
  sheets: Sheet[];
  /** The sheet shown. Not part of the document: opening or undoing keeps it when it still exists. */
  active: string;

  /** Adds a sheet after the active one and shows it; returns its id. */
  add(kind: SheetKind): string;
  rename(id: string, name: string): SheetProblem | null;
  move(id: string, delta: number): void;
  remove(id: string): SheetProblem | null;
  /** Why the sheet cannot be removed, or null when it can. */
  removeProblem(id: string): SheetProblem | null;
  setActive(id: string): void;
  /** Shows the sheet `delta` places away, wrapping round (Ctrl+PageDown and Ctrl+PageUp). */
  cycle(delta: number): void;
  /** Replaces the list (opening a document, undo); keeps the active sheet when it is still there. */
  load(sheets: Sheet[]): void;
  /** The name shown on the sheet's tab. */
  nameOf(sheet: Sheet): string;
}

export type SheetsStore = StoreApi<SheetsState>;

interface SheetNames {
  /** The kind's own name: "Scorecard", "Notebook", "Data". */
  label(kind: SheetKind): string;
  /** The name of a further sheet of the kind: "Notebook 2". */
  numbered(kind: SheetKind, n: number): string;
}

/** Kinds a workbook always keeps one of: the scorecard and the data are the app's spine. */
const REQUIRED: readonly SheetKind[] = ['scorecard', 'data'];

export const DEFAULT_SHEETS: readonly Sheet[] = [
  { id: 'scorecard', kind: 'scorecard', name: null },
  { id: 'notebook', kind: 'notebook', name: null },
  { id: 'data', kind: 'data', name: null },
];

const ENGLISH_SHEET_NAMES: SheetNames = {
  label: (kind) => ({ scorecard: 'Scorecard', notebook: 'Notebook', data: 'Data' })[kind],
  numbered: (kind, n) => `${ENGLISH_SHEET_NAMES.label(kind)} ${n}`,
};

/** Long enough for any sensible name; the document allows 256 characters. */
export const MAX_SHEET_NAME = 100;

/** Names are told apart the way a reader would: without case or surrounding space. */
const fold = (s: string) => s.trim().toLocaleLowerCase();

export function createSheetsStore(
  names: SheetNames = ENGLISH_SHEET_NAMES,
  initial: readonly Sheet[] = DEFAULT_SHEETS,
): SheetsStore {
  let nextId = 1;
  const newId = (kind: SheetKind, taken: readonly Sheet[]) => {
    let id: string;
    do id = `${kind}-${nextId++}`;
    while (taken.some((s) => s.id === id));
    return id;
  };
  const nameOf = (s: Sheet) => s.name ?? names.label(s.kind);

  return createStore<SheetsState>()((set, get) => {
    const taken = (except?: string) =>
      new Set(
        get()
          .sheets.filter((s) => s.id !== except)
          .map((s) => fold(nameOf(s))),
      );

    return {
      sheets: [...initial],
      active: initial[0]?.id ?? '',

      add(kind) {
        const { sheets, active } = get();
        const used = taken();
        let name: string | null = null;
        if (used.has(fold(names.label(kind)))) {
          let n = 2;
          while (used.has(fold(names.numbered(kind, n)))) n++;
          name = names.numbered(kind, n);
        }
        const sheet: Sheet = { id: newId(kind, sheets), kind, name };
        const at = sheets.findIndex((s) => s.id === active);
        const next = [...sheets];
        next.splice(at === -1 ? next.length : at + 1, 0, sheet);
        set({ sheets: next, active: sheet.id });
        return sheet.id;
      },

      rename(id, raw) {
        const sheet = get().sheets.find((s) => s.id === id);
        if (sheet === undefined) return null;
        const name = raw.trim().slice(0, MAX_SHEET_NAME);
        if (name === '') return 'empty';
        if (taken(id).has(fold(name))) return 'taken';
        // Typing the kind's own name back gives the sheet its translated name again.
        const stored = name === names.label(sheet.kind) ? null : name;
        if (stored === sheet.name) return null;
        set({ sheets: get().sheets.map((s) => (s.id === id ? { ...s, name: stored } : s)) });
        return null;
      },

      move(id, delta) {
        const sheets = [...get().sheets];
        const i = sheets.findIndex((s) => s.id === id);
        const j = Math.max(0, Math.min(sheets.length - 1, i + delta));
        if (i < 0 || i === j) return;
        const [s] = sheets.splice(i, 1);
        sheets.splice(j, 0, s);
        set({ sheets });
      },

      removeProblem(id) {
        const { sheets } = get();
        const sheet = sheets.find((s) => s.id === id);
        if (sheet === undefined) return null;
        if (REQUIRED.includes(sheet.kind) && sheets.filter((s) => s.kind === sheet.kind).length === 1)
          return 'lastOfKind';
        return null;
      },

      remove(id) {
        const problem = get().removeProblem(id);
        if (problem !== null) return problem;
        const { sheets, active } = get();
        const i = sheets.findIndex((s) => s.id === id);
        if (i < 0) return null;
        const next = sheets.filter((s) => s.id !== id);
        // The neighbour that took the removed tab's place is shown, as browsers do with tabs.
        const shown = active === id ? (next[Math.min(i, next.length - 1)]?.id ?? '') : active;
        set({ sheets: next, active: shown });
        return null;
      },

      setActive(id) {
        if (get().sheets.some((s) => s.id === id)) set({ active: id });
      },

      cycle(delta) {
        const { sheets, active } = get();
        if (sheets.length === 0) return;
        const i = Math.max(
          0,
          sheets.findIndex((s) => s.id === active),
        );
        set({ active: sheets[(((i + delta) % sheets.length) + sheets.length) % sheets.length].id });
      },

      load(list) {
        const sheets = withRequired(list);
        const { active } = get();
        const kept = sheets.find((s) => s.id === active);
        const sameKind = sheets.find((s) => s.kind === get().sheets.find((x) => x.id === active)?.kind);
        set({ sheets, active: (kept ?? sameKind ?? sheets[0]).id });
      },

      nameOf,
    };
  });
}

/** A document missing its scorecard or data sheet gets them back: the app cannot work without them. */
function withRequired(list: readonly Sheet[]): Sheet[] {
  const sheets = [...list];
  for (const kind of REQUIRED) {
    if (sheets.some((s) => s.kind === kind)) continue;
    const fallback = DEFAULT_SHEETS.find((s) => s.kind === kind)!;
    const id = sheets.some((s) => s.id === fallback.id) ? `${kind}-restored` : fallback.id;
    if (kind === 'scorecard') sheets.unshift({ ...fallback, id });
    else sheets.push({ ...fallback, id });
  }
  return sheets;
}
