import type { NameClash } from '../core/model/tableNames';

/** Why a workbook file was refused; the UI may pick an icon or help link by it. */
export type WorkbookErrorCode =
  | 'not-a-zip'
  | 'not-a-workbook'
  | 'corrupt'
  | 'unsupported'
  | 'unsafe-path'
  | 'too-many-entries'
  | 'too-large'
  | 'invalid-json'
  | 'invalid-document'
  | 'newer-version'
  | 'missing-data'
  /** A dataset's table takes a name the app uses itself; `clash` says which (core/model/tableNames.ts). */
  | 'name-clash';

/**
 * A refusal to open (or write) a workbook file. The message is a sentence for the user,
 * in English; a refusal that carries `clash` is written in the language shown from it.
 */
export class WorkbookError extends Error {
  readonly code: WorkbookErrorCode;
  readonly clash: NameClash | undefined;
  constructor(code: WorkbookErrorCode, message: string, clash?: NameClash) {
    super(message);
    this.name = 'WorkbookError';
    this.code = code;
    this.clash = clash;
  }
}

/** The refusal of a document whose dataset tables clash with the app's own names. */
export function nameClashError(clash: NameClash): WorkbookError {
  return new WorkbookError('name-clash', clash.message, clash);
}
