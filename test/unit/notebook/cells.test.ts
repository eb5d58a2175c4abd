import { describe, expect, it } from 'vitest';
import { substituteParams } from '../../../src/core/notebook/params';
import { CELL_REGISTRY, createCell, nameProblem } from '../../../src/core/notebook/registry';
import { parseSqlError } from '../../../src/core/notebook/sqlError';
import { CELL_KINDS, type NotebookContext } from '../../../src/core/notebook/types';
import { dialectNamed } from '../../../src/core/sql/dialects/registry';

const ctx = (over: Partial<NotebookContext> = {}): NotebookContext => ({
  tables: ['orders'],
  schema: { tables: [{ name: 'orders', columns: [{ name: 'revenue', kind: 'number' }] }], relationships: [] },
  kpis: new Map(),
  inputs: new Map(),
  views: [],
  dialect: dialectNamed('duckdb'),
  ...over,
});

describe('the cell registry', () => {
  it('has a definition for every kind, and new cells get free names', () => {
    for (const k of CELL_KINDS) expect(CELL_REGISTRY[k].kind).toBe(k);
    expect(createCell('sql', 'id1', ['query_1', 'QUERY_2']).name).toBe('query_3');
  });

  it('refuses names that are not identifiers, taken, or a loaded table', () => {
    expect(nameProblem('1x', [], [])).toMatch(/starts with a letter/);
    expect(nameProblem('Sales', ['sales'], [])).toMatch(/already/);
    expect(nameProblem('orders', [], ['orders'])).toMatch(/loaded table/);
    expect(nameProblem('ok_name', ['other'], ['orders'])).toBeNull();
  });

  it('makes a SQL cell a view of the SQL, for the guard to judge on DuckDB’s reading before it runs', () => {
    const cell = { id: 'a', kind: 'sql' as const, name: 'big', source: 'SELECT * FROM orders;', config: {} };
    const ok = CELL_REGISTRY.sql.plan(cell, ctx());
    expect(ok.ok && ok.plan.type === 'sql' && ok.plan.setup[0]).toBe(
      'CREATE OR REPLACE VIEW "big" AS\nSELECT * FROM orders\n',
    );
    expect(ok.ok && ok.plan.type === 'sql' && ok.plan.guard).toEqual({
      sql: 'SELECT * FROM orders',
      tables: [...ctx().tables, ...ctx().views],
    });
  });

  it('puts input values into SQL as escaped literals only', () => {
    const inputs = new Map([
      ['who', { type: 'text' as const, value: "O'Brien'; DROP TABLE x; --" }],
      ['n', { type: 'number' as const, value: 3 }],
      ['r', { type: 'dateRange' as const, from: '2024-01-01', to: null }],
    ]);
    const out = substituteParams('{{who}} {{n}} {{ r.from }} {{r.to}}', inputs, dialectNamed('duckdb'));
    expect(out).toEqual({
      ok: true,
      sql: "'O''Brien''; DROP TABLE x; --' CAST(3 AS DOUBLE) DATE '2024-01-01' NULL",
    });
    expect(substituteParams('{{nope}}', inputs, dialectNamed('duckdb')).ok).toBe(false);
    expect(substituteParams('{{r}}', inputs, dialectNamed('duckdb')).ok).toBe(false);
  });

  it('says which table or column an analysis is missing', () => {
    const cell = createCell('rfm', 'r', []);
    const plan = CELL_REGISTRY.rfm.plan(cell, ctx());
    expect(!plan.ok && plan.message).toMatch(/orders has no column customer_id, order_id, ordered_at/);
    // The UI translates it by code and parameters.
    expect(!plan.ok && plan.problems).toEqual([
      expect.objectContaining({
        code: 'missing-columns',
        params: { table: 'orders', columns: ['customer_id', 'order_id', 'ordered_at'] },
      }),
    ]);
  });
});

describe('DuckDB error positions', () => {
  it('maps LINE n and the caret back to the cell line and column', () => {
    const raw = 'Binder Error: Referenced column "x" not found\n\nLINE 3:   x\n          ^';
    expect(parseSqlError(raw, 1)).toEqual({
      message: 'Binder Error: Referenced column "x" not found',
      at: { line: 2, column: 3 },
    });
    expect(parseSqlError('Something else').at).toBeNull();
  });
});

describe('the workbook document', () => {
  it('accepts every notebook cell kind', async () => {
    const { CellSchema } = await import('../../../src/core/model/documentSchema');
    for (const kind of CELL_KINDS) {
      const cell = createCell(kind, `id-${kind}`, []);
      expect(CellSchema.safeParse(cell).success, kind).toBe(true);
    }
  });
});
