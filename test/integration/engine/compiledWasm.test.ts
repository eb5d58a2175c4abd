import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';

/**
 * Every DuckDB-WASM engine in Node compiled the 34 MB module again: tens of seconds an
 * engine on a loaded machine, the largest cost of the integration tests (src/engine/compiledWasm.ts).
 */
const engines: Engine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
});

describe('DuckDB-WASM in Node', () => {
  it('is compiled once for all the engines of a process, each engine with a database of its own', async () => {
    const compile = vi.spyOn(WebAssembly, 'compile');
    const instantiate = vi.spyOn(WebAssembly, 'instantiate');
    // Two at once share the one compile too; a third, later, finds it done.
    engines.push(...(await Promise.all([createNodeEngine(), createNodeEngine()])));
    engines.push(await createNodeEngine());
    expect(compile).toHaveBeenCalledTimes(1);
    expect(instantiate.mock.calls.map(([source]) => source instanceof WebAssembly.Module)).toEqual([
      true,
      true,
      true,
    ]);

    const [a, b, c] = engines;
    await a.query('CREATE TABLE only_in_a AS SELECT 42 AS x');
    await b.query('CREATE TABLE only_in_a AS SELECT 7 AS x');
    expect(Number((await a.query('SELECT x FROM only_in_a')).getChild('x')?.get(0))).toBe(42);
    expect(Number((await b.query('SELECT x FROM only_in_a')).getChild('x')?.get(0))).toBe(7);
    await expect(c.query('SELECT x FROM only_in_a')).rejects.toThrow(/only_in_a/);
  });
});
