/**
 * Every problem and note a file load reports: a code, its parameters and the English
 * sentence (for tests, the CLI and logs), as formula diagnostics are
 * (core/formula/diagnostics.ts). The page writes them from code and parameters through
 * the message catalogue (i18n/importMessages.ts), so they read in the language shown.
 * `detail` parameters are another program's own words (DuckDB's, the JSON parser's,
 * the workbook reader's), kept as written.
 */
export interface ImportMessageParams {
  'empty-file': { file: string };
  /** Binary data where text was expected; `format` is the format it was read as (CSV, TSV). */
  'not-text': { file: string; format: string };
  /** A row with more or fewer fields than the header (`line` is 1-based, in the file). */
  'ragged-row': { file: string; line: number; fields: number; expected: number };
  'unclosed-quote': { file: string; line: number };
  /** DuckDB's CSV reader refused the file for a reason the structure scan did not find. */
  'unreadable-text': { file: string; format: string; detail: string };
  /** `line` and `column` when the parser said where (null otherwise). */
  'invalid-json': { file: string; line: number | null; column: number | null; detail: string };
  /** `record` is 1-based. */
  'json-not-object': { file: string; record: number };
  'json-no-fields': { file: string };
  'unreadable-xlsx': { file: string; detail: string };
  'no-such-sheet': { file: string; sheet: string; sheets: string[] };
  'no-sheet-data': { file: string };
  'unreadable-parquet': { file: string; detail: string };
  'too-large': { file: string };
  /**
   * Refused before decoding: the file declares more rows or bytes than a tab holds, its rows
   * would decode to more (`decoded`, estimated from its first rows), or, for JSON, its text
   * is longer than is parsed (`text`). `amount` and `limit` are rows for `rows`, else bytes.
   */
  'over-limit': { file: string; what: 'rows' | 'bytes' | 'decoded' | 'text'; amount: number; limit: number };
  /** DuckDB failed while loading the file; `detail` is its message's first line. */
  'load-failed': { file: string; detail: string };
  /** Something other than the importer failed (the engine would not start); `detail` is its message. */
  unexpected: { file: string; detail: string };
  /** Notes: the load went through, but the user should know. */
  'header-no-rows': { file: string };
  'title-rows-skipped': { count: number; sheet: string };
}

export type ImportMessageCode = keyof ImportMessageParams;

/** A problem's code and parameters: all a message is written from. */
export interface ImportMessageRef<C extends ImportMessageCode = ImportMessageCode> {
  code: C;
  params: ImportMessageParams[C];
}

export interface ImportMessage<C extends ImportMessageCode = ImportMessageCode> extends ImportMessageRef<C> {
  /** The English sentence. */
  message: string;
}

export type ImportMessageFormatters = { [C in ImportMessageCode]: (p: ImportMessageParams[C]) => string };

/** The English sentences: what the CLI prints and the English page shows. */
export const IMPORT_MESSAGE_FORMATTERS: ImportMessageFormatters = {
  'empty-file': (p) => `${p.file} is empty: there is nothing to load.`,
  'not-text': (p) =>
    `${p.file} does not look like a text file: it contains binary data. Is it really a ${p.format} file?`,
  'ragged-row': (p) =>
    `${p.file} could not be read: line ${p.line} has ${p.fields} fields, but the header has ${p.expected}.`,
  'unclosed-quote': (p) => `${p.file} could not be read: a quote opened on line ${p.line} is never closed.`,
  'unreadable-text': (p) => `${p.file} could not be read as ${p.format}: ${p.detail}`,
  'invalid-json': (p) => {
    const where =
      p.line !== null && p.column !== null
        ? ` at line ${p.line}, column ${p.column}`
        : p.line !== null
          ? ` at line ${p.line}`
          : '';
    return `${p.file} is not valid JSON${where}: ${p.detail}.`;
  },
  'json-not-object': (p) =>
    `${p.file}: record ${p.record} is not an object; expected an array of objects or one object per line.`,
  'json-no-fields': (p) => `${p.file} holds no fields to make columns from.`,
  'unreadable-xlsx': (p) => `${p.file} is not a readable Excel workbook (.xlsx): ${p.detail}`,
  'no-such-sheet': (p) => `${p.file} has no sheet named “${p.sheet}”; its sheets are ${p.sheets.join(', ')}.`,
  'no-sheet-data': (p) => `${p.file} has no sheet with data.`,
  'unreadable-parquet': (p) =>
    `${p.file} is not a readable Parquet file (it may be truncated or corrupt): ${p.detail}`,
  'too-large': (p) =>
    `${p.file} is too large for the browser's memory (DuckDB-WASM stops at about 3 GB). Load fewer rows or columns, or drop other tables first.`,
  'over-limit': (p) => {
    const n = (x: number) => (p.what === 'rows' ? x.toLocaleString('en-US') : byteText(x));
    const what = {
      rows: `declares ${n(p.amount)} rows`,
      bytes: `declares ${n(p.amount)} uncompressed`,
      decoded: `would decode to about ${n(p.amount)}`,
      text: `holds ${n(p.amount)} of JSON text`,
    }[p.what];
    return `${p.file} ${what}; the limit is ${n(p.limit)}${p.what === 'rows' ? ' rows' : ''}. It was refused before being read: load a smaller extract${p.what === 'text' ? ', or convert it to CSV or Parquet' : ''}.`;
  },
  'load-failed': (p) => `${p.file} could not be loaded: ${p.detail}`,
  unexpected: (p) => `${p.file}: ${p.detail}`,
  'header-no-rows': (p) => `${p.file} has a header but no rows.`,
  'title-rows-skipped': (p) =>
    `Skipped ${p.count} title row${p.count > 1 ? 's' : ''} above the header in sheet “${p.sheet}”.`,
};

/** Bytes as a person reads them: 4.4 GB, 600 MB, 8 KB. */
export function byteText(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

export function importMessage<C extends ImportMessageCode>(
  code: C,
  params: ImportMessageParams[C],
): ImportMessage<C> {
  return { code, params, message: IMPORT_MESSAGE_FORMATTERS[code](params) };
}
