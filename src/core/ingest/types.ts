/**
 * Vocabulary of file import shared by the pure ingest helpers and the engine.
 * It lives in core because core may not import the engine; `src/engine/ingest/types.ts`
 * imports it from here. Column kinds are `core/model/columnKind.ts`.
 */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'windows-1252';

/** Order of the parts in a date written as text; 'jalali' is year-first Solar Hijri. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy' | 'jalali';

/** What the user can see and change about how a file was read; stored with the dataset. */
export type FileFormat = 'csv' | 'tsv' | 'parquet' | 'json' | 'xlsx' | 'pasted' | 'manual';

export interface ParseOptions {
  /** 'auto' (or absent) lets the sniffer decide. */
  encoding?: EncodingName | 'auto';
  delimiter?: string;
  header?: boolean;
  skipRows?: number;
  /** "1.234,5" style numbers. */
  decimalComma?: boolean;
  /** Arabic ي and ك in text columns stored as Persian ی and ک (Windows-1256 exports mix them). */
  normalizeLetters?: boolean;
  /** 'auto' | 'ymd' | 'dmy' | 'mdy' | 'jalali' */
  dateOrder?: DateOrder | 'auto';
  /** XLSX sheet name. */
  sheet?: string;
}
