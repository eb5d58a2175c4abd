import { parseDocument } from '../core/model/document';
import { serverSideOf } from '../engine/servedTables';
import type { DataStore } from './dataStore';
import type { WorkbookStore } from './workbookStore';

/**
 * Opens the workbook given to `shakhes serve --workbook`. Its data is in the server's
 * engine already (the command put it there), so only its document comes to the page and
 * its datasets are the served tables. The file name when there was one, else null.
 */
export async function openServedWorkbook(workbook: WorkbookStore, data: DataStore): Promise<string | null> {
  const server = serverSideOf(await data.getState().engine());
  const given = server === null ? null : await server.servedWorkbook();
  if (given === null) return null;
  // The server checked it, but the page trusts no document it did not check itself.
  const parsed = parseDocument(given.doc);
  if (!parsed.ok) throw new Error(parsed.error);
  await workbook.getState().restore(parsed.doc, new Map(), given.fileName);
  // The command kept its tables clear of the PATHs' (as an open in the page does): the page says which.
  if (given.renamed !== undefined && given.renamed.length > 0) workbook.setState({ renamed: given.renamed });
  return given.fileName;
}
