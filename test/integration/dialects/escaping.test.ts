import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectNamed } from '../../../src/core/sql/dialects/registry';
import { createChdbEngine } from '../../../src/engine/clickhouse/chdbEngine';
import type { Engine } from '../../../src/engine/engine';
import { createPostgresEngine } from '../../../src/engine/postgres/postgresEngine';
import { plainColumn } from '../../../src/engine/rows';
import { ESCAPING_CASES, REFUSED_CASES } from '../../fixtures/hostile/dialect/escapingCases';
import { type PostgresServer, startPostgres } from '../support/postgresServer';
import { chdbAvailable, postgresAvailable } from '../support/requiredEngine';

/**
 * The hostile names and texts of escapingCases.ts through the PostgreSQL and ClickHouse
 * dialects, executed on the real engines (DuckDB's run is test/integration/security):
 * each text comes back as itself, names a table and a column, and a canary table beside
 * them survives every one.
 */
function escaping(open: () => Promise<Engine>, name: 'postgres' | 'clickhouse') {
  const d = dialectNamed(name);
  let engine: Engine;
  const run = async (statements: readonly string[]) => {
    for (const s of statements) await engine.query(s);
  };
  beforeAll(async () => {
    engine = await open();
    await run(d.createTableAs('canary', 'SELECT 1 AS alive'));
  });
  afterAll(() => engine?.close());

  it.each(ESCAPING_CASES)('$name comes back as the same text', async ({ text }) => {
    expect(plainColumn(await engine.query(`SELECT ${d.stringLiteral(text)} AS v`), 'v')).toEqual([text]);
  });

  // Every engine refuses a zero-length name itself.
  it.each(ESCAPING_CASES.filter((c) => c.text !== ''))(
    '$name names a table and a column',
    async ({ text }) => {
      const table = `t ${text}`;
      await run(d.createTableAs(table, `SELECT ${d.stringLiteral(text)} AS ${d.quoteIdent(text)}`));
      const t = await engine.query(`SELECT * FROM ${d.quoteIdent(table)}`);
      expect(t.schema.fields.map((f) => f.name)).toEqual([text]);
      expect(plainColumn(t, text)).toEqual([text]);
      await engine.query(`DROP TABLE ${d.quoteIdent(table)}`);
      expect(plainColumn(await engine.query('SELECT alive FROM canary'), 'alive')).toEqual([1]);
    },
  );

  it.each(REFUSED_CASES)('$name is refused before it reaches the engine', ({ text }) => {
    expect(() => d.stringLiteral(text)).toThrow(/NUL/);
    expect(() => d.quoteIdent(text)).toThrow(/NUL/);
  });
}

if (postgresAvailable())
  describe('hostile names and texts through the PostgreSQL dialect, executed', () => {
    let server: PostgresServer;
    beforeAll(async () => {
      server = await startPostgres();
    });
    afterAll(() => server?.stop());
    escaping(() => createPostgresEngine({ url: server.url }), 'postgres');
  });

if (chdbAvailable())
  describe('hostile names and texts through the ClickHouse dialect, executed on chDB', () => {
    escaping(createChdbEngine, 'clickhouse');
  });
