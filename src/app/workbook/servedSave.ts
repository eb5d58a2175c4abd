import type { Dataset, WorkbookDocument } from '../../core/model/documentSchema';
import { PARQUET_LIMITS } from '../../engine/parquet/limits';
import type { ServedName } from './servedClash';

/**
 * The most rows of a dropped file's table that a Save with data copies into the file: what
 * a workbook may bring back into a tab (src/engine/parquet/limits.ts). A bigger one would
 * make a file no tab opens, after reading every row of it through this one.
 */
const DROPPED_EMBED_ROWS = PARQUET_LIMITS.maxRows;

/** What a Save puts in the file of a workbook whose page `shakhes serve` served. */
interface ServedSave {
  /** The datasets whose rows go in the file. */
  embed: Dataset[];
  /**
   * The tables the file names but does not hold, each with where it came from: a PATH's
   * table with the server's path; a dropped file too big to copy with the user's file name.
   */
  byReference: ServedName[];
}

/**
 * Which tables a Save copies into the file. A PATH's table stays where the server read it
 * (a 100M-row table would end the tab that read it): the file names it with its path. A
 * file dropped on the page came from the user's machine, but the server's copy of it is
 * private and gone with the server: so, like any table of the tab, it is saved with its data
 * (a file a team can mail and open offline) or, saved without data, by its file name, which
 * an open asks for. Only a dropped table too big for a tab stays out, named by its file name.
 */
export function servedSave(
  doc: WorkbookDocument,
  embedData: boolean,
  served: readonly ServedName[],
): ServedSave {
  const byName = new Map(served.map((s) => [s.table.toLowerCase(), s]));
  const embed: Dataset[] = [];
  const byReference: ServedName[] = [];
  for (const d of doc.datasets) {
    const server = byName.get(d.table.toLowerCase());
    if (server !== undefined && server.dropped === undefined)
      byReference.push({ table: d.table, path: server.path });
    else if (!embedData) continue;
    else if (server === undefined || d.rows <= DROPPED_EMBED_ROWS) embed.push(d);
    else byReference.push({ table: d.table, path: d.sourceName, dropped: true });
  }
  return { embed, byReference };
}
