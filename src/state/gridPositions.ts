import {
  buildPositionsSql,
  dropPositionsSql,
  type GridFilterModel,
  type GridSort,
} from '../core/sql/gridQuery';
import type { Engine } from '../engine/engine';
import { engineDialect } from '../engine/engineDialect';

/**
 * The row positions of the one view a grid shows of a table (its sort and filters), in a
 * temporary table of the engine built once per view: pages are then ranges of positions
 * (core/sql/gridQuery.ts, buildPositionsSql). Another view replaces them, and a table
 * whose contents change gets a new GridPositions (with its grid's new pages).
 */

interface GridViewOf {
  sort: GridSort[];
  filter: GridFilterModel;
}

interface ViewPositions {
  /** Whether the table is built; until then a caller may prefer a page that does not wait for it. */
  readonly built: boolean;
  /** Whether these are still the positions of the view shown. */
  readonly current: boolean;
  /** The table's name once built (the build starts on the first call); null when the view pages without one. */
  table(): Promise<string | null>;
}

interface GridPositions {
  of(view: GridViewOf): ViewPositions;
  /** Drops the positions held; a later `of` builds them again. */
  close(): void;
}

interface PositionedTable {
  name: string;
  columns: string[];
  textColumns: string[];
}

/** Each GridPositions names its tables apart: several grids may be open on one engine. */
let serial = 0;

export function gridPositions(table: PositionedTable, engine: () => Promise<Engine>): GridPositions {
  let shown: { key: string; entry: ViewPositions; table: Promise<string | null> | null } | null = null;

  const close = () => {
    const old = shown;
    shown = null;
    // The engine runs one query at a time, so the drop waits for the pages still reading them.
    old?.table
      ?.then((name) =>
        name === null ? undefined : engine().then((e) => e.query(dropPositionsSql(name, engineDialect(e)))),
      )
      .catch(() => undefined);
  };

  return {
    of(view) {
      const key = JSON.stringify([view.sort, view.filter]);
      if (shown?.key === key) return shown.entry;
      close();
      const name = `__grid_pos_${++serial}`;
      const positionsSql = (e: Engine) =>
        buildPositionsSql({ ...table, table: table.name, ...view }, name, engineDialect(e));
      let built = false;
      const state: NonNullable<typeof shown> = {
        key,
        table: null,
        entry: {
          get built() {
            return built;
          },
          get current() {
            return shown === state;
          },
          table() {
            // Positions asked for after the view changed would never be dropped.
            if (shown !== state && state.table === null) return Promise.resolve(null);
            state.table ??= engine()
              .then(async (e) => {
                const sql = positionsSql(e);
                if (sql === null) return null;
                await e.query(sql);
                built = true;
                return name;
              })
              // Without positions the view still pages, by LIMIT/OFFSET.
              .catch(() => null);
            return state.table;
          },
        },
      };
      shown = state;
      return state.entry;
    },
    close,
  };
}
