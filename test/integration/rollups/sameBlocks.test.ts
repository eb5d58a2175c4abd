import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRollups } from '../../../src/app/scorecard/rollups';
import { compileScorecard, type ScorecardRequest } from '../../../src/core/formula/compile';
import type { KpiDef } from '../../../src/core/formula/schema';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { runScorecard } from '../../../src/engine/scorecardRun';
import { loadSales, KPIS as SALES_KPIS, SCHEMA } from './salesFixture';

/**
 * Two KPIs with the same ACTIVE() call give two blocks with the same SQL; the second reads
 * the first one's CTE (compile.ts), so the engine plans that work once. Each still has
 * its own numbers, the hand-counted ones, from the table and from the rollups.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`CREATE TABLE customers AS SELECT * FROM (VALUES (1, 'A')) t(customer_id, segment)`);
  await loadSales(engine, [
    // 2023-01-01, open: active from January on.
    { day: 0, amount: 1, stage: 'Won', customer: 1, lasts: null },
    // 2023-01-11 to 2023-02-20: counted from February 1, gone on March 1.
    { day: 10, amount: 1, stage: 'Won', customer: 1, lasts: 40 },
    // 2023-02-15 to 2023-05-26: counted from March 1, gone on June 1.
    { day: 45, amount: 1, stage: 'Lost', customer: 1, lasts: 100 },
  ]);
});
afterAll(async () => {
  await engine.close();
});

const open = SALES_KPIS.filter((k) => k.id === 'open' || k.id === 'open_won');
const KPIS: KpiDef[] = [...open, { ...open[0], id: 'open_again', label: 'Open again' }];

const REQ: ScorecardRequest = {
  dialect: duckdb,
  kpis: KPIS,
  schema: SCHEMA,
  grain: 'month',
  from: '2023-01-01',
  to: '2023-06-30',
  today: '2025-06-01',
};

/** Per month, January to June, counted by hand from the three sales above. */
const OPEN = [1, 2, 2, 2, 2, 1];
const OPEN_WON = [1, 2, 1, 1, 1, 1];

describe('blocks with the same SQL', () => {
  it('share one CTE and keep their numbers, from the table and from the rollups', async () => {
    const rollups = createRollups();
    await rollups.build(engine, 'sales 1', REQ);
    for (const req of [REQ, { ...REQ, rollups: rollups.readyFor('sales 1') }]) {
      const c = compileScorecard(req);
      // The second ACTIVE(sales.sold_at, sales.ended_at) block reads the first's; the filtered one is its own.
      expect(c.sql.match(/AS \(\nSELECT \* FROM "e\d+"\n\)/g)).toHaveLength(1);
      const rows = await runScorecard(engine, c);
      const col = (id: string) => rows.map((r) => r.values[id]);
      expect(col('open')).toEqual(OPEN);
      expect(col('open_again')).toEqual(OPEN);
      expect(col('open_won')).toEqual(OPEN_WON);
    }
  }, 60_000);
});
