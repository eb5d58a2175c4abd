import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, differences } from '../support/cliRun';
import { asOwner, demoInPostgres, mappedDemo, schemasOf } from '../support/postgresDemo';
import { type PostgresServer, startPostgres } from '../support/postgresServer';
import { chdbAvailable, postgresAvailable } from '../support/requiredEngine';

/** `shakhes run` of the demo workbook. */
const demo = (...args: string[]) => cli('run', 'samples/crm-demo.shakhes', ...args);

/** `shakhes run` of the demo workbook as JSON, on DuckDB or with `--engine URL`. */
async function runDemo(...engine: string[]): Promise<unknown> {
  const { code, out, err } = await demo('--format', 'json', ...engine);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out);
}

/**
 * The "done when": the demo workbook run headless against PostgreSQL and against
 * ClickHouse prints the same scorecard as on DuckDB — every KPI, period, comparison,
 * status and target.
 */
describe('the demo workbook on every engine', () => {
  let duckdb: unknown;
  beforeAll(async () => {
    duckdb = await runDemo();
  }, 300_000);

  if (postgresAvailable())
    describe('PostgreSQL, the tables read in place', () => {
      let server: PostgresServer;
      let reader: string;
      beforeAll(async () => {
        server = await startPostgres();
        reader = await demoInPostgres(server.url);
      }, 300_000);
      afterAll(() => server?.stop());
      /** The demo's tables where the team keeps them: schema crm, the deals in sales. */
      const demoInPlace = () => [
        '--engine',
        reader,
        '--schema',
        'crm',
        '--table',
        'deals=sales.deals_export',
      ];
      it('prints the same scorecard as DuckDB, by a role that may only read the tables', async () => {
        const inPlace = await runDemo(...demoInPlace());
        expect(differences(duckdb, inPlace).slice(0, 20)).toEqual([]);
        // Nothing was left behind: the scratch schema went.
        expect(await schemasOf(server.url)).toEqual(['crm', 'public', 'sales']);
      }, 600_000);

      it("explain computes the contribution to change in place: DuckDB's segments and effects", async () => {
        const explain = ['explain', 'win_rate', 'samples/crm-demo.shakhes', '--by', 'customers.segment'];
        const yoy = [...explain, '--period', 'yoy', '--grain', 'quarter', '--format', 'json'];
        const want = await cli(...yoy);
        const got = await cli(...yoy, ...demoInPlace());
        expect([want.err, want.code, got.err, got.code]).toEqual(['', 0, '', 0]);
        const onDuckdb = JSON.parse(want.out);
        expect(onDuckdb.kpi).toBe('win_rate');
        expect(onDuckdb.segments.length).toBeGreaterThan(1);
        expect(differences(onDuckdb, JSON.parse(got.out)).slice(0, 20)).toEqual([]);
        expect(await schemasOf(server.url)).toEqual(['crm', 'public', 'sales']);
      }, 600_000);

      it("reads a mapped table through the workbook's mapping, as views", async () => {
        const file = join(await mkdtemp(join(tmpdir(), 'shakhes-mapped-')), 'mapped.shakhes');
        mappedDemo(file);
        const total = ['--grain', 'total', '--format', 'json'];
        const want = await cli('run', file, ...total);
        const got = await cli(
          'run',
          file,
          ...total,
          '--engine',
          reader,
          '--schema',
          'crm',
          '--table',
          'deal_export=sales.deals_export',
        );
        expect([got.err, got.code]).toEqual(['', 0]);
        expect(want.out).toContain('"win_rate"');
        expect(differences(JSON.parse(want.out), JSON.parse(got.out)).slice(0, 20)).toEqual([]);
      }, 600_000);

      it('says which tables are missing and which columns do not fit, and where', async () => {
        await asOwner(server.url, [
          'CREATE SCHEMA broken',
          'CREATE TABLE broken.deals AS SELECT deal_id, CAST(created_at AS text) AS created_at, amount FROM sales.deals_export',
          'GRANT USAGE ON SCHEMA broken TO reader',
          'GRANT SELECT ON broken.deals TO reader',
        ]);
        const { code, out, err } = await demo('--engine', reader, '--schema', 'broken');
        expect(code).toBe(2);
        expect(out).toBe('');
        expect(err).toContain('broken.customers: no such table or view');
        expect(err).toContain(
          'broken.deals.created_at is text, but the workbook reads deals.created_at as a date',
        );
        expect(err).toContain('broken.deals has no column "stage"');
        expect(await schemasOf(server.url)).toEqual(['broken', 'crm', 'public', 'sales']);
      }, 120_000);

      it('eval reads the table --table names in place: the count and sum SQL gives on it', async () => {
        const schemas = await schemasOf(server.url);
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        const { rows } = await client
          .query('SELECT count(*)::int AS n, sum(amount)::float8 AS s FROM sales.deals_export')
          .finally(() => client.end());
        const evalInPlace = async (formula: string) => {
          const got = await cli(
            'eval',
            '--format',
            'json',
            '--engine',
            reader,
            '--table',
            'deals=sales.deals_export',
            formula,
          );
          expect([got.err, got.code]).toEqual(['', 0]);
          return (JSON.parse(got.out) as { value: number }).value;
        };
        expect(await evalInPlace('COUNTROWS(deals)')).toBe(rows[0].n);
        expect(await evalInPlace('SUM(deals.amount)')).toBeCloseTo(rows[0].s, 6);
        expect(await schemasOf(server.url)).toEqual(schemas);
      }, 120_000);

      it('refuses --table for a table the workbook does not have', async () => {
        const { code, err } = await demo('--engine', reader, '--table', 'dealz=crm.x');
        expect(code).toBe(2);
        expect(err).toContain('--table dealz: the workbook has no such table');
      });
    });

  if (chdbAvailable())
    it('prints the same scorecard on chDB as on DuckDB', async () => {
      expect(differences(duckdb, await runDemo('--engine', 'chdb:')).slice(0, 20)).toEqual([]);
    }, 600_000);
});
