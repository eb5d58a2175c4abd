import { looksBinary } from '../../core/ingest/binary';
import { sniffDelimiter } from '../../core/ingest/delimiter';
import { decodeText, detectEncoding } from '../../core/ingest/encoding';
import { duckdb } from '../../core/sql/dialect';
import type { Engine } from '../engine';
import { findCsvStructureProblem } from './csvDiagnose';
import { type EncodingName, type FileFormat, ImportError, type ParseOptions } from './types';

const SAMPLE = 64 * 1024;
const q = duckdb.quoteIdent;
const s = duckdb.stringLiteral;

/**
 * Booleans are left out because DuckDB would read Yes/No as true/false, which users
 * compare as text; dates because it would read the Jalali 1402/05/12 as a Gregorian
 * date. The shared typing pass decides both.
 */
const TYPE_CANDIDATES = ['BIGINT', 'DOUBLE', 'VARCHAR'];

let fileCounter = 0;

export interface StagedDelimited {
  encoding: EncodingName;
  options: ParseOptions;
  notes: string[];
}

/** CSV and TSV through DuckDB's own reader; the bytes are transcoded to UTF-8 first. */
export async function stageDelimited(
  engine: Engine,
  fileName: string,
  bytes: Uint8Array,
  format: FileFormat,
  options: ParseOptions,
  staging: string,
): Promise<StagedDelimited> {
  if (bytes.length === 0) throw new ImportError(fileName, `${fileName} is empty: there is nothing to load.`);
  const detected = detectEncoding(bytes);
  const encoding = options.encoding && options.encoding !== 'auto' ? options.encoding : detected.encoding;
  let utf8: Uint8Array;
  let sample: string;
  let fullText: string | undefined;
  if (encoding === 'utf-8') {
    // Already UTF-8: hand DuckDB the bytes as they are, minus a BOM, without a copy.
    utf8 = bytes.subarray(detected.encoding === 'utf-8' ? detected.bomLength : 0);
    sample = new TextDecoder('utf-8').decode(utf8.subarray(0, SAMPLE));
  } else {
    fullText = decodeText(bytes, encoding);
    utf8 = new TextEncoder().encode(fullText);
    sample = fullText.slice(0, SAMPLE);
  }
  if (looksBinary(bytes))
    throw new ImportError(
      fileName,
      `${fileName} does not look like a text file: it contains binary data. Is it really a ${format.toUpperCase()} file?`,
    );
  if (sample.trim() === '')
    throw new ImportError(fileName, `${fileName} is empty: there is nothing to load.`);

  const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : sniffDelimiter(sample));
  const header = options.header ?? true;
  const skipRows = options.skipRows ?? 0;
  const candidates = TYPE_CANDIDATES.map((t) => s(t)).join(', ');
  const virtual = `__import_${++fileCounter}.csv`;
  await engine.registerFile(virtual, utf8);
  const read = (strict: boolean) =>
    `CREATE OR REPLACE TABLE ${q(staging)} AS SELECT * FROM read_csv(${s(virtual)}, delim = ${s(delimiter)}, ` +
    `header = ${header}, skip = ${skipRows}, quote = '"', escape = '"', strict_mode = ${strict}, ` +
    `decimal_separator = ${s(options.decimalComma ? ',' : '.')}, auto_type_candidates = [${candidates}], ` +
    `sample_size = 20480, all_varchar = false)`;
  try {
    await engine.query(read(true));
  } catch (err) {
    const text = fullText ?? new TextDecoder('utf-8').decode(utf8);
    const problem = findCsvStructureProblem(text, delimiter, skipRows);
    if (problem)
      throw new ImportError(fileName, `${fileName} could not be read: ${problem.message}.`, {
        line: problem.line + (header ? 0 : 0),
      });
    try {
      // Structurally sound but not strict CSV (a stray quote inside a field): read leniently.
      await engine.query(read(false));
    } catch {
      throw new ImportError(
        fileName,
        `${fileName} could not be read as ${format.toUpperCase()}: ${firstLine(err)}`,
      );
    }
  } finally {
    await engine.dropFile(virtual);
  }
  return { encoding, options: { ...options, encoding, delimiter, header, skipRows }, notes: [] };
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0].replace(/^[A-Za-z ]*Error: /, '');
}
