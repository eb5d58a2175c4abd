/** Long enough for any sensible file name, short enough for a tab and a formula. */
const MAX_LENGTH = 60;
const FALLBACK = 'table';

/** Letters (any script), combining marks, digits, and ZWNJ, which Persian words need inside them. */
const NAME_CHAR = /[\p{L}\p{M}\p{N}_\u200c]/u;

function baseName(fileName: string): string {
  const file = fileName.split(/[\\/]/).pop() ?? '';
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** A file name as a table name: ASCII lower-cased, any other character run → `_`, Unicode letters kept. */
export function tableNameFromFile(fileName: string): string {
  let name = '';
  for (const ch of baseName(fileName).normalize('NFC')) {
    name += NAME_CHAR.test(ch) ? ch.replace(/[A-Z]/, (c) => c.toLowerCase()) : '_';
  }
  name = name
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
    .replace(/^\u200c+|\u200c+$/g, '');
  if (name === '') return FALLBACK;
  if (!/^[\p{L}_]/u.test(name)) name = `_${name}`;
  return Array.from(name).slice(0, MAX_LENGTH).join('');
}

/**
 * A table name for an imported file that none of `existing` has (compared ignoring case,
 * as DuckDB does): the second `deals.csv` becomes `deals_2`, the third `deals_3`.
 */
export function uniqueTableName(fileName: string, existing: readonly string[]): string {
  const base = tableNameFromFile(fileName);
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
