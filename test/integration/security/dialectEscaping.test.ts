import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectNamed } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { plainColumn } from '../../../src/engine/rows';
import { ESCAPING_CASES } from '../../fixtures/hostile/dialect/escapingCases';

const d = dialectNamed('duckdb');
let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query('CREATE TABLE canary AS SELECT 1 AS alive');
});

afterAll(async () => {
  await engine.close();
});

describe('hostile names and texts through the DuckDB dialect, executed', () => {
  it.each(ESCAPING_CASES)('$name comes back as the same text', async ({ text }) => {
    const t = await engine.query(`SELECT ${d.stringLiteral(text)} AS v`, { single: true });
    expect(plainColumn(t, 'v')).toEqual([text]);
  });

  // DuckDB refuses a zero-length name, as every engine here does.
  it.each(ESCAPING_CASES.filter((c) => c.text !== ''))(
    '$name names a table and a column',
    async ({ text }) => {
      const table = d.quoteIdent(`t ${text}`);
      await engine.query(
        `CREATE OR REPLACE TABLE ${table} AS SELECT ${d.stringLiteral(text)} AS ${d.quoteIdent(text)}`,
        {
          single: true,
        },
      );
      const t = await engine.query(`SELECT * FROM ${d.qualify('main', `t ${text}`)}`, { single: true });
      expect(t.schema.fields.map((f) => f.name)).toEqual([text]);
      expect(plainColumn(t, text)).toEqual([text]);
      await engine.query(`DROP TABLE ${table}`, { single: true });
      const canary = await engine.query('SELECT alive FROM canary');
      expect(plainColumn(canary, 'alive')).toEqual([1]);
    },
  );
});
