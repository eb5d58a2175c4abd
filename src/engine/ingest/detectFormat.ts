import type { FileFormat } from './types';

const BY_EXTENSION: Record<string, FileFormat> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  parquet: 'parquet',
  pq: 'parquet',
  json: 'json',
  ndjson: 'json',
  jsonl: 'json',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

const startsWith = (b: Uint8Array, s: string) => [...s].every((ch, i) => b[i] === ch.charCodeAt(0));

/** By extension first (the user named the file), by magic bytes when the name says nothing. */
export function detectFormat(name: string, bytes: Uint8Array): FileFormat {
  const byName = BY_EXTENSION[extensionOf(name)];
  if (byName) return byName;
  if (startsWith(bytes, 'PAR1')) return 'parquet';
  if (startsWith(bytes, 'PK')) return 'xlsx';
  const first = String.fromCharCode(...bytes.subarray(0, 64)).trimStart()[0];
  if (first === '[' || first === '{') return 'json';
  return 'csv';
}
