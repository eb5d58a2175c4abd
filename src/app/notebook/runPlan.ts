import { buildGraph, type CellGraph, executionOrder, rerunAfter } from '../../core/notebook/graph';
import { CELL_REGISTRY } from '../../core/notebook/registry';
import type { NotebookCell } from '../../core/notebook/types';

/**
 * Which cells a request runs, in what order: a cell reads the cells it names, so it runs
 * after them. Cells caught in a cycle come last; they run only to report the cycle.
 */

export function cellGraph(cells: readonly NotebookCell[]): CellGraph {
  const names = new Set(cells.map((c) => c.name));
  return buildGraph(cells, (c) => CELL_REGISTRY[c.kind].dependencies(c, names));
}

/** Every cell, readers after what they read. */
export function allCells(g: CellGraph): string[] {
  return [...executionOrder(g), ...g.cycles.keys()];
}

/**
 * What runs when a notebook is shown: every cell except those whose last run stopped
 * (halted: timed out, cancelled, the engine failed) and the cells that read them, which
 * wait for the user to press Run rather than stop the engine again on open.
 */
export function shownCells(cells: readonly NotebookCell[], g: CellGraph): string[] {
  const held = new Set(cells.filter((c) => c.halted !== undefined).flatMap((c) => rerunAfter(g, c.id)));
  return allCells(g).filter((id) => !held.has(id));
}
