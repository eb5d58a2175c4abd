import { describe, expect, it } from 'vitest';
import type { CompiledScorecard } from '../../../src/core/formula/compile';
import { isEngineStopped, isOutOfMemory } from '../../../src/core/outOfMemory';
import type { Engine } from '../../../src/engine/engine';
import { runScorecardIsolated } from '../../../src/engine/scorecardIsolation';
import { EngineStopped, watchWorker } from '../../../src/engine/workerWatch';

/** A worker's event side: what the browser dispatches when the worker fails. */
function fakeWorker() {
  const target = new EventTarget();
  let terminated = 0;
  return {
    addEventListener: target.addEventListener.bind(target),
    terminate: () => {
      terminated++;
    },
    fail(message: string) {
      const e = new Event('error', { cancelable: true });
      Object.assign(e, { message });
      target.dispatchEvent(e);
      return e;
    },
    terminated: () => terminated,
  };
}

const never = () => new Promise<never>(() => undefined);

describe('watchWorker (issue 16: a failed worker left its queries waiting for ever)', () => {
  it('rejects every call in flight when the worker fails, and every later one at once', async () => {
    const w = fakeWorker();
    const { guard } = watchWorker(w);
    const a = guard(never);
    const b = guard(never);
    const event = w.fail('Array buffer allocation failed');
    await expect(a).rejects.toBeInstanceOf(EngineStopped);
    await expect(b).rejects.toThrow(
      'DuckDB-WASM stopped (Array buffer allocation failed); nothing more can run in this tab.',
    );
    await expect(guard(async () => 1)).rejects.toBeInstanceOf(EngineStopped);
    expect(event.defaultPrevented).toBe(true);
    expect(w.terminated()).toBe(1);
  });

  it('passes answers and ordinary errors through while the worker lives', async () => {
    const { guard } = watchWorker(fakeWorker());
    await expect(guard(async () => 42)).resolves.toBe(42);
    await expect(
      guard(() => Promise.reject(new Error('Parser Error: syntax error at or near "x"'))),
    ).rejects.toThrow(/^Parser Error/);
    await expect(guard(async () => 7)).resolves.toBe(7);
  });

  it('treats a WebAssembly trap as the end of the engine: DuckDB’s memory is in an unknown state', async () => {
    const w = fakeWorker();
    const { guard } = watchWorker(w);
    const trap = Object.assign(new Error('memory access out of bounds'), { name: 'RuntimeError' });
    await expect(guard(() => Promise.reject(trap))).rejects.toThrow(
      'DuckDB-WASM stopped (memory access out of bounds)',
    );
    await expect(guard(async () => 1)).rejects.toBeInstanceOf(EngineStopped);
    expect(w.terminated()).toBe(1);
  });

  it('is told apart from an ordinary out-of-memory error, which leaves the engine usable', () => {
    const stopped = new EngineStopped('its worker failed').message;
    expect(isEngineStopped(stopped)).toBe(true);
    expect(isEngineStopped('Out of Memory Error: Allocation failure')).toBe(false);
    expect(isOutOfMemory('Out of Memory Error: Allocation failure')).toBe(true);
  });
});

describe('a scorecard run on a stopped engine', () => {
  it('ends after its first query instead of trying each KPI alone, so the whole run says the engine stopped', async () => {
    const asked: string[] = [];
    const engine = {
      query: async (sql: string) => {
        asked.push(sql);
        throw new EngineStopped('its worker failed');
      },
    } as unknown as Engine;
    const compile = (ids: readonly string[]) =>
      ({
        sql: `SELECT ${ids.join(', ')}`,
        outputs: [],
        diagnostics: [],
        dialect: 'duckdb',
      }) as unknown as CompiledScorecard;
    await expect(runScorecardIsolated(engine, compile, ['a', 'b', 'c', 'd'])).rejects.toBeInstanceOf(
      EngineStopped,
    );
    expect(asked).toHaveLength(1);
  });
});
