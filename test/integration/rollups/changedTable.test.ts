import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRollups } from '../../../src/app/scorecard/rollups';
import { compileScorecard, type ScorecardRequest } from '../../../src/core/formula/compile';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { plainColumn } from '../../../src/engine/rows';
import { runScorecard } from '../../../src/engine/scorecardRun';
import { KPIS, loadSales, SCHEMA } from './salesFixture';

/** A rollup belongs to the contents it was built from: a new contents token never reads it. */
let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(
    `CREATE TABLE customers AS SELECT * FROM (VALUES (1, 'A'), (2, 'B')) t(customer_id, segment)`,
  );
});
afterAll(async () => {
  await engine.close();
});

const req: ScorecardRequest = {
  dialect: duckdb,
  kpis: KPIS,
  schema: SCHEMA,
  grain: 'month',
  today: '2025-06-01',
};

/** SUM(sales.amount) per month start, from a compile reading `rollups`. */
async function totals(rollups: ReadonlyMap<string, string>): Promise<Record<string, unknown>> {
  const compiled = compileScorecard({ ...req, rollups });
  const rows = await runScorecard(engine, compiled);
  return Object.fromEntries(rows.map((r) => [r.periodStart, r.values.total]));
}

async function tableExists(name: string): Promise<boolean> {
  const t = await engine.query(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '${name}'`,
  );
  return plainColumn(t, 'n')[0] === 1;
}

describe('rollups of changed data', () => {
  it('are not read for a new contents token, and are dropped when its rollups are built', async () => {
    const rollups = createRollups();
    await loadSales(engine, [
      { day: 0, amount: 10, stage: 'Won', customer: 1 },
      { day: 40, amount: 5, stage: 'Lost', customer: 2 },
    ]);
    await rollups.build(engine, 'token A', req);
    const first = rollups.readyFor('token A');
    expect(first.size).toBeGreaterThan(0);
    expect(await totals(first)).toEqual({ '2023-01-01': 10, '2023-02-01': 5 });
    const oldTables = [...first.values()];

    // The table is edited: the store names its contents anew.
    await loadSales(engine, [
      { day: 0, amount: 7, stage: 'Won', customer: 1 },
      { day: 40, amount: 1, stage: 'Lost', customer: 2 },
    ]);
    const none = rollups.readyFor('token B');
    expect(none.size).toBe(0);
    expect(compileScorecard({ ...req, rollups: none }).sql).not.toContain('_rollup_');
    expect(await totals(none)).toEqual({ '2023-01-01': 7, '2023-02-01': 1 });

    await rollups.build(engine, 'token B', req);
    expect(rollups.readyFor('token A').size).toBe(0);
    for (const t of oldTables) expect(await tableExists(t)).toBe(false);
    const second = rollups.readyFor('token B');
    expect([...second.values()].some((t) => oldTables.includes(t))).toBe(false);
    expect(compileScorecard({ ...req, rollups: second }).sql).toContain('_rollup_');
    expect(await totals(second)).toEqual({ '2023-01-01': 7, '2023-02-01': 1 });
  });

  it('of an edited KPI are never read for it: a rollup answers only the definitions it was built from', async () => {
    const rollups = createRollups();
    await loadSales(engine, [
      { day: 0, amount: 10, stage: 'Won', customer: 1 },
      { day: 1, amount: 4, stage: 'Won', customer: 1 },
      { day: 40, amount: 5, stage: 'Lost', customer: 2 },
    ]);
    await rollups.build(engine, 'token C', req);
    const ready = rollups.readyFor('token C');
    // The same data token: the KPIs are edited, not the tables.
    const edit = (id: string, formula: string, filter?: string) => {
      const k = KPIS.find((x) => x.id === id);
      if (k === undefined) throw new Error(id);
      return { ...k, formula, filter };
    };
    const edited: ScorecardRequest = {
      ...req,
      kpis: [
        edit('total', 'SUM(sales.amount * 2)'),
        edit('buyers', 'COUNTD(sales.customer_id)', 'sales.stage = "Lost"'),
      ],
    };
    const rolled = compileScorecard({ ...edited, rollups: ready });
    expect(rolled.sql).not.toContain('_rollup_');
    const byMonth = (rows: Awaited<ReturnType<typeof runScorecard>>) =>
      Object.fromEntries(rows.map((r) => [r.periodStart, [r.values.total, r.values.buyers]]));
    expect(byMonth(await runScorecard(engine, rolled))).toEqual({
      '2023-01-01': [28, 0],
      '2023-02-01': [10, 1],
    });
  });
});
