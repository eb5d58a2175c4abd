import {
  type ImportMessage,
  type ImportMessageCode,
  type ImportMessageParams,
  type ImportMessageRef,
  importMessage,
} from '../../core/ingest/messages';
import type { DateOrder, EncodingName, FileFormat, ParseOptions } from '../../core/ingest/types';
import type { ColumnKind } from '../../core/model/columnKind';

export type { DateOrder, EncodingName, FileFormat, ParseOptions };

export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** DuckDB type name as stored, e.g. DOUBLE, BIGINT, VARCHAR, DATE. */
  sqlType: string;
  /** For amounts written with a currency mark ($40,000, 1,200 USD): the mark, as written. */
  currency?: string;
}

/** One value that did not fit its column's type; it is stored as blank and reported. */
export interface ImportProblem {
  column: string;
  /** 1-based data row (not counting the header). */
  row: number;
  value: string;
  expected: ColumnKind;
}

export interface ImportResult {
  table: string;
  sourceName: string;
  format: FileFormat;
  rows: number;
  columns: ColumnInfo[];
  encoding?: EncodingName;
  options: ParseOptions;
  /** Sheet names when the source is a workbook with several. */
  sheets?: string[];
  problems: { count: number; samples: ImportProblem[] };
  /** Things the user should know that did not stop the load ("header but no rows"), in English. */
  notes: string[];
  /** The same notes as codes and parameters, which the page writes in the language shown. */
  noteMessages?: ImportMessage[];
}

export interface ImportProgress {
  phase: 'reading' | 'decoding' | 'parsing' | 'typing' | 'done';
  bytes?: number;
  totalBytes?: number;
  rows?: number;
}

/**
 * A located, user-facing import failure. The message (English) names the file; `problem`,
 * when set, is its code and parameters, which the page writes in the language shown.
 */
export class ImportError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
  readonly problem?: ImportMessageRef;
  constructor(
    file: string,
    message: string,
    where: { line?: number; column?: string } = {},
    problem?: ImportMessageRef,
  ) {
    super(message);
    this.name = 'ImportError';
    this.file = file;
    this.line = where.line;
    this.column = where.column;
    this.problem = problem;
  }
}

/** An ImportError for a problem `code` of the file named in `params.file`, its message core's English. */
export function importError<C extends ImportMessageCode>(
  code: C,
  params: ImportMessageParams[C] & { file: string },
  where: { line?: number; column?: string } = {},
): ImportError {
  const m = importMessage(code, params);
  return new ImportError(params.file, m.message, where, { code: m.code, params: m.params });
}
