import type { WorkbookDocument } from '../core/model/documentSchema';

/**
 * A store's share of the workbook document (SQLRooms-style slices): the scorecard
 * owns settings and KPIs, the notebook owns its sheets, and so on. The workbook
 * store composes the document from every slice and hands an opened or undone
 * document back to each of them.
 */
export interface DocumentSlice {
  /** Writes this slice's part into a document being composed. */
  contribute(doc: WorkbookDocument): void;
  /** Takes this slice's part from an opened or undone document. */
  adopt(doc: WorkbookDocument): void;
  /** Calls back on every change to this slice's part of the document. */
  subscribe(onChange: () => void): () => void;
}
