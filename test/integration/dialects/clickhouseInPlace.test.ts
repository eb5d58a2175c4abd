import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClickhouseFront, startClickhouseFront } from '../support/clickhouseFront';
import { type ChdbTeam, chdbTeam, demoInChdb, folderFiles } from '../support/clickhouseTeam';
import { cli, differences } from '../support/cliRun';
import { chdbAvailable } from '../support/requiredEngine';

/** `shakhes run` of the demo workbook as JSON: on DuckDB, or with `--engine URL` and more. */
async function runDemo(...more: string[]): Promise<unknown> {
  const { code, out, err } = await cli('run', 'samples/crm-demo.shakhes', '--format', 'json', ...more);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out);
}

/** Where the demo's tables are: all in `crm` but deals, `sales.deals_export` (clickhouseTeam.ts). */
const PLACES = ['--schema', 'crm', '--table', 'deals=sales.deals_export'];

/** `shakhes eval` of one formula as JSON: its value. */
async function evalValue(...args: string[]): Promise<unknown> {
  const { code, out, err } = await cli('eval', '--format', 'json', ...args);
  expect([err, code]).toEqual(['', 0]);
  return (JSON.parse(out) as { value: unknown }).value;
}

/**
 * The team's own ClickHouse tables read in place (src/engine/placedTables.ts over
 * src/engine/clickhouse/chInPlace.ts): the demo tables are plain MergeTree tables in
 * databases of their own in a chDB folder, read by `--engine chdb:FOLDER` and, through the
 * HTTP front over the same folder, by `--engine clickhouse://…`.
 */
if (chdbAvailable())
  describe('ClickHouse tables read in place', () => {
    let duckdb: unknown;
    let team: ChdbTeam;
    beforeAll(async () => {
      duckdb = await runDemo();
      team = await chdbTeam();
      await demoInChdb(team);
    }, 300_000);
    afterAll(() => team?.stop());

    /** The databases, tables and row counts in the folder: what a run must leave as it found. */
    const tables = () =>
      team.sql(
        "SELECT database, name, total_rows FROM system.tables WHERE database NOT IN ('system', 'INFORMATION_SCHEMA', 'information_schema') ORDER BY database, name",
      );
    /**
     * chDB runs as its one all-powerful user (it has no store for users and grants), so no
     * read-only user can be made here; instead the folder is compared before and after:
     * the same tables with the same rows, and not one file of theirs added or touched.
     */
    const contents = async () => ({ tables: await tables(), files: await folderFiles(team) });

    it('prints the same scorecard as DuckDB on chdb:FOLDER, and leaves the folder as it was', async () => {
      const before = await contents();
      expect(before.tables).toContain('sales\tdeals_export');
      expect(before.files.length).toBeGreaterThan(20);
      const inPlace = await runDemo('--engine', `chdb:${team.dir}`, ...PLACES);
      expect(differences(duckdb, inPlace).slice(0, 20)).toEqual([]);
      expect(await contents()).toEqual(before);
    }, 600_000);

    describe('through a ClickHouse server (the HTTP front over the same folder)', () => {
      let front: ClickhouseFront;
      beforeAll(async () => {
        front = await startClickhouseFront(team.dir);
      });
      afterAll(() => front?.stop());

      it('prints the same scorecard as DuckDB on clickhouse://…', async () => {
        const before = await contents();
        const inPlace = await runDemo('--engine', front.url, ...PLACES);
        expect(differences(duckdb, inPlace).slice(0, 20)).toEqual([]);
        expect(await contents()).toEqual(before);
      }, 600_000);
    });

    it('says which tables are missing and which columns do not fit, and where; creates nothing', async () => {
      await team.sql(
        'CREATE DATABASE broken',
        'CREATE TABLE broken.deals ENGINE = MergeTree ORDER BY tuple() AS SELECT deal_id, toString(created_at) AS created_at, amount FROM sales.deals_export',
      );
      const before = await contents();
      const { code, out, err } = await cli(
        'run',
        'samples/crm-demo.shakhes',
        '--engine',
        `chdb:${team.dir}`,
        '--schema',
        'broken',
      );
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain('broken.customers: no such table or view (or this user may not read it)');
      expect(err).toContain('Name another with --table customers=DATABASE.TABLE.');
      expect(err).toContain(
        'broken.deals.created_at is Nullable(String), but the workbook reads deals.created_at as a date (Date, Date32, DateTime, DateTime64).',
      );
      expect(err).toContain('broken.deals has no column "stage"');
      expect(await contents()).toEqual(before);
    }, 120_000);

    it('refuses a chDB folder that is not there, making none', async () => {
      const missing = `${team.dir}-not-there`;
      const { code, err } = await cli('run', 'samples/crm-demo.shakhes', '--engine', `chdb:${missing}`);
      expect(code).toBe(2);
      expect(err).toContain(`chdb:${missing}: no such folder.`);
    });

    describe('a column that is not Nullable', () => {
      // Four deals as a ClickHouse load without Nullable columns stores them: the second's
      // stage, the third's date and the second and fourth amounts were missing in the export.
      beforeAll(() =>
        team.sql(
          'CREATE DATABASE plain',
          'CREATE TABLE plain.deals (id Int64, stage String, amount Float64, closed Date, at DateTime, due Date32) ENGINE = MergeTree ORDER BY id',
          `INSERT INTO plain.deals VALUES
            (1, 'Won', 100, '2024-01-10', '2024-01-10 09:00:00', '2024-03-01'),
            (2, '', 0, '2024-01-11', '2024-01-11 10:00:00', '2024-03-02'),
            (3, 'Lost', 50, '1970-01-01', '1970-01-01 00:00:00', '1900-01-01'),
            (4, 'Won', 0, '2024-02-01', '2024-02-01 11:30:00', '2024-03-04')`,
        ),
      );
      const inPlain = (formula: string) =>
        evalValue('--engine', `chdb:${team.dir}`, '--table', 'deals=plain.deals', formula);

      it("reads text's '' and a date's default (1970-01-01; Date32's 1900-01-01) as blanks", async () => {
        expect(await inPlain('COUNT(deals.stage)')).toBe(3);
        expect(await inPlain('COUNTIF(ISBLANK(deals.stage))')).toBe(1);
        expect(await inPlain('COUNTIF(ISBLANK(deals.closed))')).toBe(1);
        expect(await inPlain('COUNTIF(ISBLANK(deals.at))')).toBe(1);
        expect(await inPlain('COUNTIF(ISBLANK(deals.due))')).toBe(1);
        expect(await inPlain('MIN(YEAR(deals.closed))')).toBe(2024);
      }, 120_000);

      it('reads a number as stored: a missing amount is 0 and counts', async () => {
        // (100 + 0 + 50 + 0) / 4, not (100 + 50) / 2.
        expect(await inPlain('AVERAGE(deals.amount)')).toBe(37.5);
        expect(await inPlain('COUNT(deals.amount)')).toBe(4);
      }, 120_000);
    });
  });
