import { _processOnChange, createGrid, type GridApi, type GridOptions } from 'ag-grid-community';
import { type RefObject, useEffect, useRef, useState } from 'react';

/**
 * AG Grid made by its own DOM code in `host`, not by its React wrapper. The wrapper draws
 * every row and cell as React components: after a large table loads, committing the first
 * screenful of them took one frame over 100 ms of main-thread time, where AG Grid's own
 * code builds the same elements directly.
 *
 * The grid is made once, with the options of the first render but its datasource, and
 * destroyed on unmount. An option whose value later changes identity is passed on as
 * the React wrapper passes a changed prop, so the same options may change the same way
 * (`infiniteInitialRowCount` included, which the grid's public setter refuses after creation).
 */
export function useGridMount<T>(
  host: RefObject<HTMLDivElement | null>,
  options: GridOptions<T>,
): GridApi<T> | null {
  const [api, setApi] = useState<GridApi<T> | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const given = useRef<GridOptions<T>>({});

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    let made: GridApi<T> | null = null;
    let columns: ReturnType<typeof setTimeout> | undefined;
    // Each step in a task of its own, none in the one that mounts the sheet (a store update
    // React renders at once): the grid's making (its theme measured, no columns), then its
    // columns and header, then its first rows once the datasource is passed on as a change,
    // then the rows with their data.
    const later = setTimeout(() => {
      const { datasource: _, columnDefs: __, ...first } = latest.current;
      const grid = createGrid(element, first);
      made = grid;
      columns = setTimeout(() => {
        const { datasource: _, ...second } = latest.current;
        _processOnChange({ columnDefs: second.columnDefs }, grid);
        given.current = second;
        setApi(grid);
      }, 0);
    }, 0);
    return () => {
      clearTimeout(later);
      clearTimeout(columns);
      setApi(null);
      made?.destroy();
    };
  }, [host]);

  useEffect(() => {
    if (api === null) return;
    const before = given.current;
    const changes: Record<string, unknown> = {};
    for (const key of Object.keys(options) as (keyof GridOptions<T>)[])
      if (options[key] !== before[key]) changes[key] = options[key];
    given.current = options;
    if (Object.keys(changes).length > 0) _processOnChange(changes, api);
  });

  return api;
}
