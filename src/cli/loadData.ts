import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Engine } from '../engine/engine';
import { importFile } from '../engine/ingest/importFile';
import type { ImportResult } from '../engine/ingest/types';
import { UsageError } from './args';

/**
 * `NAME=FILE` pairs loaded with the browser's import code, so the CLI sees the same
 * types and blanks as the app. Every pair is checked and every file read before the
 * engine starts, so a typo or a missing file is answered at once.
 */
export async function loadDataArgs(
  engine: () => Promise<Engine>,
  specs: readonly string[],
): Promise<ImportResult[]> {
  const files: { table: string; name: string; bytes: Uint8Array }[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--data takes NAME=FILE (e.g. deals=deals.csv); got “${spec}”.`);
    const path = spec.slice(eq + 1);
    try {
      files.push({ table: spec.slice(0, eq), name: basename(path), bytes: await readFile(path) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT' ? `${path}: no such file.` : `${path}: cannot be read (${code}).`,
      );
    }
  }
  const results: ImportResult[] = [];
  for (const f of files) results.push(await importFile(await engine(), f, { table: f.table }));
  return results;
}
