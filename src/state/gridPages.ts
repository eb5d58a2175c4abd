import type { ColumnKind } from '../core/model/columnKind';
import {
  buildGridQuery,
  denseRowidsSql,
  type GridFilterModel,
  type GridPageRequest,
  type GridQuery,
  type GridSort,
  positionsPageSql,
} from '../core/sql/gridQuery';
import type { Engine } from '../engine/engine';
import { engineDialect } from '../engine/engineDialect';
import { arrowToRows, firstNumber, type Row } from './arrowRows';
import { gridPositions } from './gridPositions';

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
  /** Drops what the engine holds for these pages (the view's positions); a later page builds it again. */
  close(): void;
}

interface GridTable {
  name: string;
  columns: { name: string; kind: ColumnKind }[];
}

/**
 * Pages this near the top of a view are read by LIMIT/OFFSET while its positions are not
 * built yet: DuckDB keeps only the top rows for them, so the first page of a new sort
 * shows without waiting for every row's position.
 */
const SHALLOW = 1000;

/** The grid's query in the dialect of `engine`, for callers that reach the engine through a store (the UI's exports). */
export function gridQueryOn(engine: Engine, req: GridPageRequest): GridQuery {
  return buildGridQuery(req, engineDialect(engine));
}

/** Pages of `table` as it is now: make a new one when its contents change. */
export function tablePages(table: GridTable, engine: () => Promise<Engine>): TablePages {
  const columns = table.columns.map((c) => c.name);
  const textColumns = table.columns.filter((c) => c.kind === 'text').map((c) => c.name);
  const counts = new Map<string, Promise<number>>();
  let dense: Promise<boolean> | undefined;
  const positions = gridPositions({ name: table.name, columns, textColumns }, engine);
  let ahead: { key: string; rows: Promise<Row[]>; abort: AbortController } | null = null;
  let lastStart = -1;

  // Asked once: deleting rows changes the contents, and so brings a new TablePages.
  const denseRowids = () => {
    dense ??= engine()
      .then(
        async (e) => firstNumber(await e.query(denseRowidsSql(table.name, engineDialect(e))), 'dense') === 1,
      )
      .catch(() => false);
    return dense;
  };

  const query = async (view: PageRequest, offset: number, limit: number) =>
    gridQueryOn(await engine(), {
      table: table.name,
      columns,
      textColumns,
      sort: view.sort,
      filter: view.filter,
      offset,
      limit,
      denseRowids: await denseRowids(),
    });

  const run = async (sql: string, signal?: AbortSignal) =>
    arrowToRows(await (await engine()).query(sql, signal === undefined ? undefined : { signal })).rows;

  const fetchRows = async (view: PageRequest, offset: number, limit: number, signal?: AbortSignal) => {
    const offsetPage = async () => run((await query(view, offset, limit)).sql, signal);
    const pos = positions.of(view);
    if (!pos.built && offset < SHALLOW) {
      // The top rows first; the positions are built after them, for the pages further down.
      const rows = offsetPage();
      rows.then(pos.table, pos.table);
      return rows;
    }
    const name = await pos.table();
    if (name === null) return offsetPage();
    try {
      const d = engineDialect(await engine());
      return await run(positionsPageSql({ table: table.name, columns }, name, offset, limit, d), signal);
    } catch (e) {
      // The view changed and its positions were dropped before this page was read.
      if (signal?.aborted || pos.current) throw e;
      return offsetPage();
    }
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
      const viewKey = viewKeyOf(view);
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
    close: positions.close,
  };
}

function viewKeyOf(view: PageRequest): string {
  return JSON.stringify([view.sort, view.filter]);
}
