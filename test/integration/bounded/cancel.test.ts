import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedEngine } from '../../../src/engine/boundedEngine';
import { type Engine, EngineCancelled, EngineTimedOut } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';

/**
 * Runaway SQL on the real DuckDB-WASM Node build: a time limit or cancel() stops it, and the
 * engine answers the next query. (Issue 12: an endless recursive CTE wedged the app.)
 */
const ENDLESS_CTE = 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t';
const HUGE_JOIN = 'SELECT count(*) FROM range(1000000) a, range(1000000) b';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

const answer = async () => (await engine.query('SELECT 42 AS x')).getChild('x')?.get(0);

describe('runaway queries', () => {
  it('stops an endless recursive CTE at its time limit, then answers the next query', async () => {
    const err = await engine.query(ENDLESS_CTE, { timeLimitMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineTimedOut);
    expect((err as EngineTimedOut).limitMs).toBe(300);
    expect(await answer()).toBe(42);
  });

  it('cancels a 1e12-row cross join when its signal aborts, then answers the next query', async () => {
    const controller = new AbortController();
    const running = engine.query(HUGE_JOIN, { signal: controller.signal }).catch((e: unknown) => e);
    // Wait until the query is really running: a query queued behind it must wait for it.
    const next = engine.query('SELECT 7 AS y');
    setTimeout(() => controller.abort(), 200);
    expect(await running).toBeInstanceOf(EngineCancelled);
    expect((await next).getChild('y')?.get(0)).toBe(7);
    expect(await answer()).toBe(42);
  });

  it('drops a query cancelled while it waits in the queue without running it', async () => {
    const controller = new AbortController();
    const first = engine.query(ENDLESS_CTE, { timeLimitMs: 300 }).catch((e: unknown) => e);
    const queued = engine.query('SELECT 1 AS z', { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await queued).toBeInstanceOf(EngineCancelled);
    expect(await first).toBeInstanceOf(EngineTimedOut);
    expect(await answer()).toBe(42);
  });
});

describe("the scorecard's engine (every query bounded by the workbook limit and one Cancel)", () => {
  it('stops a query at the limit and on Cancel, with no options from the caller', async () => {
    let controller = new AbortController();
    const bounded = boundedEngine(engine, { timeLimitMs: () => 300, signal: () => controller.signal });
    expect(await bounded.query(ENDLESS_CTE).catch((e: unknown) => e)).toBeInstanceOf(EngineTimedOut);
    const noLimit = boundedEngine(engine, { timeLimitMs: () => undefined, signal: () => controller.signal });
    const running = noLimit.query(HUGE_JOIN).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 200);
    expect(await running).toBeInstanceOf(EngineCancelled);
    controller = new AbortController();
    expect((await noLimit.query('SELECT 5 AS v')).getChild('v')?.get(0)).toBe(5);
  });
});
