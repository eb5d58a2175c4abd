import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, EngineCancelled, EngineTimedOut } from '../../../src/engine/engine';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { loadNodeParquet } from '../../../src/engine/parquet/nodeCodec';
import { connectRemoteEngine, TOKEN_HEADER } from '../../../src/engine/remoteEngine';
import { type Served, serve, watchedEngine } from './serverHarness';

/**
 * The page's engine over HTTP to `shakhes serve`, here called from Node against the real
 * server and engine: results as Arrow, errors as the engine's own, a cancel that stops the
 * query on the server.
 */
const HUGE_JOIN = 'SELECT count(*) /* huge */ FROM range(1000000) a, range(1000000) b';

let served: Served;
let remote: Engine;
let nextStart: () => Promise<void>;
beforeAll(async () => {
  const watched = watchedEngine(await createNativeEngine({ allowedDirectories: [] }), '/* huge */');
  nextStart = watched.nextStart;
  served = await serve(watched.engine);
  remote = await connectRemoteEngine({
    origin: served.server.origin,
    token: served.server.token,
    loadParquet: async () => loadNodeParquet(),
  });
});
afterAll(async () => {
  await served?.close();
});

const answer = async () => (await remote.query('SELECT 42 AS x')).getChild('x')?.get(0);

describe('queries', () => {
  it('returns the result as an Arrow table, every type as the engine gives it', async () => {
    const t = await remote.query(
      "SELECT 1::BIGINT AS n, 2.5::DOUBLE AS d, 'سلام' AS s, DATE '2024-03-01' AS day FROM range(3)",
    );
    expect(t.numRows).toBe(3);
    expect(t.getChild('n')?.get(0)).toBe(1n);
    expect(t.getChild('d')?.get(2)).toBe(2.5);
    expect(t.getChild('s')?.get(1)).toBe('سلام');
    const local = await served.server.engine.query("SELECT DATE '2024-03-01' AS day");
    expect(t.getChild('day')?.get(0)).toEqual(local.getChild('day')?.get(0));
  });

  it('returns an empty result with its columns', async () => {
    const t = await remote.query('SELECT 1 AS a, 2 AS b WHERE false');
    expect(t.numRows).toBe(0);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
  });

  it('streams a large result (many batches) whole', async () => {
    const t = await remote.query('SELECT range AS i FROM range(300000)');
    expect(t.numRows).toBe(300000);
    expect(Number(t.getChild('i')?.get(299999))).toBe(299999);
  });

  it("passes DuckDB's own error, and refuses two statements in a single query", async () => {
    await expect(remote.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    await expect(remote.query('SELECT 1; SELECT 2', { single: true })).rejects.toThrow();
    expect(await answer()).toBe(42);
  });

  it('tokenizes as DuckDB does', async () => {
    expect(await remote.tokenize('SELECT 1')).toEqual(await served.server.engine.tokenize('SELECT 1'));
  });

  it('creates a table from Arrow IPC', async () => {
    const ipc = tableToIPC(tableFromArrays({ k: Int32Array.from([1, 2, 3]) }), 'stream');
    await remote.insertArrowIPC('inserted', ipc);
    expect(Number((await remote.query('SELECT sum(k) AS s FROM inserted')).getChild('s')?.get(0))).toBe(6);
  });
});

describe('stopping a query on the server', () => {
  it('stops it at its time limit with EngineTimedOut', async () => {
    const err = await remote.query(HUGE_JOIN, { timeLimitMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineTimedOut);
    expect((err as EngineTimedOut).limitMs).toBe(300);
    expect(await answer()).toBe(42);
  });

  it('interrupts the running query when its signal aborts, then answers the next', async () => {
    const controller = new AbortController();
    const started = nextStart();
    const huge = remote.query(HUGE_JOIN, { signal: controller.signal }).catch((e: unknown) => e);
    await started;
    controller.abort();
    expect(await huge).toBeInstanceOf(EngineCancelled);
    expect(await answer()).toBe(42);
  });

  it('leaves nothing running when the signal aborts before the query reaches the server', async () => {
    const controller = new AbortController();
    const huge = remote.query(HUGE_JOIN, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await huge).toBeInstanceOf(EngineCancelled);
    expect(await answer()).toBe(42);
  });

  it('stops the query of a page that goes away (its request aborted)', async () => {
    const gone = new AbortController();
    const started = nextStart();
    const request = fetch(`${served.server.origin}/api/query`, {
      method: 'POST',
      signal: gone.signal,
      headers: { [TOKEN_HEADER]: served.server.token, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'gone', sql: HUGE_JOIN }),
    }).catch((e: unknown) => e);
    await started;
    gone.abort();
    await request;
    // Queries run one at a time: this one is answered only once the abandoned one has stopped.
    expect(await answer()).toBe(42);
  });
});
