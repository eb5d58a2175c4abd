import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNotebookStore } from '../../../src/state/notebookStore';

/** An engine whose queries resolve when the test says so, and which records what it was asked. */
function fakeEngine() {
  const sent: string[] = [];
  const waiting: { sql: string; resolve: () => void }[] = [];
  let hold = false;
  const engine = {
    async query(sql: string) {
      sent.push(sql);
      if (hold && sql.startsWith('SELECT'))
        await new Promise<void>((resolve) => waiting.push({ sql, resolve }));
      return tableFromArrays({ x: Int32Array.from([sent.length]) });
    },
    async cancel() {},
  } as unknown as Engine;
  return { engine, sent, waiting, setHold: (h: boolean) => (hold = h) };
}

function setup() {
  const fake = fakeEngine();
  const store = createNotebookStore({
    engine: async () => fake.engine,
    tables: () => [{ name: 'orders', columns: [{ name: 'revenue', kind: 'number' }] }],
    kpis: () => new Map(),
    // No DuckDB behind the fake engine to read the SQL; the guard has its own tests (test/integration/security).
    guard: async () => ({ ok: true }),
  });
  const s = store.getState();
  const a = s.addCell('sql');
  const b = s.addCell('sql');
  const c = s.addCell('sql');
  s.renameCell(a, 'base');
  s.setSource(a, 'SELECT * FROM orders');
  s.setSource(b, 'SELECT * FROM base');
  s.setSource(c, 'SELECT 42');
  return { store, fake, a, b, c };
}

describe('the notebook store', () => {
  it('runs all cells once, then reruns only the edited cell and its dependants', async () => {
    const { store, a, b, c } = setup();
    await store.getState().runAll();
    const runs = () => Object.fromEntries([a, b, c].map((id) => [id, store.getState().runs[id]?.runs]));
    expect(runs()).toEqual({ [a]: 1, [b]: 1, [c]: 1 });
    store.getState().setSource(a, 'SELECT revenue FROM orders');
    expect(store.getState().runs[b]?.status).toBe('stale');
    expect(store.getState().runs[c]?.status).toBe('ok');
    await store.getState().runCell(a);
    expect(runs()).toEqual({ [a]: 2, [b]: 2, [c]: 1 });
  });

  it('drops the result of a run made stale by a newer one', async () => {
    const { store, fake, c } = setup();
    fake.setHold(true);
    const first = store.getState().runCell(c);
    await expect.poll(() => fake.waiting.length).toBe(1);
    store.getState().setSource(c, 'SELECT 43');
    const second = store.getState().runCell(c);
    fake.waiting.shift()?.resolve();
    await expect.poll(() => fake.waiting.length).toBe(1);
    fake.waiting.shift()?.resolve();
    await Promise.all([first, second]);
    // Only the newer run counted; the stale one wrote nothing.
    expect(store.getState().runs[c]?.runs).toBe(1);
    expect(store.getState().runs[c]?.status).toBe('ok');
  });

  it('fails the cells of a cycle and what waits on a failed cell', async () => {
    const { store, a, b } = setup();
    store.getState().setSource(a, 'SELECT * FROM query_2');
    store.getState().renameCell(b, 'query_2');
    await store.getState().runAll();
    expect(store.getState().runs[a]?.error).toMatch(/circle: base → query_2/);
    expect(store.getState().runs[b]?.status).toBe('error');
  });
});
