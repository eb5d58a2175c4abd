import { type ImportMessage, importMessage } from '../../core/ingest/messages';
import { uniqueTableName } from '../../core/ingest/tableName';
import { isOutOfMemory } from '../../core/outOfMemory';
import { duckdb } from '../../core/sql/dialects/registry';
import { normalizeLettersUpdate } from '../../core/sql/persianText';
import { dropSql, renameTableSql } from '../../core/sql/tableDdl';
import { type Engine, EngineCancelled } from '../engine';
import { scratchName } from '../scratchName';
import { stageDelimited } from './delimited';
import { countRows, describeTable } from './describe';
import { detectFormat } from './detectFormat';
import { stageJson } from './json';
import { stageParquet } from './parquet';
import type { ProblemReport } from './typedSelect';
import {
  type ColumnInfo,
  type EncodingName,
  type FileFormat,
  ImportError,
  type ImportProgress,
  type ImportResult,
  importError,
  type ParseOptions,
} from './types';
import { typeColumns } from './typing';
import type { TypingNotes } from './typingNotes';
import { stageXlsx } from './xlsx';

export interface ImportOptions {
  /** Load into this table (re-import replaces it); otherwise a name is made from the file name. */
  table?: string;
  options?: ParseOptions;
  /** Names already taken, so a new table gets a unique one. */
  existing?: string[];
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

export interface Staged {
  encoding?: EncodingName;
  options: ParseOptions;
  notes: ImportMessage[];
  sheets?: string[];
  /** Set by a stager that typed its table as it read it (CSV, TSV). */
  loaded?: { rows: number; problems: ProblemReport } & TypingNotes;
}

type Stager = (
  engine: Engine,
  name: string,
  bytes: Uint8Array,
  o: ParseOptions,
  staging: string,
) => Promise<Staged>;

/** One entry per format: how its bytes become a staging table. */
export const STAGERS: Record<FileFormat, Stager> = {
  csv: (e, n, b, o, t) => stageDelimited(e, n, b, 'csv', o, t),
  tsv: (e, n, b, o, t) => stageDelimited(e, n, b, 'tsv', o, t),
  pasted: (e, n, b, o, t) => stageDelimited(e, n, b, 'tsv', { delimiter: '\t', ...o }, t),
  manual: (e, n, b, o, t) => stageDelimited(e, n, b, 'tsv', { delimiter: '\t', ...o }, t),
  parquet: async (e, n, b, o, t) => {
    await stageParquet(e, n, b, t);
    return { options: o, notes: [] };
  },
  json: async (e, n, b, o, t) => {
    const { encoding } = await stageJson(e, n, b, t);
    return { encoding, options: o, notes: [] };
  },
  xlsx: async (e, n, b, o, t) => {
    const r = await stageXlsx(e, n, b, o.sheet, t);
    return { options: { ...o, sheet: r.sheet }, notes: r.notes, sheets: r.sheets };
  },
};

/** Formats staged as text (JSON, XLSX) are typed in a rebuild of their staging table. */
async function typeStaging(engine: Engine, staging: string, typed: string, o: ParseOptions) {
  const columns = await describeTable(engine, staging);
  const typing = { decimalComma: o.decimalComma, dateOrder: o.dateOrder };
  return typeColumns(engine, staging, typed, columns, typing);
}

function checkCancelled(signal: AbortSignal | undefined) {
  if (signal?.aborted) throw new EngineCancelled();
}

/**
 * Loads one file into a table. Works in a staging table and only replaces the
 * target at the end, so a failure or a cancel leaves every loaded table as it was.
 */
export async function importFile(
  engine: Engine,
  source: { name: string; bytes: Uint8Array; format?: FileFormat },
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const format = source.format ?? detectFormat(source.name, source.bytes);
  const about = { name: source.name, format, bytes: source.bytes.length };
  return importStaged(
    engine,
    about,
    (o, staging) => STAGERS[format](engine, source.name, source.bytes, o, staging),
    opts,
  );
}

/**
 * What importFile does around a format's stager (importFromPath brings its own): the
 * typing pass for formats staged as text, the letters option, the swap into the target
 * table, and the result with its reports.
 */
export async function importStaged(
  engine: Engine,
  source: { name: string; format: FileFormat; bytes: number },
  stage: (o: ParseOptions, staging: string) => Promise<Staged>,
  opts: ImportOptions,
): Promise<ImportResult> {
  const { signal, onProgress } = opts;
  const { format } = source;
  const totalBytes = source.bytes;
  const table = opts.table ?? uniqueTableName(source.name, opts.existing ?? []);
  const staging = scratchName('__staging_');
  const typed = scratchName('__typed_');
  const onAbort = () => void engine.cancel();
  signal?.addEventListener('abort', onAbort);
  try {
    onProgress?.({ phase: 'parsing', bytes: 0, totalBytes });
    checkCancelled(signal);
    const staged = await stage(opts.options ?? {}, staging);
    checkCancelled(signal);
    const rows = staged.loaded?.rows ?? (await countRows(engine, staging));
    onProgress?.({ phase: 'typing', bytes: totalBytes, totalBytes, rows });
    const typing = staged.loaded ?? (await typeStaging(engine, staging, typed, staged.options));
    const { problems, currencies } = typing;
    const result = staged.loaded ? staging : typed;
    checkCancelled(signal);
    if (opts.options?.normalizeLetters) {
      const text = (await describeTable(engine, result)).filter((c) => c.kind === 'text').map((c) => c.name);
      const update = normalizeLettersUpdate(result, text, duckdb);
      if (update !== null) await engine.query(update);
    }
    await engine.query(dropSql(duckdb, table));
    await engine.query(renameTableSql(duckdb, result, table));
    // Typing notes are already in a CSV stager's own; other formats add them here.
    const noteMessages = staged.loaded ? [...staged.notes] : [...staged.notes, ...typing.notes];
    if (rows === 0) noteMessages.push(importMessage('header-no-rows', { file: source.name }));
    onProgress?.({ phase: 'done', bytes: totalBytes, totalBytes, rows });
    return {
      table,
      sourceName: source.name,
      format,
      rows,
      columns: withCurrencies(await describeTable(engine, table), currencies),
      encoding: staged.encoding,
      // The letters option is applied here, not by a stager: keep it with the others.
      options:
        opts.options?.normalizeLetters === undefined
          ? staged.options
          : { ...staged.options, normalizeLetters: opts.options.normalizeLetters },
      sheets: staged.sheets,
      problems,
      notes: noteMessages.map((n) => n.message),
      noteMessages,
    };
  } catch (err) {
    if (err instanceof ImportError || err instanceof EngineCancelled) throw err;
    if (signal?.aborted) throw new EngineCancelled();
    const msg = err instanceof Error ? err.message : String(err);
    if (isOutOfMemory(msg)) throw importError('too-large', { file: source.name });
    throw importError('load-failed', { file: source.name, detail: msg.split('\n')[0] });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await engine.query(dropSql(duckdb, staging)).catch(() => undefined);
    await engine.query(dropSql(duckdb, typed)).catch(() => undefined);
  }
}

/** Columns of amounts carry the currency their values were written in. */
function withCurrencies(columns: ColumnInfo[], currencies: Readonly<Record<string, string>>): ColumnInfo[] {
  return columns.map((c) => (currencies[c.name] === undefined ? c : { ...c, currency: currencies[c.name] }));
}
