import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { type PostgresServer, startPostgres } from '../support/postgresServer';
import { chdbAvailable, postgresAvailable } from '../support/requiredEngine';

/** `shakhes run` of the demo workbook as JSON, on DuckDB or with `--engine URL`. */
async function runDemo(...engine: string[]): Promise<unknown> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['run', 'samples/crm-demo.shakhes', '--format', 'json', ...engine], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out.join('\n'));
}

/** Where two printed scorecards differ: texts and blanks exactly, numbers to 1e-9 relative. */
function differences(a: unknown, b: unknown, at = '$'): string[] {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? [] : [`${at}: ${b}, DuckDB ${a}`];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${at}: ${b.length} items, DuckDB ${a.length}`];
    return a.flatMap((x, i) => differences(x, b[i], `${at}[${i}]`));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`),
    );
  }
  return a === b ? [] : [`${at}: ${JSON.stringify(b)}, DuckDB ${JSON.stringify(a)}`];
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
    describe('PostgreSQL', () => {
      let server: PostgresServer;
      beforeAll(async () => {
        server = await startPostgres();
      });
      afterAll(() => server?.stop());
      it('prints the same scorecard as DuckDB', async () => {
        expect(differences(duckdb, await runDemo('--engine', server.url)).slice(0, 20)).toEqual([]);
      }, 600_000);
    });

  if (chdbAvailable())
    it('prints the same scorecard on chDB as on DuckDB', async () => {
      expect(differences(duckdb, await runDemo('--engine', 'chdb:')).slice(0, 20)).toEqual([]);
    }, 600_000);
});
