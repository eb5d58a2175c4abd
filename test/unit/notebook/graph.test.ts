import { describe, expect, it } from 'vitest';
import {
  blockedByCycle,
  buildGraph,
  dependantsOf,
  executionOrder,
  rerunAfter,
  rerunAfterKpi,
} from '../../../src/core/notebook/graph';
import { CELL_REGISTRY } from '../../../src/core/notebook/registry';
import { RunLedger } from '../../../src/core/notebook/runs';
import type { NotebookCell } from '../../../src/core/notebook/types';

const sql = (name: string, source: string): NotebookCell => ({
  id: name,
  kind: 'sql',
  name,
  source,
  config: {},
});
const graphOf = (cells: NotebookCell[]) => {
  const names = new Set(cells.map((c) => c.name));
  return buildGraph(cells, (c) => CELL_REGISTRY[c.kind].dependencies(c, names));
};

describe('the cell dependency graph', () => {
  // a → b → d, a → c; e stands alone. Listed out of order on purpose.
  const cells = [
    sql('d', 'SELECT * FROM b'),
    sql('a', 'SELECT * FROM customers'),
    sql('b', 'SELECT * FROM a JOIN orders USING (customer_id)'),
    sql('e', 'SELECT 1'),
    sql('c', 'SELECT count(*) FROM "a"'),
  ];

  it('runs every cell after what it reads, otherwise in notebook order', () => {
    expect(executionOrder(graphOf(cells))).toEqual(['a', 'b', 'd', 'e', 'c']);
  });

  it('reruns only the edited cell and its dependants, in order', () => {
    const g = graphOf(cells);
    expect(rerunAfter(g, 'a')).toEqual(['a', 'b', 'd', 'c']);
    expect(rerunAfter(g, 'b')).toEqual(['b', 'd']);
    expect(rerunAfter(g, 'e')).toEqual(['e']);
    expect([...dependantsOf(g, 'a')].sort()).toEqual(['b', 'c', 'd']);
  });

  it('ignores names inside comments and quoted text', () => {
    const g = graphOf([sql('a', 'SELECT 1'), sql('b', "SELECT 'a' AS x -- from a\n/* a */")]);
    expect(g.upstream.get('b')).toEqual([]);
  });

  it('makes a cycle an error on exactly the cells in it, and blocks what reads them', () => {
    const g = graphOf([
      sql('x', 'SELECT * FROM y'),
      sql('y', 'SELECT * FROM x'),
      sql('z', 'SELECT * FROM y'),
      sql('w', 'SELECT 2'),
    ]);
    expect(g.cycles.get('x')).toEqual(['x', 'y']);
    expect(g.cycles.get('y')).toEqual(['x', 'y']);
    expect(g.cycles.has('z')).toBe(false);
    expect([...blockedByCycle(g)]).toEqual(['z']);
    expect(executionOrder(g)).toEqual(['z', 'w']);
  });

  it('treats a cell that reads itself as a cycle', () => {
    const g = graphOf([sql('s', 'SELECT * FROM s')]);
    expect(g.cycles.get('s')).toEqual(['s']);
  });

  it('links input parameters and KPIs to the cells that read them', () => {
    const cells2: NotebookCell[] = [
      { id: 'p', kind: 'input', name: 'min_amount', source: '', config: { type: 'number', value: 5 } },
      sql('q', 'SELECT * FROM orders WHERE revenue > {{min_amount}}'),
      { id: 'k', kind: 'kpiTable', name: 'k', source: '', config: { kpis: ['churn_rate'] } },
      sql('r', 'SELECT * FROM q'),
    ];
    const g = graphOf(cells2);
    expect(rerunAfter(g, 'p')).toEqual(['p', 'q', 'r']);
    expect(rerunAfterKpi(g, 'churn_rate')).toEqual(['k']);
  });
});

describe('run ids', () => {
  it('lets only the newest run of a cell write its result', () => {
    const ledger = new RunLedger();
    const first = ledger.begin('a');
    const second = ledger.begin('a');
    expect(ledger.isCurrent('a', first)).toBe(false);
    expect(ledger.isCurrent('a', second)).toBe(true);
    ledger.invalidate('a');
    expect(ledger.isCurrent('a', second)).toBe(false);
  });
});
