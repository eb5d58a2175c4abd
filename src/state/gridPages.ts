import type { ColumnKind } from '../core/model/columnKind';
import { buildGridQuery, denseRowidsSql, type GridFilterModel, type GridSort } from '../core/sql/gridQuery';
import type { Engine } from '../engine/engine';
import { arrowToRows, firstNumber, type Row } from './arrowRows';

/**
 * Pages of one table for the data grid, read from the engine: sorting and filtering
 * happen there, so the browser only ever holds the pages on screen and one ahead.
 */

interface PageRequest {
  startRow: number;
  endRow: number;
  sort: GridSort[];
  filter: GridFilterModel;
}

interface Page {
  rows: Row[];
  /** Rows matching the filter. */
  total: number;
}

interface TablePages {
  get(request: PageRequest): Promise<Page>;
}

interface GridTable {
  name: string;
  columns: { name: string; kind: ColumnKind }[];
}

/** Pages of `table` as it is now: make a new one when its contents change. */
export function tablePages(table: GridTable, engine: () => Promise<Engine>): TablePages {
  const columns = table.columns.map((c) => c.name);
  const textColumns = table.columns.filter((c) => c.kind === 'text').map((c) => c.name);
  const counts = new Map<string, Promise<number>>();
  let dense: Promise<boolean> | undefined;
  let ahead: { key: string; rows: Promise<Row[]>; abort: AbortController } | null = null;
  let lastStart = -1;

  // Asked once: deleting rows changes the contents, and so brings a new TablePages.
  const denseRowids = () => {
    dense ??= engine()
      .then(async (e) => firstNumber(await e.query(denseRowidsSql(table.name)), 'dense') === 1)
      .catch(() => false);
    return dense;
  };

  const query = async (view: PageRequest, offset: number, limit: number) =>
    buildGridQuery({
      table: table.name,
      columns,
      textColumns,
      sort: view.sort,
      filter: view.filter,
      offset,
      limit,
      denseRowids: await denseRowids(),
    });

  const fetchRows = async (view: PageRequest, offset: number, limit: number, signal?: AbortSignal) => {
    const { sql } = await query(view, offset, limit);
    const e = await engine();
    return arrowToRows(await e.query(sql, signal === undefined ? undefined : { signal })).rows;
  };

  const count = async (view: PageRequest) => {
    const { countSql } = await query(view, 0, 0);
    let n = counts.get(countSql);
    if (n === undefined) {
      n = engine().then(async (e) => firstNumber(await e.query(countSql), 'n'));
      counts.set(countSql, n);
      // A failed count is asked again next time rather than remembered.
      n.catch(() => counts.delete(countSql));
    }
    return n;
  };

  return {
    async get(view) {
      const size = view.endRow - view.startRow;
      const viewKey = JSON.stringify([view.sort, view.filter]);
      const keyOf = (start: number) => `${viewKey}|${start}|${size}`;
      let rows: Promise<Row[]>;
      if (ahead?.key === keyOf(view.startRow)) {
        rows = ahead.rows;
      } else {
        // The reader went elsewhere: the page read for them is not needed, so the engine stops on it.
        ahead?.abort.abort();
        rows = fetchRows(view, view.startRow, size);
      }
      ahead = null;
      const forward = view.startRow >= lastStart;
      lastStart = view.startRow;
      const [page, total] = await Promise.all([rows, count(view)]);
      // The next page in the direction of travel is read while this one is shown, so
      // steady scrolling finds its rows ready instead of blank until they arrive.
      const next = forward ? view.startRow + size : view.startRow - size;
      if (ahead === null && size > 0 && next >= 0 && next < total) {
        const abort = new AbortController();
        const pending = fetchRows(view, next, size, abort.signal);
        pending.catch(() => undefined);
        ahead = { key: keyOf(next), rows: pending, abort };
      }
      return { rows: page, total };
    },
  };
}
