import type { Dataset } from '../core/model/documentSchema';
import type { TableEntry } from './dataStore';

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
