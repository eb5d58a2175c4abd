import { columnNames } from '../../core/ingest/columnNames';
import { decodeText, detectEncoding } from '../../core/ingest/encoding';
import { lineAndColumnAt } from '../../core/ingest/textPosition';
import type { Engine } from '../engine';
import { stageTextColumns } from './textTable';
import { importError } from './types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function parseJson(fileName: string, text: string, lineOffset = 0): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const at = pos ? lineAndColumnAt(text, Number(pos[1])) : undefined;
    const line = at ? at.line + lineOffset : lineOffset || undefined;
    throw importError(
      'invalid-json',
      {
        file: fileName,
        line: line ?? null,
        column: at ? at.column : null,
        detail: msg.replace(/ in JSON.*$/, ''),
      },
      { line },
    );
  }
}

/** A JSON array of objects, one object, or newline-delimited objects (NDJSON). */
function records(fileName: string, text: string): Record<string, Json>[] {
  const trimmed = text.trim();
  if (trimmed === '') throw importError('empty-file', { file: fileName });
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
  const ndjson = !trimmed.startsWith('[') && lines.length > 1 && lines[0].trim().startsWith('{');
  const values: Json[] = ndjson
    ? lines.map((l, i) => parseJson(fileName, l, i + 1))
    : (() => {
        const v = parseJson(fileName, trimmed);
        return Array.isArray(v) ? v : [v];
      })();
  return values.map((v, i) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw importError(
        'json-not-object',
        { file: fileName, record: i + 1 },
        { line: ndjson ? i + 1 : undefined },
      );
    return v;
  });
}

function cellText(v: Json | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * JSON is parsed whole into JavaScript objects, which take several times the text's size;
 * past this the file is refused before it is decoded (CSV and Parquet load far larger).
 */
const MAX_JSON_BYTES = 128 * 1024 * 1024;

export async function stageJson(
  engine: Engine,
  fileName: string,
  bytes: Uint8Array,
  staging: string,
  maxBytes = MAX_JSON_BYTES,
) {
  if (bytes.length > maxBytes)
    throw importError('over-limit', { file: fileName, what: 'text', amount: bytes.length, limit: maxBytes });
  const { encoding } = detectEncoding(bytes);
  const recs = records(fileName, decodeText(bytes, encoding));
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of recs)
    for (const k of Object.keys(r))
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
  if (keys.length === 0) throw importError('json-no-fields', { file: fileName });
  const header = columnNames(keys);
  await stageTextColumns(
    engine,
    staging,
    header,
    recs.map((r) => keys.map((k) => cellText(r[k]))),
  );
  return { encoding };
}
