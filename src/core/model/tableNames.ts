import type { WorkbookDocument } from './documentSchema';

/**
 * Which engine names a workbook's datasets may take. The engine holds the app's own
 * objects in the same catalogue as the user's tables: the calendar (`_calendar`), the
 * staging tables of imports and restores (`__staging_3`, `__restore_<token>_0`,
 * `deals__dates`), the view each column mapping makes (named for its canonical table)
 * and the view each notebook SQL cell makes (named for the cell). A dataset loaded under
 * one of those names would overwrite the app's object or be overwritten by it, so a
 * workbook whose dataset takes one is refused on open, before the engine is touched.
 */

/** Prefix of the tables a workbook's data is staged under while it is restored. */
export const RESTORE_STAGING_PREFIX = '__restore_';

/**
 * Names the app keeps for itself: `_` followed by a letter or another `_`, or `__`
 * anywhere. Tables named from files never look like this: core/ingest/tableName.ts
 * folds runs of `_` into one and writes a leading `_` only before a digit (`_2024_deals`).
 */
export function isInternalName(name: string): boolean {
  return /^_[\p{L}_]/u.test(name) || name.includes('__');
}

/** Every way a dataset's table name can clash; `dataset` is the source file the user knows it by. */
export interface NameClashParams {
  'internal-name': { dataset: string; table: string };
  /** Two datasets would be loaded into one table (DuckDB compares names without case). */
  'duplicate-table': { dataset: string; other: string; table: string };
  /** The table has the name of the view that `mapped`'s column mapping makes. */
  'mapping-view': { dataset: string; table: string; mapped: string };
  /** The table has the name of a notebook cell (a SQL cell's view) on sheet `sheet`. */
  'cell-name': { dataset: string; table: string; sheet: string };
}

export type NameClashCode = keyof NameClashParams;

export interface NameClash<C extends NameClashCode = NameClashCode> {
  readonly code: C;
  readonly params: NameClashParams[C];
  /** The English sentence (tests, the CLI, logs); src/i18n/nameClashes.*.ts has every language. */
  readonly message: string;
}

export type NameClashFormatters = { readonly [C in NameClashCode]: (p: NameClashParams[C]) => string };

const REFUSED = 'This workbook was refused:';
const LOADED = (p: { dataset: string; table: string }) =>
  `its dataset “${p.dataset}” would be loaded into the table “${p.table}”`;

/** The English sentences. */
export const NAME_CLASH_FORMATTERS: NameClashFormatters = {
  'internal-name': (p) =>
    `${REFUSED} ${LOADED(p)}, a name Shakhes keeps for its own tables (names that start with “_” and a letter, or hold “__”).`,
  'duplicate-table': (p) =>
    `${REFUSED} its datasets “${p.other}” and “${p.dataset}” would both be loaded into the table “${p.table}”.`,
  'mapping-view': (p) =>
    `${REFUSED} ${LOADED(p)}, the name of the view that the column mapping of “${p.mapped}” makes.`,
  'cell-name': (p) => `${REFUSED} ${LOADED(p)}, the name of a notebook cell on the sheet “${p.sheet}”.`,
};

export function nameClash<C extends NameClashCode>(code: C, params: NameClashParams[C]): NameClash<C> {
  return { code, params, message: NAME_CLASH_FORMATTERS[code](params) };
}

/**
 * Every clash between the document's dataset tables and the names the app uses, in
 * dataset order. Names are compared without case, as DuckDB compares them.
 */
export function nameClashes(doc: Pick<WorkbookDocument, 'datasets' | 'sheets'>): NameClash[] {
  const views = new Map<string, string>();
  for (const d of doc.datasets)
    if (d.mapping !== undefined) views.set(d.mapping.canonicalTable.toLowerCase(), d.sourceName);
  const cells = new Map<string, string>();
  for (const s of doc.sheets)
    for (const c of s.cells) if (c.name !== undefined) cells.set(c.name.toLowerCase(), s.name);

  const out: NameClash[] = [];
  const tables = new Map<string, string>();
  for (const d of doc.datasets) {
    const key = d.table.toLowerCase();
    const at = { dataset: d.sourceName, table: d.table };
    const other = tables.get(key);
    const mapped = views.get(key);
    const sheet = cells.get(key);
    if (isInternalName(d.table)) out.push(nameClash('internal-name', at));
    else if (other !== undefined) out.push(nameClash('duplicate-table', { ...at, other }));
    else if (mapped !== undefined) out.push(nameClash('mapping-view', { ...at, mapped }));
    else if (sheet !== undefined) out.push(nameClash('cell-name', { ...at, sheet }));
    tables.set(key, d.sourceName);
  }
  return out;
}
