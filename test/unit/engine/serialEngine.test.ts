import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { type Engine, EngineCancelled } from '../../../src/engine/engine';
import { serialEngine } from '../../../src/engine/serialEngine';

/** An engine whose queries finish only when the test says so, logging starts and ends. */
function gatedEngine(log: string[]) {
  const gates = new Map<string, () => void>();
  const engine: Engine = {
    query(sql) {
      log.push(`start ${sql}`);
      return new Promise((resolve, reject) => {
        gates.set(sql, () => {
          log.push(`end ${sql}`);
          if (sql === 'bad') reject(new Error('bad query'));
          else resolve(tableFromArrays({ n: [1] }));
        });
      });
    },
    async cancel() {
      log.push('cancel');
    },
    async tokenize() {
      return { offsets: [], types: [] };
    },
    async registerFile() {},
    async dropFile() {},
    async insertArrowIPC() {},
    async loadParquet() {
      throw new Error('unused');
    },
    async close() {},
  };
  const open = async (sql: string) => {
    for (let i = 0; i < 100 && !gates.has(sql); i++) await Promise.resolve();
    gates.get(sql)?.();
  };
  return { engine, open };
}

describe('serialEngine', () => {
  it('starts a query only after the previous one finished, even when it failed', async () => {
    const log: string[] = [];
    const { engine, open } = gatedEngine(log);
    const e = serialEngine(engine);
    const a = e.query('bad');
    const b = e.query('b');
    await open('bad');
    await expect(a).rejects.toThrow('bad query');
    await open('b');
    await b;
    expect(log).toEqual(['start bad', 'end bad', 'start b', 'end b']);
  });

  it('passes cancel through at once, without waiting in the queue', async () => {
    const log: string[] = [];
    const { engine, open } = gatedEngine(log);
    const e = serialEngine(engine);
    const a = e.query('a');
    const b = e.query('b');
    for (let i = 0; i < 100 && log.length === 0; i++) await Promise.resolve();
    await e.cancel();
    expect(log).toEqual(['start a', 'cancel']);
    await open('a');
    await a;
    await open('b');
    await b;
  });

  it('drops a query called off while queued, and cancels one called off while it runs, not the others', async () => {
    const log: string[] = [];
    const { engine, open } = gatedEngine(log);
    const e = serialEngine(engine);
    const a = e.query('a');
    const queued = new AbortController();
    const b = e.query('b', { signal: queued.signal });
    const running = new AbortController();
    const c = e.query('c', { signal: running.signal });
    const d = e.query('d');
    queued.abort();
    // Aborting a queued query must not cancel the one running ahead of it.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(log).toEqual(['start a']);
    await open('a');
    await a;
    await expect(b).rejects.toBeInstanceOf(EngineCancelled);
    for (let i = 0; i < 100 && !log.includes('start c'); i++) await Promise.resolve();
    running.abort();
    expect(log).toEqual(['start a', 'end a', 'start c', 'cancel']);
    await open('c');
    await expect(c).rejects.toBeInstanceOf(EngineCancelled);
    await open('d');
    await d;
    expect(log).toEqual(['start a', 'end a', 'start c', 'cancel', 'end c', 'start d', 'end d']);
  });
});
