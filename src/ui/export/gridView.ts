import type { GridFilterModel, GridSort } from '../../core/sql/gridQuery';

/** What a data grid shows of its table: the sort and filters the user set. */
interface GridView {
  sort: GridSort[];
  filter: GridFilterModel;
}

// Kept per table name outside React: the grid sets it on every page it asks for, and
// the export menu, which sits outside the grid, reads it when the user exports.
const views = new Map<string, GridView>();

export function rememberGridView(table: string, view: GridView): void {
  views.set(table, view);
}

export function gridViewOf(table: string): GridView {
  return views.get(table) ?? { sort: [], filter: {} };
}

export function isFiltered(view: GridView): boolean {
  return Object.keys(view.filter).length > 0;
}
