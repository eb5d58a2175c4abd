import type { ImportMessage } from '../../core/ingest/messages';
import type { Dataset } from '../../core/model/documentSchema';
import type {
  ColumnInfo,
  EncodingName,
  FileFormat,
  ImportResult,
  ParseOptions,
} from '../../engine/ingest/types';
import type { ServedTable } from '../../engine/servedTables';

/** A loaded table as the workbook lists it, and its two-way conversion to a document's dataset. */
export interface TableEntry {
  name: string;
  sourceName: string;
  format: FileFormat;
  rows: number;
  columns: ColumnInfo[];
  options: ParseOptions;
  encoding?: EncodingName;
  sheets?: string[];
  problems: ImportResult['problems'];
  /** Things the importer wants the reader to know (a header with no rows, a merged title row), in English. */
  notes: string[];
  /** The same notes by code and parameters, shown in the language of the page (absent for restored tables). */
  noteMessages?: ImportMessage[];
  /**
   * Where `shakhes serve` read it, for a table held by the server: listed like any other,
   * but autosave keeps this reference, never its rows.
   */
  served?: string;
  /** A file dropped on the page in serve mode: `served` is the server's private copy of it. */
  dropped?: true;
}

export function entryOfImport(result: ImportResult): TableEntry {
  return {
    name: result.table,
    sourceName: result.sourceName,
    format: result.format,
    rows: result.rows,
    columns: result.columns,
    options: result.options,
    encoding: result.encoding,
    sheets: result.sheets,
    problems: result.problems,
    notes: result.notes ?? [],
    ...(result.noteMessages ? { noteMessages: result.noteMessages } : {}),
  };
}

export function entryOfServed(table: ServedTable): TableEntry {
  return { ...entryOfImport(table), served: table.path, ...(table.dropped ? { dropped: true } : {}) };
}

/**
 * A workbook's tables with the server's: a dataset naming a served table is that table (as
 * the server lists it), and a served table no dataset names stays listed after them.
 */
export function withServed(entries: TableEntry[], listed: readonly TableEntry[]): TableEntry[] {
  const served = new Map(listed.filter((t) => t.served !== undefined).map((t) => [t.name.toLowerCase(), t]));
  const own = entries.map((e) => served.get(e.name.toLowerCase()) ?? e);
  const named = new Set(own.map((e) => e.name.toLowerCase()));
  return [...own, ...[...served.values()].filter((t) => !named.has(t.name.toLowerCase()))];
}

/** Dataset ids name zip entries, so they are plain ASCII made from the table name. */
function datasetIds(tables: readonly { name: string }[]): string[] {
  const taken = new Set<string>();
  return tables.map((t) => {
    const base = t.name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 56) || 'dataset';
    let id = base;
    for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${base}_${n}`;
    taken.add(id.toLowerCase());
    return id;
  });
}

export function datasetsOf(tables: readonly TableEntry[]): Dataset[] {
  const ids = datasetIds(tables);
  return tables.map((t, i) => ({
    id: ids[i],
    table: t.name,
    sourceName: t.sourceName,
    format: t.format,
    options: t.encoding === undefined ? t.options : { ...t.options, encoding: t.encoding },
    columns: t.columns.map(({ name, kind, sqlType, currency }) =>
      currency === undefined ? { name, kind, sqlType } : { name, kind, sqlType, currency },
    ),
    rows: t.rows,
    embedded: false,
  }));
}

/** A restored dataset's entry: its columns and rows as the document says (no import problems or notes). */
export function tableEntryOf(d: Dataset): TableEntry {
  return {
    name: d.table,
    sourceName: d.sourceName,
    format: d.format,
    rows: d.rows,
    columns: d.columns,
    options: d.options,
    problems: { count: 0, samples: [] },
    notes: [],
  };
}
