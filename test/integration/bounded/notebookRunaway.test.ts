import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotebookCell } from '../../../src/core/notebook/types';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createNotebookStore } from '../../../src/state/notebookStore';

/**
 * Issue 12: an endless recursive CTE in a SQL cell ran whenever its sheet was shown, with no
 * cancel, and a NUL in an input cell left the notebook "running" for good. Real DuckDB-WASM.
 */
const ENDLESS = 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) AS n FROM t';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

function notebook(timeLimitMs?: number) {
  return createNotebookStore({
    engine: async () => engine,
    tables: () => [],
    kpis: () => new Map(),
    timeLimitMs: () => timeLimitMs,
  });
}

const sqlCell = (
  id: string,
  name: string,
  source: string,
  extra: Partial<NotebookCell> = {},
): NotebookCell => ({
  id,
  kind: 'sql',
  name,
  source,
  config: {},
  ...extra,
});

describe('a runaway SQL cell', () => {
  it('is stopped by Cancel, says so, and the next cell then runs and answers', async () => {
    const store = notebook();
    store.getState().load([sqlCell('a', 'runaway', ENDLESS), sqlCell('b', 'next', 'SELECT 42 AS answer')]);
    const done = store.getState().runAll();
    await expect.poll(() => store.getState().runs.a?.status).toBe('running');
    expect(store.getState().runs.b?.status).toBe('queued');
    store.getState().cancelCell('a');
    await expect.poll(() => store.getState().runs.a?.status).toBe('error');
    expect(store.getState().runs.a?.problems[0]?.code).toBe('cancelled');
    expect(store.getState().runs.a?.error).toMatch(/^Cancelled after \d+ s\. Press Run/);
    await done;
    expect(store.getState().runs.b?.status).toBe('ok');
    expect(store.getState().runs.b?.result?.rows).toEqual([{ answer: 42 }]);
    expect(store.getState().busy).toBe(false);
    // The stop is kept on the cell, so the document remembers it.
    expect(store.getState().cells[0]?.halted).toEqual({ code: 'cancelled', seconds: expect.any(Number) });
  });

  it('stops at the time limit by itself with "stopped after N s" and what to do', async () => {
    const store = notebook(1000);
    store.getState().load([sqlCell('a', 'runaway', ENDLESS)]);
    await store.getState().runAll();
    const run = store.getState().runs.a;
    expect(run?.status).toBe('error');
    expect(run?.problems[0]).toMatchObject({ code: 'timed-out', params: { seconds: 1 } });
    expect(run?.error).toContain('Stopped after 1 s');
    expect(run?.error).toContain('raise the time limit');
    expect(store.getState().cells[0]?.halted).toEqual({ code: 'timed-out', seconds: 1 });
    // The engine answers again at once.
    expect((await engine.query('SELECT 7 AS x')).getChild('x')?.get(0)).toBe(7);
  });

  it('does not run on display when its last run stopped; the others run', async () => {
    const store = notebook(1000);
    store
      .getState()
      .load([
        sqlCell('a', 'runaway', ENDLESS, { halted: { code: 'timed-out', seconds: 30 } }),
        sqlCell('b', 'reader', 'SELECT * FROM runaway'),
        sqlCell('c', 'other', 'SELECT 1 AS one'),
      ]);
    // Opened halted: it shows its last error before anything runs.
    expect(store.getState().runs.a?.status).toBe('error');
    expect(store.getState().runs.a?.error).toContain('Stopped after 30 s');
    await store.getState().runShown();
    expect(store.getState().runs.a?.runs).toBe(0);
    expect(store.getState().runs.b?.status).toBe('idle');
    expect(store.getState().runs.c?.status).toBe('ok');
    // Shown again: nothing reruns.
    await store.getState().runShown();
    expect(store.getState().runs.c?.runs).toBe(1);
  });

  it('is stopped when another document is opened, which then runs', async () => {
    const store = notebook();
    store.getState().load([sqlCell('a', 'runaway', ENDLESS)]);
    const done = store.getState().runAll();
    await expect.poll(() => store.getState().runs.a?.status).toBe('running');
    store.getState().load([sqlCell('n', 'fresh', 'SELECT 3 AS three')]);
    await done;
    await store.getState().runAll();
    expect(store.getState().runs.n?.result?.rows).toEqual([{ three: 3 }]);
  });
});

describe('a NUL in an input cell', () => {
  it('fails the reading cell with a message and leaves nothing running', async () => {
    const store = notebook(5000);
    store
      .getState()
      .load([
        { id: 'i', kind: 'input', name: 'who', source: '', config: { type: 'text', value: 'a\u0000b' } },
        sqlCell('q', 'q', 'SELECT {{who}} AS who'),
        sqlCell('r', 'r', 'SELECT 2 AS two'),
      ]);
    await store.getState().runAll();
    const q = store.getState().runs.q;
    expect(q?.status).toBe('error');
    expect(q?.problems[0]).toMatchObject({ code: 'input-nul', params: { name: 'who' } });
    expect(store.getState().runs.r?.status).toBe('ok');
    expect(store.getState().busy).toBe(false);
    expect(Object.values(store.getState().runs).map((r) => r.status)).not.toContain('running');
    // Fixing the input reruns the reader.
    await store.getState().setConfig('i', { value: 'ab' });
    await expect.poll(() => store.getState().runs.q?.status).toBe('ok');
    expect(store.getState().runs.q?.result?.rows).toEqual([{ who: 'ab' }]);
  });
});
