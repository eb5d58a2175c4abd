import { looksBinary } from '../../core/ingest/binary';
import { sniffDelimiter } from '../../core/ingest/delimiter';
import type { ImportMessage } from '../../core/ingest/messages';
import { isOutOfMemory } from '../../core/outOfMemory';
import { type Engine, EngineCancelled } from '../engine';
import { engineRoot } from '../engineRoot';
import { importPath } from '../lockdown';
import { scratchName } from '../scratchName';
import { findCsvStructureProblem } from './csvDiagnose';
import { type LoadedCsv, loadCsv } from './csvLoad';
import { csvText, firstHeaderIsEmpty } from './csvText';
import { type EncodingName, type FileFormat, importError, type ParseOptions } from './types';

interface StagedDelimited {
  encoding: EncodingName;
  options: ParseOptions;
  notes: ImportMessage[];
  /** The staging table is already typed: its rows, and the values that did not fit. */
  loaded: LoadedCsv;
}

/** Errors that say nothing about the file's shape, so they must not be diagnosed or retried. */
function isEngineTrouble(err: unknown): boolean {
  if (err instanceof EngineCancelled) return true;
  const msg = err instanceof Error ? err.message : String(err);
  return isOutOfMemory(msg);
}

/** A delimited file where DuckDB can read it as UTF-8, with what was learnt from its first bytes. */
interface DelimitedSource {
  fileName: string;
  /** The path (or glob) given to read_csv. */
  path: string;
  encoding: EncodingName;
  /** The first 64K characters, for sniffing. */
  sample: string;
  notes: ImportMessage[];
  /** The whole text, only asked for to explain a file DuckDB could not read. */
  text(): string;
}

/**
 * CSV and TSV through DuckDB's own reader, typed as they are read (see csvLoad); the
 * bytes are transcoded to UTF-8 first and registered where the engine reads imports.
 */
export async function stageDelimited(
  engine: Engine,
  fileName: string,
  bytes: Uint8Array,
  format: FileFormat,
  options: ParseOptions,
  staging: string,
): Promise<StagedDelimited> {
  if (bytes.length === 0) throw importError('empty-file', { file: fileName });
  const { encoding, utf8, sample, fullText, notes } = csvText(fileName, bytes, options.encoding);
  if (looksBinary(bytes)) throw importError('not-text', { file: fileName, format: format.toUpperCase() });
  const path = importPath(`${scratchName('__import_')}.csv`, engineRoot(engine).importDirectory);
  await engine.registerFile(path, utf8);
  try {
    const text = () => fullText ?? new TextDecoder('utf-8').decode(utf8);
    return await stageDelimitedText(
      engine,
      { fileName, path, encoding, sample, notes, text },
      format,
      options,
      staging,
    );
  } finally {
    await engine.dropFile(path);
  }
}

/** Sniffs the dialect from the sample, then loads and types the file (a strict read, then a lenient one). */
export async function stageDelimitedText(
  engine: Engine,
  source: DelimitedSource,
  format: FileFormat,
  options: ParseOptions,
  staging: string,
): Promise<StagedDelimited> {
  const { fileName, path, encoding, sample, notes } = source;
  if (sample.trim() === '') throw importError('empty-file', { file: fileName });

  const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : sniffDelimiter(sample));
  const header = options.header ?? true;
  const skipRows = options.skipRows ?? 0;
  const dialect = { delimiter, header, skipRows, decimalComma: options.decimalComma ?? false };
  const typing = {
    decimalComma: options.decimalComma,
    dateOrder: options.dateOrder,
    rowNumberColumn: header && firstHeaderIsEmpty(sample, delimiter, skipRows),
  };
  let loaded: LoadedCsv;
  try {
    loaded = await loadCsv(engine, path, { ...dialect, strict: true }, staging, typing);
  } catch (err) {
    if (isEngineTrouble(err)) throw err;
    const problem = findCsvStructureProblem(source.text(), delimiter, skipRows);
    if (problem?.code === 'ragged-row')
      throw importError(
        'ragged-row',
        { file: fileName, line: problem.line, fields: problem.fields, expected: problem.expected },
        { line: problem.line },
      );
    if (problem?.code === 'unclosed-quote')
      throw importError('unclosed-quote', { file: fileName, line: problem.line }, { line: problem.line });
    try {
      // Structurally sound but not strict CSV (a stray quote inside a field): read leniently.
      loaded = await loadCsv(engine, path, { ...dialect, strict: false }, staging, typing);
    } catch (lenientErr) {
      if (isEngineTrouble(lenientErr)) throw lenientErr;
      throw importError('unreadable-text', {
        file: fileName,
        format: format.toUpperCase(),
        detail: firstLine(err),
      });
    }
  }
  const allNotes = [...notes, ...loaded.notes];
  return {
    encoding,
    options: { ...options, encoding, delimiter, header, skipRows },
    notes: allNotes,
    loaded,
  };
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0].replace(/^[A-Za-z ]*Error: /, '');
}
