import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScorecard } from '../../../src/core/formula/compile';
import type { KpiDef, Schema } from '../../../src/core/formula/schema';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { wrapping } from '../../../src/engine/engineRoot';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { keptStatements } from '../../../src/engine/preparedRange';
import { runScorecard } from '../../../src/engine/scorecardRun';

/**
 * A scorecard's query is prepared once with its range as parameters, and each new range
 * executes it (src/engine/preparedRange.ts). Six won deals, one a month from January to
 * June 2024 (amounts 1, 2, 4, 8, 16, 32): each range's sums are counted by hand.
 */
let inner: Engine;

const schema: Schema = {
  tables: [
    {
      name: 'deals',
      timeColumn: 'closed_at',
      columns: [
        { name: 'deal_id', kind: 'number' },
        { name: 'closed_at', kind: 'date' },
        { name: 'amount', kind: 'number' },
      ],
    },
  ],
  relationships: [],
};

const KPIS: KpiDef[] = [
  { id: 'amount', label: 'Amount', formula: 'SUM(deals.amount)' },
  // A date of the user's own that equals one range's start: it must stay this date in every range.
  {
    id: 'since_march',
    label: 'Deals closed since March',
    formula: 'COUNTIF(deals.closed_at >= DATE("2024-03-01"))',
  },
];

beforeAll(async () => {
  inner = await createNodeEngine();
  await inner.query(`CREATE TABLE deals AS SELECT * FROM (VALUES
    (1, DATE '2024-01-10', 1.0), (2, DATE '2024-02-10', 2.0), (3, DATE '2024-03-10', 4.0),
    (4, DATE '2024-04-10', 8.0), (5, DATE '2024-05-10', 16.0), (6, DATE '2024-06-10', 32.0)
  ) t(deal_id, closed_at, amount)`);
});

afterAll(async () => {
  await inner.close();
});

/** `engine`'s queries as they are sent, through a wrapper that runs them on it. */
function spying(engine: Engine, asKept = true) {
  const sent: string[] = [];
  const spy: Engine = {
    ...engine,
    query: (sql, options) => {
      sent.push(sql);
      return engine.query(sql, options);
    },
  };
  // Registered as a wrapper, the spy's database is the engine's (and keeps its statements);
  // not registered, it is an engine of its own, one that says nothing of keeping them.
  return { engine: asKept ? wrapping(spy, engine) : spy, sent };
}

const compile = (from: string, to: string) =>
  compileScorecard({ dialect: duckdb, kpis: KPIS, schema, grain: 'month', from, to, totals: true });

const totals = async (engine: Engine, from: string, to: string) => {
  const rows = await runScorecard(engine, compile(from, to));
  const total = rows.find((r) => r.range === 'total');
  return [total?.values.amount, total?.values.since_march, rows.filter((r) => r.range === null).length];
};

describe('a scorecard query prepared once for every range', () => {
  it('plans once and gives each range its own numbers, the user’s own dates unchanged', async () => {
    const { engine, sent } = spying(inner);
    // January–March: 1 + 2 + 4; one deal on or after 1 March. April–June: 8 + 16 + 32; all three.
    expect(await totals(engine, '2024-01-01', '2024-03-31')).toEqual([7, 1, 3]);
    expect(await totals(engine, '2024-04-01', '2024-06-30')).toEqual([56, 3, 3]);
    // From the user's own date on: 4 + 8 + 16 + 32 over four months, each deal counted.
    expect(await totals(engine, '2024-03-01', '2024-06-30')).toEqual([60, 4, 4]);
    expect(sent.filter((s) => s.startsWith('PREPARE')).length).toBe(1);
    expect(sent.filter((s) => s.startsWith('EXECUTE')).length).toBe(3);
  });

  it('prepares again when the engine lost the statement, and keeps a bounded number', async () => {
    const { engine, sent } = spying(inner);
    expect(await totals(engine, '2024-01-01', '2024-02-29')).toEqual([3, 0, 2]);
    // Prepared by the test before (the same KPIs and grain): executed, not prepared again.
    expect(sent.filter((s) => s.startsWith('PREPARE'))).toEqual([]);
    const prepared = /^EXECUTE (shakhes_range_\d+)\(/.exec(
      sent.find((s) => s.startsWith('EXECUTE')) ?? '',
    )?.[1];
    expect(prepared).toBeDefined();
    await inner.query(`DEALLOCATE ${prepared}`);
    expect(await totals(engine, '2024-05-01', '2024-06-30')).toEqual([48, 2, 2]);
    expect(sent.filter((s) => s.startsWith('PREPARE'))).toHaveLength(1);
    expect(keptStatements(engine)).toBeGreaterThan(0);
    expect(keptStatements(engine)).toBeLessThanOrEqual(64);
  });

  it('sends the dates written in to an engine that does not keep statements', async () => {
    const { engine, sent } = spying(inner, false);
    expect(await totals(engine, '2024-01-01', '2024-03-31')).toEqual([7, 1, 3]);
    expect(sent.some((s) => s.startsWith('PREPARE') || s.startsWith('EXECUTE'))).toBe(false);
    expect(sent.some((s) => s.includes("DATE '2024-01-01'"))).toBe(true);
  });
});
