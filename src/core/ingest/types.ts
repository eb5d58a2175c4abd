/**
 * Vocabulary of file import shared by the pure ingest helpers and the engine.
 * It lives in core because core may not import the engine; `src/engine/ingest/types.ts`
 * imports it from here. Column kinds are `core/model/columnKind.ts`.
 */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'windows-1252';

/** Order of the parts in a date written as text; 'jalali' is year-first Solar Hijri. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy' | 'jalali';
