import { type Table, tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { type CellOutcome, createNotebookRunner } from '../../../../src/app/notebook/notebookRunner';
import type { NotebookCell } from '../../../../src/core/notebook/types';
import { type Engine, EngineCancelled, type QueryOptions } from '../../../../src/engine/engine';

interface HeldQuery {
  sql: string;
  options: QueryOptions | undefined;
  resolve(table: Table): void;
  reject(e: Error): void;
}

/**
 * An engine that holds every query until the test answers it, so the test decides the
 * order things finish in. It records what it was asked and which signals were aborted; an
 * abort does not answer the query, the test does (as a real engine would, with EngineCancelled).
 */
function heldEngine() {
  const held: HeldQuery[] = [];
  const aborted: string[] = [];
  const engine = {
    query(sql: string, options?: QueryOptions) {
      let answered = false;
      // A run's statements share one signal: only a query still unanswered sees the abort.
      options?.signal?.addEventListener('abort', () => answered || aborted.push(sql));
      return new Promise<Table>((resolve, reject) =>
        held.push({
          sql,
          options,
          resolve(t) {
            answered = true;
            resolve(t);
          },
          reject(e) {
            answered = true;
            reject(e);
          },
        }),
      );
    },
  } as unknown as Engine;
  /** The oldest query not yet answered, once one arrives. */
  const next = async (): Promise<HeldQuery> => {
    await expect.poll(() => held.length).toBeGreaterThan(0);
    return held.shift() as HeldQuery;
  };
  return { engine, held, aborted, next };
}

const sqlCell = (id: string, name: string, source: string): NotebookCell => ({
  id,
  kind: 'sql',
  name,
  source,
  config: {},
});

const one = (x: number) => tableFromArrays({ x: Int32Array.from([x]) });

function setup(cells: NotebookCell[]) {
  const fake = heldEngine();
  const events: string[] = [];
  const outcomes: { id: string; outcome: CellOutcome }[] = [];
  const runner = createNotebookRunner({
    engine: async () => fake.engine,
    cells: () => cells,
    tables: () => ['orders'],
    schema: () => ({ tables: [], relationships: [] }),
    kpis: () => new Map(),
    timeLimitMs: () => 5000,
    // No DuckDB behind the fake to read the SQL; the guard has its own tests (test/integration/security).
    guard: async () => ({ ok: true }),
    listener: {
      queued: (id) => events.push(`queued ${id}`),
      started: (id) => events.push(`started ${id}`),
      finished(id, outcome) {
        events.push(`finished ${id}`);
        outcomes.push({ id, outcome });
      },
      unqueued: (id) => events.push(`unqueued ${id}`),
      busy: (on) => events.push(on ? 'busy' : 'idle'),
    },
  });
  return { runner, fake, events, outcomes };
}

describe('the notebook runner', () => {
  it('shows only the second result of a cell rerun while its first run is in flight', async () => {
    const { runner, fake, outcomes } = setup([sqlCell('c', 'answer', 'SELECT 1 AS x')]);
    const first = runner.runCell('c');
    (await fake.next()).resolve(one(0)); // CREATE VIEW
    const firstResult = await fake.next();
    expect(firstResult.sql).toMatch(/^SELECT \* FROM "answer"/);

    const second = runner.runCell('c');
    // The rerun stops the query it replaces...
    expect(fake.aborted).toEqual([firstResult.sql]);
    // ...but its answer was already on its way: it must not be shown.
    firstResult.resolve(one(1));
    (await fake.next()).resolve(one(0));
    (await fake.next()).resolve(one(2));
    await Promise.all([first, second]);

    expect(outcomes).toHaveLength(1);
    const [{ outcome }] = outcomes;
    expect(outcome.status === 'ok' && outcome.result?.rows).toEqual([{ x: 2 }]);
  });

  it('aborts the engine query of a cancelled cell and reports it cancelled', async () => {
    const { runner, fake, outcomes } = setup([sqlCell('c', 'slow', 'SELECT 1 AS x')]);
    const run = runner.runCell('c');
    const create = await fake.next();
    expect(create.options?.timeLimitMs).toBe(5000);
    expect(create.options?.signal?.aborted).toBe(false);

    runner.cancel('c');
    await expect.poll(() => create.options?.signal?.aborted).toBe(true);
    expect(fake.aborted).toEqual([create.sql]);
    create.reject(new EngineCancelled());
    await run;

    expect(outcomes.map((o) => o.outcome.status === 'error' && o.outcome.problems[0]?.code)).toEqual([
      'cancelled',
    ]);
    // Nothing ran after the cancelled statement.
    expect(fake.held).toEqual([]);
  });

  it('takes a queued cell out of the queue on cancel, without touching the running one', async () => {
    const { runner, fake, events } = setup([
      sqlCell('a', 'first', 'SELECT 1'),
      sqlCell('b', 'second', 'SELECT 2'),
    ]);
    const run = runner.runAll();
    const create = await fake.next();
    runner.cancel('b');
    expect(fake.aborted).toEqual([]);
    create.resolve(one(0));
    (await fake.next()).resolve(one(1));
    await run;
    expect(events.filter((e) => e.endsWith(' b'))).toEqual(['queued b', 'unqueued b']);
  });

  it('runs a cell after the cell it reads, whatever their order in the notebook', async () => {
    // The reader comes first in the notebook; the cell it reads must still run first.
    const { runner, fake, events } = setup([
      sqlCell('reader', 'top', 'SELECT * FROM base'),
      sqlCell('base', 'base', 'SELECT * FROM orders'),
    ]);
    const run = runner.runAll();
    const baseCreate = await fake.next();
    expect(baseCreate.sql).toMatch(/VIEW "base"/);
    baseCreate.resolve(one(0));
    const baseResult = await fake.next();
    // While base's result is held, the reader has not been started.
    expect(events).not.toContain('started reader');
    baseResult.resolve(one(1));
    (await fake.next()).resolve(one(0));
    (await fake.next()).resolve(one(2));
    await run;
    expect(events.filter((e) => e.startsWith('started') || e.startsWith('finished'))).toEqual([
      'started base',
      'finished base',
      'started reader',
      'finished reader',
    ]);
  });

  it('runs a queued reader after the cell it reads even when the reader was asked for first', async () => {
    const { runner, fake, events } = setup([
      sqlCell('reader', 'top', 'SELECT * FROM base'),
      sqlCell('base', 'base', 'SELECT * FROM orders'),
      sqlCell('other', 'other', 'SELECT 3'),
    ]);
    const busy = runner.runCell('other');
    const otherCreate = await fake.next();
    // Both join the queue while another cell runs: the reader first, then what it reads.
    void runner.runCell('reader');
    void runner.runCell('base');
    otherCreate.resolve(one(0));
    (await fake.next()).resolve(one(3));
    const next = await fake.next();
    expect(next.sql).toMatch(/VIEW "base"/);
    next.resolve(one(0));
    for (let i = 0; i < 3; i++) (await fake.next()).resolve(one(i));
    await busy;
    expect(events.filter((e) => e.startsWith('started'))).toEqual([
      'started other',
      'started base',
      'started reader',
    ]);
  });

  it('stops a removed cell’s query, drops its view and reports nothing for it', async () => {
    const cells = [sqlCell('c', 'gone', 'SELECT 1')];
    const { runner, fake, outcomes } = setup(cells);
    const run = runner.runCell('c');
    const create = await fake.next();
    const forgotten = runner.forget(cells[0]);
    expect(fake.aborted).toEqual([create.sql]);
    const drop = await fake.next();
    expect(drop.sql).toBe('DROP VIEW IF EXISTS "gone"');
    drop.resolve(one(0));
    await forgotten;
    expect(fake.held).toEqual([]);
    create.reject(new EngineCancelled());
    await run;
    expect(outcomes).toEqual([]);
  });
});
