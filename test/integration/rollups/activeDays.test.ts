import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRollups } from '../../../src/app/scorecard/rollups';
import { compileScorecard, type ScorecardRequest } from '../../../src/core/formula/compile';
import type { KpiDef, Schema } from '../../../src/core/formula/schema';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { runScorecard } from '../../../src/engine/scorecardRun';

/**
 * ACTIVE() counts by days in the grid and in the Total column alike, from the tables and
 * from the rollups: active at a period's first day P means started on or before P and
 * ended blank or after P, whatever the time of day, and a row that ends on or before the
 * day it starts is never active.
 */
const SCHEMA: Schema = {
  tables: [
    {
      name: 'subs',
      timeColumn: 'started_at',
      columns: [
        { name: 'started_at', kind: 'timestamp' },
        { name: 'ended_at', kind: 'timestamp' },
      ],
    },
  ],
  relationships: [],
};
const KPIS: KpiDef[] = [{ id: 'open', label: 'Open', formula: 'ACTIVE(subs.started_at, subs.ended_at)' }];

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`CREATE TABLE subs AS SELECT * FROM (VALUES
    -- a: starts on 1 January after midnight, never ends: active from January on
    (TIMESTAMP '2024-01-01 10:00:00', NULL),
    -- b: ends on 1 February in the morning: active in January only
    (TIMESTAMP '2023-12-15 00:00:00', TIMESTAMP '2024-02-01 08:00:00'),
    -- c: ends before it starts: never active
    (TIMESTAMP '2024-02-10 09:00:00', TIMESTAMP '2024-01-05 12:00:00'),
    -- d: active on 2 October 2023, the start of the range before
    (TIMESTAMP '2023-09-01 00:00:00', TIMESTAMP '2023-12-01 00:00:00'),
    -- e: ends the day it starts: never active
    (TIMESTAMP '2024-02-15 00:00:00', TIMESTAMP '2024-02-15 18:00:00')
  ) t(started_at, ended_at)`);
}, 60_000);
afterAll(async () => {
  await engine.close();
});

const base: ScorecardRequest = {
  kpis: KPIS,
  schema: SCHEMA,
  from: '2024-01-01',
  to: '2024-03-31',
  today: '2025-06-01',
  dialect: duckdb,
};

/** The scorecard's rows from the tables, then from rollups built for it: both, with the rolled SQL. */
async function bothWays(req: ScorecardRequest, token: string) {
  const rollups = createRollups();
  await rollups.build(engine, token, req);
  const rolled = compileScorecard({ ...req, rollups: rollups.readyFor(token) });
  const raw = await runScorecard(engine, compileScorecard(req));
  return { raw, rolled: await runScorecard(engine, rolled), sql: rolled.sql };
}

const shape = (rows: Awaited<ReturnType<typeof runScorecard>>) =>
  rows.map((r) => [r.range ?? r.periodStart, r.values.open]);

describe('ACTIVE() by days', () => {
  it('gives the same hand-computed counts per month and over the ranges, from tables and rollups', async () => {
    const { raw, rolled, sql } = await bothWays({ ...base, grain: 'month', totals: true }, 'month');
    // The range before is the 91 days ending 2023-12-31, from 2023-10-02; last year's from 2023-01-01.
    const expected = [
      ['2024-01-01', 2],
      ['2024-02-01', 1],
      ['2024-03-01', 1],
      ['last_year', 0],
      ['previous', 1],
      ['total', 2],
    ];
    expect(shape(raw)).toEqual(expected);
    expect(shape(rolled)).toEqual(expected);
    // Both the month's event block and the whole-range figures read the day table.
    expect(sql.match(/FROM "_rollup_\d+" AS r/g)?.length).toBe(2);
  });

  it('counts from the range start without a grain', async () => {
    const { raw, rolled, sql } = await bothWays({ ...base, grain: null }, 'none');
    expect(shape(raw)).toEqual([['2024-01-01', 2]]);
    expect(shape(rolled)).toEqual([['2024-01-01', 2]]);
    expect(sql).toContain('_rollup_');
  });
});
