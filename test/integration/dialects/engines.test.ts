import { DateDay, makeData, makeVector, Table, tableToIPC } from 'apache-arrow';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { createChdbEngine } from '../../../src/engine/clickhouse/chdbEngine';
import { createClickhouseHttpEngine } from '../../../src/engine/clickhouse/clickhouseHttpEngine';
import { type Engine, EngineCancelled } from '../../../src/engine/engine';
import { engineDialect } from '../../../src/engine/engineDialect';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createPostgresEngine } from '../../../src/engine/postgres/postgresEngine';
import { tableToRows } from '../../../src/engine/rows';
import { type ClickhouseFront, startClickhouseFront } from '../support/clickhouseFront';
import { type PostgresServer, startPostgres } from '../support/postgresServer';
import { chdbAvailable, postgresAvailable } from '../support/requiredEngine';

/** Every type DuckDB's import gives a column, with a row of blanks. */
const TYPED = `SELECT * FROM (VALUES
  (1, 'it''s "x"', DATE '2024-02-29', TIMESTAMP '2024-01-02 03:04:05', 1234.5::DECIMAL(18,2), 2.25::DOUBLE, true, 10000000000::BIGINT),
  (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) t(i, s, d, ts, amount, f, b, big)`;

/**
 * DuckDB's side of the comparisons, from one engine started once for the whole file: every
 * engine is checked against the same answers, and a DuckDB-WASM start per test cost
 * half a minute each on a loaded machine.
 */
let duckdbAnswers: Promise<{ ipc: Uint8Array; rows: unknown[]; rounded: unknown[] }> | undefined;
function duckdb() {
  duckdbAnswers ??= (async () => {
    const duck = await createNodeEngine();
    try {
      const table = await duck.query(TYPED);
      return { ipc: tableToIPC(table, 'stream'), rows: tableToRows(table), rounded: await rounded(duck) };
    } finally {
      await duck.close();
    }
  })();
  return duckdbAnswers;
}

/** DuckDB's typed columns as Arrow IPC (a copy of its own for each engine) and as rows. */
async function duckdbCopy() {
  const { ipc, rows } = await duckdb();
  return { ipc: ipc.slice(), rows };
}

/** `shakhes eval --engine URL` of Telco's churn share, computed in that database: 1,869 / 7,043. */
async function expectTelcoChurn(url: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [
      'eval',
      '--engine',
      url,
      '--data',
      'telco=../shared/real-data/Telco-Customer-Churn.csv',
      '--format',
      'json',
      'COUNTIF(telco.Churn = "Yes") / COUNTROWS(telco)',
    ],
    { out: (t) => out.push(t), err: (t) => err.push(t) },
  );
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  expect((JSON.parse(out.join('\n')) as { value: number }).value).toBeCloseTo(1869 / 7043, 12);
}

/** Decimal "halves" a double holds just below or above: ROUND must give DuckDB's answer for each. */
const HALVES = [1.005, -1.005, 2.675, 0.285, 5.015, 8.345, 0.125, 2.5, -2.5, 1234.5675, 10.005];

/** ROUND(x, digits) as the engine's dialect writes it, for every value of HALVES and 0–3 digits. */
async function rounded(engine: Engine): Promise<unknown[]> {
  const d = engineDialect(engine);
  const cells = HALVES.flatMap((v, i) =>
    [0, 1, 2, 3].map((n) => `${d.round(d.numberLiteral(v), String(n))} AS ${d.quoteIdent(`r${i}_${n}`)}`),
  );
  return Object.values(tableToRows(await engine.query(`SELECT ${cells.join(', ')}`))[0]);
}

async function duckdbRounded(): Promise<unknown[]> {
  return (await duckdb()).rounded;
}

if (postgresAvailable())
  describe('PostgreSQL engine', () => {
    let server: PostgresServer;
    beforeAll(async () => {
      server = await startPostgres();
    });
    afterAll(async () => server?.stop());

    it('computes `shakhes eval --engine postgres://…` there: Telco churn is 1,869 / 7,043', async () => {
      await expectTelcoChurn(server.url);
    });

    it('rounds decimal halves as DuckDB does (a double, not numeric, rounded)', async () => {
      const engine = await createPostgresEngine({ url: server.url });
      try {
        expect(await rounded(engine)).toEqual(await duckdbRounded());
      } finally {
        await engine.close();
      }
    });

    it("copies DuckDB's typed columns and reads them back as DuckDB does, blanks included", async () => {
      const { ipc, rows } = await duckdbCopy();
      const engine = await createPostgresEngine({ url: server.url });
      try {
        expect(engine.dialect).toBe('postgres');
        await engine.insertArrowIPC('copied', ipc);
        expect(tableToRows(await engine.query('SELECT * FROM copied ORDER BY i'))).toEqual(rows);
      } finally {
        await engine.close();
      }
    });

    it("reads the user's schema, writes only its own, and drops that on close", async () => {
      const admin = new pg.Client(server.url);
      await admin.connect();
      try {
        await admin.query(
          'CREATE SCHEMA crm; CREATE TABLE crm.deals (id int); INSERT INTO crm.deals VALUES (1), (2)',
        );
        const engine = await createPostgresEngine({ url: server.url, schema: 'crm' });
        await engine.query('CREATE VIEW deals_view AS SELECT * FROM deals');
        expect(tableToRows(await engine.query('SELECT count(*) AS n FROM deals_view'))).toEqual([{ n: 2 }]);
        const where = await admin.query(
          "SELECT table_schema FROM information_schema.views WHERE table_name = 'deals_view'",
        );
        expect(where.rows[0].table_schema).toMatch(/^shakhes_[0-9a-f]{16}$/);
        await engine.close();
        const left = await admin.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'shakhes_%'");
        expect(left.rows).toEqual([]);
        expect((await admin.query('SELECT count(*)::int AS n FROM crm.deals')).rows).toEqual([{ n: 2 }]);
      } finally {
        await admin.end();
      }
    });

    it('cancel() stops a running statement on the server', async () => {
      const engine = await createPostgresEngine({ url: server.url });
      try {
        const controller = new AbortController();
        const started = Date.now();
        const sleeping = engine.query('SELECT pg_sleep(60)', { signal: controller.signal });
        // Abort once the server shows the statement running, not after a guessed delay.
        const admin = new pg.Client(server.url);
        await admin.connect();
        try {
          for (;;) {
            const r = await admin.query(
              "SELECT 1 FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)' AND state = 'active'",
            );
            if (r.rowCount) break;
          }
          controller.abort();
          await expect(sleeping).rejects.toBeInstanceOf(EngineCancelled);
          // The server stopped it: the next statement runs at once, far before the minute.
          expect(tableToRows(await engine.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
          expect(Date.now() - started).toBeLessThan(30_000);
        } finally {
          await admin.end();
        }
      } finally {
        await engine.close();
      }
    });

    it('refuses a second statement where one is asked for, and DuckDB-only calls by name', async () => {
      const engine = await createPostgresEngine({ url: server.url });
      try {
        await expect(engine.query('SELECT 1; SELECT 2', { single: true })).rejects.toThrow(
          /multiple commands/i,
        );
        await expect(engine.tokenize('SELECT 1')).rejects.toThrow(/DuckDB's/);
        await expect(engine.registerFile('/import/x.csv', new Uint8Array())).rejects.toThrow(
          /imported with DuckDB/,
        );
      } finally {
        await engine.close();
      }
    });
  });

if (chdbAvailable())
  describe('chDB engine', () => {
    it('rounds decimal halves as DuckDB does', async () => {
      const engine = await createChdbEngine();
      try {
        expect(await rounded(engine)).toEqual(await duckdbRounded());
      } finally {
        await engine.close();
      }
    });

    it("copies DuckDB's typed columns into Nullable columns and reads them back as DuckDB does", async () => {
      const { ipc, rows } = await duckdbCopy();
      const engine = await createChdbEngine();
      try {
        expect(engine.dialect).toBe('clickhouse');
        await engine.insertArrowIPC('copied', ipc);
        expect(tableToRows(await engine.query('SELECT * FROM copied ORDER BY i'))).toEqual(rows);
        const types = tableToRows(
          await engine.query(
            "SELECT name, type FROM system.columns WHERE table = 'copied' AND database = currentDatabase()",
          ),
        );
        expect(types.every((t) => String(t.type).startsWith('Nullable('))).toBe(true);
      } finally {
        await engine.close();
      }
    });

    it('copies a blank date whatever bytes DuckDB left under it', async () => {
      // ClickHouse range-checks the bytes under a NULL; DuckDB does not clear them.
      const data = makeData({
        type: new DateDay(),
        length: 2,
        nullCount: 1,
        nullBitmap: Uint8Array.of(0b01),
        data: Int32Array.of(19_000, 73_204_040),
      });
      const ipc = tableToIPC(new Table({ d: makeVector(data) }), 'stream');
      const engine = await createChdbEngine();
      try {
        await engine.insertArrowIPC('dates', ipc);
        expect(tableToRows(await engine.query('SELECT d FROM dates ORDER BY d NULLS LAST'))).toEqual([
          { d: '2022-01-08' },
          { d: null },
        ]);
      } finally {
        await engine.close();
      }
    });

    it('fills the missing side of a left join with NULL, as DuckDB does', async () => {
      const engine = await createChdbEngine();
      try {
        const r = await engine.query(
          'SELECT b.y AS y FROM (SELECT 1 AS x) AS a LEFT JOIN (SELECT 2 AS x, 5 AS y) AS b ON a.x = b.x',
        );
        expect(tableToRows(r)).toEqual([{ y: null }]);
      } finally {
        await engine.close();
      }
    });

    it('refuses DuckDB-only calls by name', async () => {
      const engine = await createChdbEngine();
      try {
        await expect(engine.tokenize('SELECT 1')).rejects.toThrow(/DuckDB's/);
        await expect(engine.loadParquet()).rejects.toThrow(/imported with DuckDB/);
      } finally {
        await engine.close();
      }
    });
  });

if (chdbAvailable())
  describe('ClickHouse server client (clickhouse://), over an HTTP front on chDB', () => {
    let front: ClickhouseFront;
    beforeAll(async () => {
      front = await startClickhouseFront();
    });
    afterAll(() => front?.stop());

    it("copies DuckDB's typed columns over HTTP and reads them back as DuckDB does", async () => {
      const { ipc, rows } = await duckdbCopy();
      const engine = await createClickhouseHttpEngine(front.url);
      try {
        expect(engine.dialect).toBe('clickhouse');
        await engine.insertArrowIPC('copied', ipc);
        expect(tableToRows(await engine.query('SELECT * FROM copied ORDER BY i'))).toEqual(rows);
        // The dialect's session settings hold for the session: a left join's missing side is blank.
        const joined = await engine.query(
          'SELECT b.i AS j FROM (SELECT 1 AS i) AS a LEFT JOIN (SELECT 2 AS i) AS b ON a.i = b.i',
        );
        expect(tableToRows(joined)).toEqual([{ j: null }]);
      } finally {
        await engine.close();
      }
      // close() dropped the scratch database.
      const check = await createClickhouseHttpEngine(front.url);
      try {
        const left = await check.query("SELECT count() AS n FROM system.tables WHERE name = 'copied'");
        expect(Number(tableToRows(left)[0].n)).toBe(0);
      } finally {
        await check.close();
      }
    });

    it('computes `shakhes eval --engine clickhouse://…` there: Telco churn is 1,869 / 7,043', async () => {
      await expectTelcoChurn(front.url);
    });
  });
