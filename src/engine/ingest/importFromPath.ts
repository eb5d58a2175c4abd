import { readFileSync } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { looksBinary } from '../../core/ingest/binary';
import { duckdb } from '../../core/sql/dialects/registry';
import { dropSql } from '../../core/sql/tableDdl';
import type { Engine } from '../engine';
import { csvText } from './csvText';
import { stageDelimitedText } from './delimited';
import { describeTable } from './describe';
import { detectFormat } from './detectFormat';
import { type ImportOptions, importStaged, STAGERS, type Staged } from './importFile';
import { type FileFormat, type ImportResult, importError, type ParseOptions } from './types';

const q = duckdb.quoteIdent;
const s = duckdb.stringLiteral;

/** Bytes read from the first file to judge its encoding, sniff its dialect and spot binary data. */
const HEAD = 64 * 1024;

const isGlob = (path: string) => /[*?[]/.test(path);

/**
 * Loads a file, or a glob of same-shaped files (`exports/*.csv`), into a table by path,
 * on an engine that reads real paths (the native one): CSV, TSV and Parquet are read in
 * place by DuckDB, never copied into memory, with importFile's typing, blanks and
 * reports. Only what DuckDB cannot read as it is goes through the bytes: a CSV not in
 * UTF-8 (transcoded first, as in the browser) and JSON and XLSX, which the browser
 * parses in JS, so they are parsed by the same code here.
 */
export async function importFromPath(
  engine: Engine,
  path: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const files = await matchingFiles(engine, path);
  const head = await readHead(files[0]);
  const name = isGlob(path) ? `${basename(dirname(path))}${extensionOf(path)}` : basename(path);
  const format = detectFormat(files[0], head);
  let bytes = 0;
  for (const f of files) bytes += (await stat(f)).size;
  const stage = (o: ParseOptions, staging: string): Promise<Staged> => {
    if (format === 'parquet') return stageParquetAt(engine, path, staging);
    const text = format === 'csv' || format === 'tsv' ? csvText(name, head, o.encoding) : null;
    if (text?.encoding === 'utf-8') {
      if (looksBinary(head)) throw importError('not-text', { file: name, format: format.toUpperCase() });
      // Only read to explain a failed load (of a glob, its first file is the one explained).
      const whole = () => new TextDecoder('utf-8').decode(readFileSync(files[0]));
      return stageDelimitedText(engine, { ...text, fileName: name, path, text: whole }, format, o, staging);
    }
    return stageEachFile(engine, files, format, o, staging);
  };
  return importStaged(engine, { name, format, bytes }, stage, opts);
}

async function matchingFiles(engine: Engine, path: string): Promise<string[]> {
  const found = await engine.query(`SELECT file FROM glob(${s(path)}) ORDER BY file`);
  const files = found.toArray().map((r) => String(r.file));
  if (files.length === 0)
    throw importError('load-failed', {
      file: path,
      detail: `No files found that match the pattern "${path}"`,
    });
  return files;
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(HEAD);
    const { bytesRead } = await handle.read(buffer, 0, HEAD, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(dot) : '';
}

/**
 * Parquet read in place. The browser relabels a zoned timestamp as a plain UTC one before
 * DuckDB sees it (stageParquet); DuckDB reads a zoned Parquet timestamp as TIMESTAMPTZ,
 * so it is cast back to the same plain UTC instant (the native engine runs in UTC).
 */
async function stageParquetAt(engine: Engine, path: string, staging: string): Promise<Staged> {
  await engine.query(`CREATE OR REPLACE TABLE ${q(staging)} AS SELECT * FROM read_parquet(${s(path)})`);
  for (const c of await describeTable(engine, staging))
    if (c.sqlType === 'TIMESTAMP WITH TIME ZONE')
      await engine.query(`ALTER TABLE ${q(staging)} ALTER ${q(c.name)} TYPE TIMESTAMP`);
  return { options: {}, notes: [] };
}

/**
 * Formats read through their bytes, one file at a time with the browser's stager for each;
 * the files of a glob are stacked by column name before the shared typing pass.
 */
async function stageEachFile(
  engine: Engine,
  files: string[],
  format: FileFormat,
  o: ParseOptions,
  staging: string,
): Promise<Staged> {
  if (files.length === 1)
    return STAGERS[format](engine, basename(files[0]), await readFile(files[0]), o, staging);
  const parts = files.map((_, i) => `${staging}__part${i}`);
  let first: Staged | undefined;
  try {
    for (const [i, file] of files.entries()) {
      const staged = await STAGERS[format](engine, basename(file), await readFile(file), o, parts[i]);
      first ??= staged;
    }
    const union = parts.map((p) => `SELECT * FROM ${q(p)}`).join(' UNION ALL BY NAME ');
    await engine.query(`CREATE OR REPLACE TABLE ${q(staging)} AS ${union}`);
  } finally {
    for (const p of parts) await engine.query(dropSql(duckdb, p)).catch(() => undefined);
  }
  // A CSV stager types as it reads; its parts' reports do not add up, so the stack is typed again.
  return { ...(first as Staged), loaded: undefined };
}
