import type { WorkbookDocument } from '../../core/model/documentSchema';

const HISTORY_LIMIT = 100;

/**
 * What undo steps through: the document without its datasets. Loaded data is not
 * undone (it can be large); loading or removing a table only marks the workbook changed.
 * Column mappings are edits, so the mapped datasets' table and mapping are kept.
 */
function historyKey(doc: WorkbookDocument): string {
  const mapped = doc.datasets
    .filter((d) => d.mapping !== undefined)
    .map((d) => ({ table: d.table, mapping: d.mapping }));
  return JSON.stringify({ ...doc, datasets: mapped });
}

/** The undo and redo steps of a workbook's document, at most a hundred back. */
interface DocumentHistory {
  /** Whether a present has been recorded yet (before that, nothing is an edit). */
  readonly started: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Takes `doc` as the present; the one before, if any, becomes an undo step. False when nothing changed. */
  record(doc: WorkbookDocument): boolean;
  /** Takes `doc` as the present with no undo step (a change the app derived, a starting point). */
  rebase(doc: WorkbookDocument): void;
  /** Takes `doc` as the present and forgets every step (a workbook opened). */
  reset(doc: WorkbookDocument): void;
  /** The document one step back (it becomes the present), or null when there is none. */
  undo(): WorkbookDocument | null;
  redo(): WorkbookDocument | null;
}

export function documentHistory(): DocumentHistory {
  let past: string[] = [];
  let future: string[] = [];
  let current: string | null = null;

  const step = (from: string[], to: string[]): WorkbookDocument | null => {
    if (from.length === 0 || current === null) return null;
    const next = from.pop() as string;
    to.push(current);
    current = next;
    return JSON.parse(next) as WorkbookDocument;
  };

  return {
    get started() {
      return current !== null;
    },
    get canUndo() {
      return past.length > 0;
    },
    get canRedo() {
      return future.length > 0;
    },
    record(doc) {
      const next = historyKey(doc);
      if (next === current) return false;
      if (current !== null) {
        past.push(current);
        if (past.length > HISTORY_LIMIT) past.shift();
      }
      future = [];
      current = next;
      return true;
    },
    rebase(doc) {
      current = historyKey(doc);
    },
    reset(doc) {
      current = historyKey(doc);
      past = [];
      future = [];
    },
    undo: () => step(past, future),
    redo: () => step(future, past),
  };
}
