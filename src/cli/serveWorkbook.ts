import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createWorkbookService } from '../app/workbook/workbookService';
import type { Engine } from '../engine/engine';
import type { ServedClash, ServedTable, ServedWorkbook } from '../engine/servedTables';
import { WorkbookError } from '../workbook/workbookError';

/** A `--workbook` that cannot be served: the command stops with status 2 and says why. */
export class ServeWorkbookError extends Error {}

/**
 * Puts `--workbook`'s embedded data into the server's engine (decoded here, never in the
 * page) and returns its document for the page to open, with its datasets as served
 * tables. A dataset saved without its data (by reference, as a served page saves the
 * server's tables) is the PATH's table of its name; one with neither data nor such a PATH
 * is refused. One whose data has a PATH's table's name comes in under the next free name,
 * and a mapping whose view would have one is left off, as when the page opens the file
 * (servedClash.ts): the PATHs' tables keep their names; `renamed` says which moved.
 */
export async function serveWorkbook(
  engine: Engine,
  given: string,
  taken: readonly ServedTable[],
): Promise<{ workbook: ServedWorkbook; tables: ServedTable[] }> {
  const path = resolve(given);
  const bytes = await readFile(path).catch(() => {
    throw new ServeWorkbookError(`${given}: no such file, or it cannot be read.`);
  });
  const service = createWorkbookService({ engine: async () => engine });
  const served = taken.map((t) => ({ table: t.table, path: t.path }));
  const doc = await service.open(new Uint8Array(bytes), [], served).then(
    (opened) => opened,
    (err: unknown) => {
      if (err instanceof WorkbookError) throw new ServeWorkbookError(`${given}: ${err.message}`);
      throw err;
    },
  );
  if (doc.status === 'needs-files')
    throw new ServeWorkbookError(
      `${given}: saved without the data of ${doc.missing.map((m) => m.sourceName).join(', ')}; ` +
        'save it with its data in the file, or give those files as PATHs.',
    );
  const onPath = new Set(taken.map((t) => t.table.toLowerCase()));
  const tables = doc.tables
    .filter((t) => !onPath.has(t.name.toLowerCase()))
    .map(({ name, served: _, ...entry }) => ({ ...entry, table: name, path }));
  const workbook: ServedWorkbook = { fileName: basename(path), doc: doc.doc };
  if (doc.renamed.length > 0) workbook.renamed = doc.renamed;
  return { workbook, tables };
}

/** What the command says of a workbook's table kept clear of a PATH's. */
export function clashLine(r: ServedClash): string {
  return r.view === undefined
    ? `  the workbook's table ${r.table} is served as ${r.as}: ${r.served} gave a table that name`
    : `  the workbook's mapping of ${r.table} to ${r.view} is left off: ${r.served} gave a table that name`;
}
