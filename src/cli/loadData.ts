import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Engine } from '../engine/engine';
import { importFile } from '../engine/ingest/importFile';
import type { ImportResult } from '../engine/ingest/types';
import { UsageError } from './args';

/**
 * `NAME=FILE` pairs loaded with the browser's import code, so the CLI sees the same
 * types and blanks as the app.
 */
export async function loadDataArgs(engine: Engine, specs: readonly string[]): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--data takes NAME=FILE (e.g. deals=deals.csv); got “${spec}”.`);
    const table = spec.slice(0, eq);
    const path = spec.slice(eq + 1);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT' ? `${path}: no such file.` : `${path}: cannot be read (${code}).`,
      );
    }
    results.push(await importFile(engine, { name: basename(path), bytes }, { table }));
  }
  return results;
}
