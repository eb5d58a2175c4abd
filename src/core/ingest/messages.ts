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
  /** Not UTF-8: the code page chosen and why; `examples` are words of the file as decoded. */
  'encoding-detected': { file: string; encoding: string; reason: DetectedEncodingReason; examples: string[] };
  /** The user chose an encoding other than the one detection would have taken. */
  'encoding-chosen': { file: string; encoding: string; detected: string };
  /** A column of amounts with a currency mark, read as numbers; the mark is kept on the column. */
  'currency-numbers': { column: string; currency: string };
  /** A column of amounts in more than one currency: adding them up would mean nothing, so it stays text. */
  'mixed-currencies': { column: string; currencies: string[] };
  /** Missing-value words (NA, null, -) in typed columns, stored as blanks. */
  'read-as-blank': { count: number; tokens: string[]; columns: string[] };
  /** The first header cell was empty, as R and pandas write a row-number column. */
  'row-number-column': { column: string };
}

/** Why a code page was chosen for a file that is not UTF-8 (see core/ingest/encoding.ts). */
export type DetectedEncodingReason = 'arabic-words' | 'latin-words' | 'not-utf8';

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
    `${p.file} is too big for the browser tab's memory (DuckDB-WASM stops at about 3 GB). Open it with “shakhes serve” (native DuckDB on this computer), or load fewer rows or columns.`,
  'over-limit': (p) => {
    const n = (x: number) => (p.what === 'rows' ? x.toLocaleString('en-US') : byteText(x));
    const what = {
      rows: `declares ${n(p.amount)} rows`,
      bytes: `declares ${n(p.amount)} uncompressed`,
      decoded: `would decode to about ${n(p.amount)}`,
      text: `holds ${n(p.amount)} of JSON text`,
    }[p.what];
    return `${p.file} ${what}; the limit is ${n(p.limit)}${p.what === 'rows' ? ' rows' : ''}. It was refused before being read: open it with “shakhes serve” (native DuckDB on this computer)${p.what === 'text' ? ', convert it to CSV or Parquet,' : ''} or load a smaller extract.`;
  },
  'load-failed': (p) => `${p.file} could not be loaded: ${p.detail}`,
  unexpected: (p) => `${p.file}: ${p.detail}`,
  'header-no-rows': (p) => `${p.file} has a header but no rows.`,
  'title-rows-skipped': (p) =>
    `Skipped ${p.count} title row${p.count > 1 ? 's' : ''} above the header in sheet “${p.sheet}”.`,
  'encoding-detected': (p) =>
    `${p.file} was read as ${ENCODING_LABELS[p.encoding] ?? p.encoding}: ${ENCODING_REASONS[p.reason](p.examples)}. Change it under “Read options” if the text looks wrong.`,
  'encoding-chosen': (p) =>
    `${p.file} was read as ${ENCODING_LABELS[p.encoding] ?? p.encoding}, as chosen; it looks like ${ENCODING_LABELS[p.detected] ?? p.detected}.`,
  'currency-numbers': (p) =>
    `“${p.column}” holds amounts in ${p.currency}: read as numbers, the currency noted on the column.`,
  'mixed-currencies': (p) =>
    `“${p.column}” mixes currencies (${p.currencies.join(', ')}), so it stays text: adding them up would mean nothing.`,
  'read-as-blank': (p) =>
    `${p.count} value${p.count === 1 ? '' : 's'} read as blank (${p.tokens.join(', ')}) in ${p.columns.map((c) => `“${c}”`).join(', ')}.`,
  'row-number-column': (p) =>
    `The first column had no header (a row-number column, as R and pandas write it); it is named “${p.column}”.`,
};

/** How the English page names each encoding. */
const ENCODING_LABELS: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1256': 'Windows-1256 (Persian/Arabic)',
  'windows-1252': 'Windows-1252 (Western European, Latin-1)',
};

const examples = (words: string[]) => (words.length > 0 ? ` such as ${words.join(', ')}` : '');
const ENCODING_REASONS: Record<DetectedEncodingReason, (words: string[]) => string> = {
  'arabic-words': (w) =>
    `it is not UTF-8, and its non-ASCII bytes form Persian or Arabic words${examples(w)}`,
  'latin-words': (w) =>
    `it is not UTF-8, and its non-ASCII bytes are accents and marks inside Latin words${examples(w)}`,
  'not-utf8': () => 'it is not UTF-8, and Windows-1252 gives every byte a character',
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
