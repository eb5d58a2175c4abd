import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createScorecardRunner, type RunRequest } from '../../../src/app/scorecard/runner';
import type { WorkbookKpi } from '../../../src/app/scorecard/workbookKpis';
import { scorecardRollups } from '../../../src/core/formula/rollup';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { wrapping } from '../../../src/engine/engineRoot';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { plainColumn } from '../../../src/engine/rows';
import { KPIS, loadSales, SCHEMA } from './salesFixture';

/**
 * The runner builds rollups after a run (with the work done ahead), reads them for a
 * new range of the same data, and never for changed data: the numbers stay the raw ones.
 */
let engine: Engine;
/** Every SQL text the runner sent. */
const seen: string[] = [];
let recording: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(
    `CREATE TABLE customers AS SELECT * FROM (VALUES (1, 'A'), (2, 'B')) t(customer_id, segment)`,
  );
  recording = new Proxy(engine, {
    get(target, prop) {
      if (prop === 'query')
        return (sql: string, options?: Parameters<Engine['query']>[1]) => {
          seen.push(sql);
          return target.query(sql, options);
        };
      const v = Reflect.get(target, prop);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
});
afterAll(async () => {
  await engine.close();
});

const kpis: WorkbookKpi[] = KPIS.map((k) => ({
  ...k,
  unit: 'currency',
  format: 'number',
  direction: 'up',
  family: 'custom',
  kind: 'kpi',
  description: '',
  origin: 'user',
  target: null,
}));

const request = (dataKey: string | undefined, from: string | null): RunRequest => ({
  tables: SCHEMA.tables.map((t) => ({ name: t.name, columns: t.columns })),
  relationships: SCHEMA.relationships,
  dataKey,
  kpis,
  settings: { grain: 'month', calendar: 'gregorian', from, to: '2024-12-31', breakdown: null },
});

const sales = (scale: number) =>
  Array.from({ length: 40 }, (_, i) => ({
    day: i * 17,
    amount: (i % 7) * scale,
    stage: i % 3 === 0 ? 'Won' : 'Lost',
    customer: 1 + (i % 2),
    lasts: i % 4 === 0 ? null : 30,
  }));

/** What `fn` gives, and the scorecard query it sent. */
async function withSql<T>(fn: () => Promise<T>): Promise<{ value: T; sql: string }> {
  seen.length = 0;
  const value = await fn();
  return { value, sql: seen.filter((sql) => sql.includes('range_kind')).join('\n') };
}

async function rollupTables(): Promise<number> {
  const t = await engine.query(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE '\\_rollup\\_%' ESCAPE '\\'`,
  );
  return Number(plainColumn(t, 'n')[0]);
}

/** The series of a run that reads no rollup: a runner of its own, with no data key. */
async function rawSeries(from: string | null) {
  const raw = createScorecardRunner({ engine: async () => engine, today: () => '2025-06-01' });
  return (await raw.run(request(undefined, from)))?.view?.series;
}

describe('the runner and rollups', () => {
  it('reads rollups for a new range of the same data, and not for changed data', async () => {
    await loadSales(engine, sales(1));
    const runner = createScorecardRunner({
      engine: async () => recording,
      today: () => '2025-06-01',
      prefetch: true,
    });
    const first = await runner.run(request('data A', null));
    await first?.settle();
    const wanted = scorecardRollups({
      dialect: duckdb,
      kpis,
      schema: SCHEMA,
      grain: 'month',
      today: '2025-06-01',
    }).length;
    await vi.waitFor(async () => expect(await rollupTables()).toBe(wanted), {
      timeout: 60_000,
      interval: 100,
    });
    runner.cancel();

    const second = await withSql(() => runner.run(request('data A', '2023-03-01')));
    expect(second.sql).toContain('_rollup_');
    expect(second.value?.view?.series).toEqual(await rawSeries('2023-03-01'));

    // The table changes and the store names its contents anew.
    await loadSales(engine, sales(3));
    const third = await withSql(() => runner.run(request('data B', '2023-03-01')));
    expect(third.sql).not.toBe('');
    expect(third.sql).not.toContain('_rollup_');
    expect(third.value?.view?.series).toEqual(await rawSeries('2023-03-01'));
  }, 120_000);

  it('plans the grid’s query from the rollups ahead, so a new range only runs it', async () => {
    await loadSales(engine, sales(2));
    const sent: string[] = [];
    // A wrapper registered as one: its database, and the statements kept there, are the engine's.
    const spy = wrapping(
      {
        ...engine,
        query: (sql, options) => {
          sent.push(sql);
          return engine.query(sql, options);
        },
      },
      engine,
    );
    const runner = createScorecardRunner({
      engine: async () => spy,
      today: () => '2025-06-01',
      prefetch: true,
    });
    const first = await runner.run(request('data C', null));
    await first?.settle();
    const prepared = () => sent.filter((sql) => sql.startsWith('PREPARE') && sql.includes('_rollup_')).length;
    await vi.waitFor(() => expect(prepared()).toBe(1), { timeout: 60_000, interval: 100 });
    runner.cancel();

    sent.length = 0;
    const next = await runner.run(request('data C', '2023-05-01'));
    const grid = sent.filter((sql) => /^(PREPARE|EXECUTE|WITH)\b/.test(sql));
    expect(grid).toHaveLength(1);
    expect(grid[0]).toMatch(/^EXECUTE shakhes_range_\d+\(DATE '2023-05-01', DATE '2024-12-31'\)$/);
    expect(next?.view?.series).toEqual(await rawSeries('2023-05-01'));
  }, 120_000);
});
