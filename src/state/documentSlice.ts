import type { WorkbookDocument } from '../core/model/documentSchema';

/**
 * A store's share of the workbook document (SQLRooms-style slices): the scorecard
 * owns settings and KPIs, the notebook owns its sheets, and so on. The workbook
 * store composes the document from every slice and hands an opened or undone
 * document back to each of them.
 */
export type SliceChange = 'edit' | 'derived';

export interface DocumentSlice {
  /** Writes this slice's part into a document being composed. */
  contribute(doc: WorkbookDocument): void;
  /** Takes this slice's part from an opened or undone document. */
  adopt(doc: WorkbookDocument): void;
  /**
   * Calls back on every change to this slice's part of the document: 'edit' for a
   * user's change (an undo step), 'derived' for one the app made itself, such as
   * the scorecard listing the KPIs newly loaded data can compute.
   */
  subscribe(onChange: (kind: SliceChange) => void): () => void;
}
