import { describe, expect, it } from 'vitest';
import type { CompiledScorecard } from '../../../src/core/formula/compile';
import { type Engine, EngineCancelled, EngineTimedOut } from '../../../src/engine/engine';
import { runScorecardIsolated } from '../../../src/engine/scorecardIsolation';

/** An engine whose every query fails with `error`, counting the queries it was asked. */
function failingEngine(error: () => Error) {
  const asked: string[] = [];
  const engine = {
    query: async (sql: string) => {
      asked.push(sql);
      throw error();
    },
  } as unknown as Engine;
  return { engine, asked };
}

const compile = (ids: readonly string[]) =>
  ({
    sql: `SELECT ${ids.join(', ')}`,
    outputs: [],
    diagnostics: [],
    boundsSql: 'SELECT 1',
    lookbackDays: 0,
    dialect: 'duckdb',
  }) as unknown as CompiledScorecard;

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('a scorecard run stopped on purpose is not split KPI by KPI', () => {
  it.each([
    ['the time limit', () => new EngineTimedOut(30_000)],
    ['a Cancel', () => new EngineCancelled()],
  ])('%s ends the run after its first query', async (_, error) => {
    const { engine, asked } = failingEngine(error);
    await expect(runScorecardIsolated(engine, compile, IDS)).rejects.toThrow(error().message);
    // Split, eight KPIs would have cost fifteen queries, each up to the limit again.
    expect(asked).toHaveLength(1);
  });

  it('an engine refusal is still split down to the KPIs', async () => {
    const { engine, asked } = failingEngine(() => new Error('Binder Error: nope'));
    const run = await runScorecardIsolated(engine, compile, IDS);
    expect([...run.failed.keys()].sort()).toEqual(IDS);
    expect(asked.length).toBeGreaterThan(1);
  });
});
