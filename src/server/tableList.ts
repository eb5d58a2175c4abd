import type { Engine } from '../engine/engine';
import type { ServedTable } from '../engine/servedTables';

export interface TableList {
  /** Lists a table read on the server (a dropped file imported there), in place of one of its name. */
  add(table: ServedTable): void;
  /** The tables the engine still has: one the page dropped or renamed is not listed. */
  list(): Promise<ServedTable[]>;
}

/** The server's tables as the page lists them, starting with those the command read. */
export function tableList(engine: Engine, initial: readonly ServedTable[]): TableList {
  const tables = [...initial];
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return {
    add(table) {
      const i = tables.findIndex((t) => same(t.table, table.table));
      if (i >= 0) tables[i] = table;
      else tables.push(table);
    },
    async list() {
      const result = await engine.query('SELECT table_name AS name FROM duckdb_tables()');
      const names = new Set(
        Array.from(result.getChild('name')?.toArray() ?? [], (n) => String(n).toLowerCase()),
      );
      return tables.filter((t) => names.has(t.table.toLowerCase()));
    },
  };
}
