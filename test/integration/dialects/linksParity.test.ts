import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectLinks } from '../../../src/app/mapping/mappingLinks';
import { copyTables } from '../../../src/cli/targetEngine';
import type { LoadedTable } from '../../../src/core/model/scorecardSchema';
import { createChdbEngine } from '../../../src/engine/clickhouse/chdbEngine';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createPostgresEngine } from '../../../src/engine/postgres/postgresEngine';
import { type PostgresServer, startPostgres } from '../support/postgresServer';
import { chdbAvailable, postgresAvailable } from '../support/requiredEngine';

/**
 * Links found by values (src/app/mapping/mappingLinks.ts) are measured in the engine's own
 * dialect, so a run on PostgreSQL or ClickHouse finds the links DuckDB finds. The tables:
 * test/fixtures/links (README.md: pipeline's Account ID points at accounts, D09 has none),
 * and two made here: `sales.region` (20 regions, 5 rows each) against `regions` holding
 * 18 of them (90 %: just a link), and `orders` whose text client key points at the
 * numbers of `clients` (compared as text).
 */
const FILES = ['pipeline.csv', 'accounts.csv', 'support-tickets.csv'];

const MADE: Record<string, string> = {
  sales: "SELECT 'r' || (i % 20) AS region FROM range(100) t(i)",
  regions: "SELECT 'r' || i AS region FROM range(18) t(i)",
  orders: 'SELECT CAST(i % 4 AS VARCHAR) AS client_id, i AS order_id FROM range(12) t(i)',
  clients: 'SELECT i AS client_id FROM range(4) t(i)',
};

const text = (l: { fromTable: string; fromColumn: string; toTable: string; toColumn: string }) =>
  `${l.fromTable}.${l.fromColumn} -> ${l.toTable}.${l.toColumn}`;

let duck: Engine;
let tables: LoadedTable[];

beforeAll(async () => {
  duck = await createNodeEngine();
  tables = [];
  for (const name of FILES) {
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/links', name)));
    const r = await importFile(duck, { name, bytes });
    tables.push({ name: r.table, columns: r.columns.map((c) => ({ name: c.name, kind: c.kind })) });
  }
  for (const [name, select] of Object.entries(MADE)) {
    await duck.query(`CREATE TABLE ${name} AS ${select}`);
    const described = await duck.query(`DESCRIBE ${name}`);
    const columns = described.toArray().map((r) => ({
      name: String(r.column_name),
      kind: String(r.column_type) === 'VARCHAR' ? ('text' as const) : ('number' as const),
    }));
    tables.push({ name, columns });
  }
}, 120_000);

afterAll(() => duck?.close());

/** Every link found, with its measures, as the mapping service would keep it. */
const linksOn = async (engine: Engine) => JSON.parse(JSON.stringify(await detectLinks(engine, tables)));

/** The same tables copied into `engine` (typed as DuckDB typed them), and the links found there. */
async function linksCopiedTo(engine: Engine) {
  try {
    await copyTables(
      duck,
      engine,
      tables.map((t) => t.name),
    );
    return await linksOn(engine);
  } finally {
    await engine.close();
  }
}

describe('links found by values, on every engine', () => {
  let expected: unknown;
  beforeAll(async () => {
    expected = await linksOn(duck);
  });

  it('on DuckDB: the hand-counted links, and only those', () => {
    const found = expected as {
      fromTable: string;
      fromColumn: string;
      toTable: string;
      toColumn: string;
      foundShare: number;
    }[];
    expect(found.map(text).sort()).toEqual([
      'orders.client_id -> clients.client_id',
      'pipeline.Account ID -> accounts.Account ID',
      'sales.region -> regions.region',
    ]);
    expect(found.find((l) => l.fromTable === 'pipeline')?.foundShare).toBe(1);
    expect(found.find((l) => l.fromTable === 'sales')?.foundShare).toBe(0.9);
  });

  if (postgresAvailable())
    describe('PostgreSQL', () => {
      let server: PostgresServer;
      beforeAll(async () => {
        server = await startPostgres();
      }, 300_000);
      afterAll(() => server?.stop());
      it("finds DuckDB's links with DuckDB's measures", async () => {
        expect(await linksCopiedTo(await createPostgresEngine({ url: server.url }))).toEqual(expected);
      }, 120_000);
    });

  if (chdbAvailable())
    it("finds DuckDB's links with DuckDB's measures on chDB", async () => {
      expect(await linksCopiedTo(await createChdbEngine())).toEqual(expected);
    }, 120_000);
});
