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
  | 'missing-data';

/** A refusal to open (or write) a workbook file. The message is a sentence for the user. */
export class WorkbookError extends Error {
  readonly code: WorkbookErrorCode;
  constructor(code: WorkbookErrorCode, message: string) {
    super(message);
    this.name = 'WorkbookError';
    this.code = code;
  }
}
