import { columnNames } from '../../core/ingest/columnNames';
import { decodeText, detectEncoding } from '../../core/ingest/encoding';
import { lineAndColumnAt } from '../../core/ingest/textPosition';
import type { Engine } from '../engine';
import { stageTextColumns } from './textTable';
import { ImportError } from './types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function parseJson(fileName: string, text: string, lineOffset = 0): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const at = pos ? lineAndColumnAt(text, Number(pos[1])) : undefined;
    const line = at ? at.line + lineOffset : lineOffset || undefined;
    const where = at ? ` at line ${line}, column ${at.column}` : line ? ` at line ${line}` : '';
    throw new ImportError(
      fileName,
      `${fileName} is not valid JSON${where}: ${msg.replace(/ in JSON.*$/, '')}.`,
      {
        line,
      },
    );
  }
}

/** A JSON array of objects, one object, or newline-delimited objects (NDJSON). */
function records(fileName: string, text: string): Record<string, Json>[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new ImportError(fileName, `${fileName} is empty: there is nothing to load.`);
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
      throw new ImportError(
        fileName,
        `${fileName}: record ${i + 1} is not an object; expected an array of objects or one object per line.`,
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

export async function stageJson(engine: Engine, fileName: string, bytes: Uint8Array, staging: string) {
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
  if (keys.length === 0) throw new ImportError(fileName, `${fileName} holds no fields to make columns from.`);
  const header = columnNames(keys);
  await stageTextColumns(
    engine,
    staging,
    header,
    recs.map((r) => keys.map((k) => cellText(r[k]))),
  );
  return { encoding };
}
