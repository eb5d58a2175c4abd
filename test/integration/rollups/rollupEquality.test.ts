import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRollups } from '../../../src/app/scorecard/rollups';
import { compileScorecard, type ScorecardRequest } from '../../../src/core/formula/compile';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { runScorecard, type ScorecardRow } from '../../../src/engine/scorecardRun';
import { iso, KPIS, loadSales, SCHEMA } from './salesFixture';

/**
 * A scorecard read from day-level rollups gives the numbers the raw table gives, for
 * random tables, ranges, grains and calendars: counts exactly, everything else within
 * 1e-12 relative, blanks where the raw query has blanks.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`CREATE TABLE customers AS SELECT * FROM (VALUES
    (1, 'A'), (2, 'B'), (3, 'A'), (4, NULL)) t(customer_id, segment)`);
});
afterAll(async () => {
  await engine.close();
});

/** KPIs whose values are counts (or ratios of counts): equal exactly. */
const EXACT = new Set(['cnt', 'rows', 'won', 'win_rate', 'buyers', 'won_buyers', 'open', 'open_won']);

const saleArb = fc.record({
  day: fc.option(fc.integer({ min: 0, max: 800 }), { freq: 12 }),
  // Quarters: sums of them are exact in doubles, so only the merge order could differ.
  amount: fc.option(
    fc.integer({ min: -400, max: 4000 }).map((n) => n / 4),
    { freq: 6 },
  ),
  stage: fc.constantFrom('Won', 'Lost', null),
  customer: fc.integer({ min: 1, max: 5 }),
  // Some end before they start, or on the day they start: never active.
  lasts: fc.option(fc.integer({ min: -60, max: 400 }), { freq: 3 }),
});

const requestArb = fc.record({
  grain: fc.constantFrom(null, 'day', 'week', 'month', 'quarter', 'year'),
  calendar: fc.constantFrom('gregorian', 'jalali'),
  from: fc.option(fc.integer({ min: -30, max: 820 }), { freq: 2 }),
  length: fc.option(fc.integer({ min: 0, max: 500 }), { freq: 2 }),
  totals: fc.boolean(),
});

function expectSameRows(raw: ScorecardRow[], rolled: ScorecardRow[]): void {
  expect(rolled.map((r) => [r.periodStart, r.range])).toEqual(raw.map((r) => [r.periodStart, r.range]));
  raw.forEach((row, i) => {
    for (const k of KPIS) {
      const [a, b] = [row.values[k.id], rolled[i].values[k.id]];
      const where = `${k.id} at ${row.periodStart} ${row.range ?? ''}`;
      if (typeof a !== 'number' || typeof b !== 'number' || EXACT.has(k.id)) {
        expect(b, where).toEqual(a);
        continue;
      }
      expect(Math.abs(a - b), where).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(a), Math.abs(b)));
    }
    expect(rolled[i].bases, 'bases').toEqual(row.bases);
  });
}

describe('rollups', () => {
  it('answer any range, grain and calendar as the raw table does', async () => {
    const rollups = createRollups();
    let token = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(saleArb, { minLength: 0, maxLength: 60 }), requestArb, async (sales, r) => {
        await loadSales(engine, sales);
        const req: ScorecardRequest = {
          dialect: duckdb,
          kpis: KPIS,
          schema: SCHEMA,
          grain: r.grain,
          calendar: r.calendar,
          from: r.from === null ? undefined : iso(r.from),
          to: r.from === null || r.length === null ? undefined : iso(r.from + r.length),
          totals: r.totals,
          today: '2025-06-01',
        };
        const data = `data ${++token}`;
        await rollups.build(engine, data, req);
        const ready = rollups.readyFor(data);
        expect(ready.size).toBeGreaterThan(0);
        const rolled = compileScorecard({ ...req, rollups: ready });
        // The rollup is read (not only built), and the raw query reads none.
        expect(rolled.sql).toContain('_rollup_');
        const raw = compileScorecard(req);
        expect(raw.sql).not.toContain('_rollup_');
        expectSameRows(await runScorecard(engine, raw), await runScorecard(engine, rolled));
      }),
      { numRuns: 50 },
    );
  }, 300_000);
});
