/**
 * Vocabulary of file import shared by the pure ingest helpers and the engine.
 * It lives in core because core may not import the engine; `src/engine/ingest/types.ts`
 * declares the same unions, and structural typing keeps the two interchangeable.
 */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'windows-1252';

/** Order of the parts in a date written as text; 'jalali' is year-first Solar Hijri. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy' | 'jalali';

export type ColumnKind = 'number' | 'text' | 'boolean' | 'date' | 'timestamp';
