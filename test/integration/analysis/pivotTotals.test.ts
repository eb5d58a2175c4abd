import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pivotSql, widenPivot } from '../../../src/core/analysis/pivot';
import { dialectNamed } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { arrowToRows } from '../../../src/state/arrowRows';

/**
 * Pivot totals on DuckDB-WASM: the last column is each row's total and the last row each
 * column's, both the aggregate over all the values they cover (an average's total is the
 * average of the values, not of the cells).
 */
let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`CREATE TABLE sales AS SELECT * FROM (VALUES
    ('N', 'SMB', 10.0), ('N', 'SMB', 20.0), ('N', 'Ent', 60.0),
    ('S', 'SMB', 40.0), (NULL, 'Ent', 5.0)
  ) t(region, segment, amount)`);
});
afterAll(() => engine?.close());

const pivot = async (aggregate: 'sum' | 'avg' | 'count') => {
  const spec = { table: 'sales', rows: 'region', columns: 'segment', value: 'amount', aggregate };
  return widenPivot(arrowToRows(await engine.query(pivotSql(spec, dialectNamed('duckdb')))), spec);
};

describe('pivot totals', () => {
  it('sums: row totals on the right, column totals in the last row', async () => {
    // N: SMB 10 + 20 = 30, Ent 60 → 90. S: SMB 40 → 40. (blank region): Ent 5 → 5.
    // Columns: Ent 60 + 5 = 65, SMB 30 + 40 = 70; all 135.
    const { columns, rows } = await pivot('sum');
    expect(columns.map((c) => c.name)).toEqual(['region', 'Ent', 'SMB', '(total)', 'pivot_total_row']);
    expect(rows).toEqual([
      { region: 'N', Ent: 60, SMB: 30, '(total)': 90, pivot_total_row: 0 },
      { region: 'S', Ent: null, SMB: 40, '(total)': 40, pivot_total_row: 0 },
      { region: null, Ent: 5, SMB: null, '(total)': 5, pivot_total_row: 0 },
      { region: null, Ent: 65, SMB: 70, '(total)': 135, pivot_total_row: 1 },
    ]);
  });

  it('averages: a total is the average of its values, not of the cells', async () => {
    // N: (10 + 20 + 60) / 3 = 30 (the cells' mean would be (15 + 60) / 2 = 37.5).
    // SMB column: (10 + 20 + 40) / 3 = 23.33…; all: 135 / 5 = 27.
    const { rows } = await pivot('avg');
    expect(rows[0]).toEqual({ region: 'N', Ent: 60, SMB: 15, '(total)': 30, pivot_total_row: 0 });
    expect(rows[3]?.SMB).toBeCloseTo(70 / 3, 10);
    expect(rows[3]?.['(total)']).toBe(27);
  });

  it('counts: an empty cell is 0', async () => {
    const { rows } = await pivot('count');
    expect(rows.map((r) => [r.region, r.Ent, r.SMB, r['(total)']])).toEqual([
      ['N', 1, 2, 3],
      ['S', 0, 1, 1],
      [null, 1, 0, 1],
      [null, 2, 3, 5],
    ]);
  });
});
