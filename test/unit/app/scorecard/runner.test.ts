import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCacheSnapshot } from '../../../../src/app/scorecard/resultsCache';
import { createScorecardRunner, type RunRequest } from '../../../../src/app/scorecard/runner';
import type { WorkbookKpi } from '../../../../src/app/scorecard/workbookKpis';
import * as compile from '../../../../src/core/formula/compile';
import type { Engine } from '../../../../src/engine/engine';
import { createNodeEngine } from '../../../../src/engine/nodeEngine';
import { heldEngine } from './heldEngine';

/**
 * The scorecard runner with an engine that holds the scorecard's own queries until the
 * test lets them through, so which run finishes first is the test's choice. The numbers
 * are DuckDB's: a deals table over fifteen months.
 */
let duck: Engine;

// Every compile passes through, counted (a run compiles its grid's query once).
vi.mock('../../../../src/core/formula/compile', async (actual) => {
  const real = await actual<typeof import('../../../../src/core/formula/compile')>();
  return { ...real, compileScorecard: vi.fn(real.compileScorecard) };
});

beforeAll(async () => {
  duck = await createNodeEngine();
  await duck.query(`CREATE TABLE deals AS
    SELECT 'd' || i AS deal_id, DATE '2023-01-01' + INTERVAL (i * 9) DAY AS created_at, i * 10.0 AS amount
    FROM range(50) t(i)`);
});

afterAll(() => duck?.close());

const KPI: WorkbookKpi = {
  id: 'deals',
  label: 'Deals',
  formula: 'COUNT(deals.deal_id)',
  table: 'deals',
  timeColumn: 'created_at',
  unit: 'count',
  format: 'integer',
  direction: 'up',
  family: 'sales',
  kind: 'kpi',
  description: '',
  origin: 'user',
  target: null,
};

function request(grain: RunRequest['settings']['grain'], dataKey = 'v1'): RunRequest {
  return {
    tables: [
      {
        name: 'deals',
        columns: [
          { name: 'deal_id', kind: 'text' },
          { name: 'created_at', kind: 'date' },
          { name: 'amount', kind: 'number' },
        ],
      },
    ],
    relationships: [],
    dataKey,
    kpis: [KPI],
    settings: { grain, calendar: 'gregorian', from: null, to: null, breakdown: null },
  };
}

/**
 * The scorecard's own query run (its rows carry range_kind), or its prepared statement
 * executed for a range (preparedRange.ts); spans, bounds, the calendar and the PREPARE pass.
 */
const scorecardQuery = (sql: string) =>
  sql.startsWith('EXECUTE shakhes_range_') || (sql.includes('range_kind') && !sql.startsWith('PREPARE '));

function setup(options = { honourAbort: true }, prefetch = false) {
  const held = heldEngine(duck, scorecardQuery, options);
  const runner = createScorecardRunner({
    engine: async () => held.engine,
    today: () => '2024-06-01',
    prefetch,
  });
  return { held, runner };
}

describe('scorecard runner', () => {
  it('drops the results of a run a newer one overtook, even when the engine answers it', async () => {
    const { held, runner } = setup({ honourAbort: false });
    const first = runner.run(request('month'));
    const a = await held.held(1);
    const second = runner.run(request('quarter'));
    const b = await held.held(2);
    // The older run's answer arrives first, after the newer run started.
    a.release();
    expect(await first).toBeNull();
    b.release();
    const run = await second;
    // The data ends in March 2024, so the last whole quarter is 2023's fourth.
    expect(run?.view?.periods.at(-1)?.label).toBe('2023-Q4');
  }, 30_000);

  it('calls off the previous run’s query in the engine when a new run starts', async () => {
    const { held, runner } = setup();
    const first = runner.run(request('month'));
    const a = await held.held(1);
    expect(a.signal?.aborted).toBe(false);
    const second = runner.run(request('year'));
    expect(a.signal?.aborted).toBe(true);
    expect(await first).toBeNull();
    (await held.held(2)).release();
    expect((await second)?.view?.periods.map((p) => p.label)).toEqual(['2023']);
  }, 30_000);

  it('stops a run whose caller calls it off, in the engine too', async () => {
    const { held, runner } = setup();
    const caller = new AbortController();
    const run = runner.run(request('month'), caller.signal);
    const q = await held.held(1);
    caller.abort();
    expect(q.signal?.aborted).toBe(true);
    expect(await run).toBeNull();
  }, 30_000);

  it('answers a frame it has computed from its cache, with no query', async () => {
    const { held, runner } = setup();
    held.open();
    const a = await runner.run(request('month'));
    expect(a?.view?.reused).toBe(false);
    const b = await runner.run(request('month'));
    expect(held.seen).toHaveLength(1);
    expect(b?.view?.reused).toBe(true);
    expect(b?.view?.series).toEqual(a?.view?.series);
    // Other data (a new data key) is queried afresh.
    expect((await runner.run(request('month', 'v2')))?.view?.reused).toBe(false);
    expect(held.seen).toHaveLength(2);
  }, 30_000);

  it('compiles the grid’s query (month and whole-range figures) once: its diagnostics’ compile is the one run', async () => {
    const { held, runner } = setup();
    held.open();
    const compiles = vi.mocked(compile.compileScorecard);
    compiles.mockClear();
    const view = (await runner.run(request('month')))?.view;
    // Deals every 9 days from 2023-01-01: days 0, 9, 18 and 27 in January.
    expect(view?.series.deals[0]).toBe(4);
    expect(compiles.mock.calls.filter(([req]) => req.totals === true)).toHaveLength(1);
  }, 30_000);

  it('keys the cache by grain: a quarter after a month has quarter numbers', async () => {
    const { held, runner } = setup();
    held.open();
    const months = (await runner.run(request('month')))?.view;
    const quarters = (await runner.run(request('quarter')))?.view;
    expect(quarters?.periods.map((p) => p.label).slice(0, 2)).toEqual(['2023-Q1', '2023-Q2']);
    // 2023-Q1 is the sum of its three months: every deal is in exactly one period.
    const [jan, feb, mar] = months?.series.deals ?? [];
    expect(quarters?.series.deals[0]).toBe((jan ?? 0) + (feb ?? 0) + (mar ?? 0));
    expect(quarters?.series.deals[0]).toBe(10);
  }, 30_000);

  it('calls off the background prefetch when the user starts a run', async () => {
    const { held, runner } = setup({ honourAbort: true }, true);
    const first = runner.run(request('month'));
    (await held.held(1)).release();
    const run = await first;
    await run?.settle();
    // The prefetch asks for the next grain and waits in the engine.
    const ahead = await held.held(2);
    expect(ahead.signal?.aborted).toBe(false);
    const next = runner.run(request('month', 'v2'));
    expect(ahead.signal?.aborted).toBe(true);
    (await held.held(3)).release();
    expect((await next)?.view?.reused).toBe(false);
  }, 30_000);

  it('keeps its cache through a snapshot, also one saved with text frame keys', async () => {
    const { held, runner } = setup();
    const first = runner.run(request('month'));
    (await held.held(1)).release();
    const data = (await first)?.data ?? '';
    const snapshot = JSON.parse(JSON.stringify(runner.snapshot(data)));
    expect(snapshot.frames).toHaveLength(1);
    // A fresh runner seeded with it answers the same frame with no query.
    const again = setup();
    again.runner.seed(parseCacheSnapshot(snapshot) ?? { frames: [] });
    expect((await again.runner.run(request('month')))?.view?.reused).toBe(true);
    expect(again.held.seen).toHaveLength(0);
    // Workbooks saved before keys were typed wrote each key as JSON text of its fields.
    const k = snapshot.frames[0].key;
    const legacy = [k.data, k.grain, k.calendar, k.from, k.to, k.today, k.breakdown, k.totals];
    const old = { frames: [{ ...snapshot.frames[0], key: JSON.stringify(legacy) }] };
    const third = setup();
    third.runner.seed(parseCacheSnapshot(old) ?? { frames: [] });
    expect((await third.runner.run(request('month')))?.view?.reused).toBe(true);
    // A key that fits neither form is left out: the frame is simply queried again.
    const damaged = parseCacheSnapshot({ frames: [{ ...snapshot.frames[0], key: '[1,2' }] });
    expect(damaged).toEqual({ frames: [] });
  }, 30_000);
});
