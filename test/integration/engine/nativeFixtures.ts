/** Fixtures whose imports must come out the same on the native and the WASM engine: every format and typing rule. */
export const TYPED_FIXTURES = [
  'mixed-types.csv',
  'dates-dmy.csv',
  'decimal-comma.csv',
  'currency.csv',
  'na-blanks.csv',
  'bom-utf8.csv',
  'jalali-dates.csv',
  'persian-1256.csv',
  'latin1-survey.csv',
  'pasted.tsv',
  'rownames.csv',
  'records.ndjson',
  'array.json',
  'valid.parquet',
  'two-sheets.xlsx',
];
