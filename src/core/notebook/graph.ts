import type { CellDeps, NotebookCell } from './types';

/**
 * The dependency graph between cells, apart from rendering and running (STYLE.md:
 * SQLRooms keeps dagUtils apart from the cells). Edges go from a cell to the cells
 * whose names it reads. Order is topological and otherwise the notebook's own, so a
 * run goes top to bottom wherever the graph allows.
 */
export interface CellGraph {
  /** Cell ids in notebook order. */
  order: readonly string[];
  /** id → ids it reads. */
  upstream: ReadonlyMap<string, readonly string[]>;
  /** id → ids that read it. */
  downstream: ReadonlyMap<string, readonly string[]>;
  /** id → the ids of the cycle it is part of (every cell of a cycle is in error). */
  cycles: ReadonlyMap<string, readonly string[]>;
  /** id → KPI ids it reads, for "this KPI changed". */
  kpis: ReadonlyMap<string, readonly string[]>;
}

export function buildGraph(
  cells: readonly NotebookCell[],
  depsOf: (cell: NotebookCell) => CellDeps,
): CellGraph {
  const idByName = new Map(cells.map((c) => [c.name.toLowerCase(), c.id]));
  const upstream = new Map<string, string[]>();
  const downstream = new Map<string, string[]>(cells.map((c) => [c.id, []]));
  const kpis = new Map<string, string[]>();
  for (const c of cells) {
    const deps = depsOf(c);
    const ups = [
      ...new Set(
        deps.cells.map((n) => idByName.get(n.toLowerCase())).filter((id): id is string => id !== undefined),
      ),
    ];
    upstream.set(c.id, ups);
    for (const u of ups) downstream.get(u)?.push(c.id);
    kpis.set(c.id, deps.kpis);
  }
  const order = cells.map((c) => c.id);
  return { order, upstream, downstream, cycles: findCycles(order, upstream), kpis };
}

/** Strongly connected components of more than one cell, or a cell that reads itself (Tarjan). */
function findCycles(
  order: readonly string[],
  upstream: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out = new Map<string, string[]>();
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of upstream.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfLoop = (upstream.get(v) ?? []).includes(v);
    if (component.length > 1 || selfLoop) {
      const sorted = order.filter((id) => component.includes(id));
      for (const id of sorted) out.set(id, sorted);
    }
  };
  for (const v of order) if (!index.has(v)) visit(v);
  return out;
}

/** Every cell that reads `id`, directly or through others (not `id` itself). */
export function dependantsOf(graph: CellGraph, id: string): Set<string> {
  const seen = new Set<string>();
  const todo = [...(graph.downstream.get(id) ?? [])];
  while (todo.length > 0) {
    const x = todo.pop();
    if (x === undefined || seen.has(x) || x === id) continue;
    seen.add(x);
    todo.push(...(graph.downstream.get(x) ?? []));
  }
  return seen;
}

/**
 * A run order for `ids` (all cells when absent): each cell after what it reads,
 * otherwise in notebook order. Cells in a cycle are left out: they cannot run.
 */
export function executionOrder(graph: CellGraph, ids?: ReadonlySet<string>): string[] {
  const wanted = ids ?? new Set(graph.order);
  const done = new Set<string>();
  const out: string[] = [];
  // Repeatedly take the first cell (in notebook order) whose wanted upstream cells are done.
  const pending = graph.order.filter((id) => wanted.has(id) && !graph.cycles.has(id));
  while (pending.length > 0) {
    const i = pending.findIndex((id) =>
      (graph.upstream.get(id) ?? []).every((u) => done.has(u) || !wanted.has(u) || graph.cycles.has(u)),
    );
    if (i === -1) break;
    const [id] = pending.splice(i, 1);
    done.add(id);
    out.push(id);
  }
  return out;
}

/** What must rerun when cell `id` changes: the cell, then its dependants, in run order. */
export function rerunAfter(graph: CellGraph, id: string): string[] {
  return executionOrder(graph, new Set([id, ...dependantsOf(graph, id)]));
}

/** Cells that read KPI `kpiId`, and everything downstream of them, in run order. */
export function rerunAfterKpi(graph: CellGraph, kpiId: string): string[] {
  const direct = graph.order.filter((id) => (graph.kpis.get(id) ?? []).includes(kpiId));
  const all = new Set(direct);
  for (const id of direct) for (const d of dependantsOf(graph, id)) all.add(d);
  return executionOrder(graph, all);
}

/** Cells an upstream cell reaches that a cell in a cycle blocks: they wait on a cell that cannot run. */
export function blockedByCycle(graph: CellGraph): Set<string> {
  const out = new Set<string>();
  for (const id of graph.cycles.keys())
    for (const d of dependantsOf(graph, id)) if (!graph.cycles.has(d)) out.add(d);
  return out;
}
