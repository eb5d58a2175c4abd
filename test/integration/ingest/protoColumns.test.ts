import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src/core/export/xlsx';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { arrowToRows } from '../../../src/state/arrowRows';

/**
 * Columns named like JavaScript's object internals (`__proto__`, `constructor`,
 * `prototype`, inherited methods) keep their names and their data through every
 * import path and back out as rows. A plain object drops a `__proto__` value silently.
 */

const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/hostile/names/${name}`, import.meta.url));

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine.close());

async function loaded(name: string, bytes: Uint8Array) {
  const r = await importFile(engine, { name, bytes });
  expect(r.columns.map((c) => c.name)).toEqual(['id', ...NAMES]);
  const rows = tableToRows(await engine.query(`SELECT * FROM "${r.table}" ORDER BY id`));
  return { table: r.table, rows };
}

describe('columns named like object internals', () => {
  it('keep their data from a CSV file', async () => {
    const { rows } = await loaded('proto-columns.csv', fixture('proto-columns.csv'));
    expect(rows.map((r) => NAMES.map((n) => r[n]))).toEqual([
      ['alpha', 'beta', 'gamma', 'delta', 'epsilon'],
      ['=1+1', null, 'zeta', 'eta', 'theta'],
    ]);
    expect(Object.keys(rows[0])).toEqual(['id', ...NAMES]);
  });

  it('keep their data from a JSON file, a nested object as its JSON text', async () => {
    const { table, rows } = await loaded('proto-columns.json', fixture('proto-columns.json'));
    expect(rows.map((r) => NAMES.map((n) => r[n]))).toEqual([
      ['alpha', 'beta', 'gamma', 'delta', 'epsilon'],
      ['{"polluted":true}', null, 'zeta', 'eta', 'theta'],
    ]);
    // The grid's rows too, and nothing leaked onto every object.
    const grid = arrowToRows(await engine.query(`SELECT * FROM "${table}" ORDER BY id`));
    expect(grid.rows[0]['__proto__' as string]).toBe('alpha');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keep their data from an XLSX file', async () => {
    const bytes = writeXlsx([
      {
        name: 'Sheet1',
        header: ['id', ...NAMES],
        rows: [[1, 'alpha', 'beta', 'gamma', 'delta', 'epsilon']],
      },
    ]);
    const { rows } = await loaded('proto-columns.xlsx', bytes);
    expect(NAMES.map((n) => rows[0][n])).toEqual(['alpha', 'beta', 'gamma', 'delta', 'epsilon']);
  });
});
