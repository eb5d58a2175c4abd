import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedTable } from '../../../src/core/model/scorecardSchema';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { createScorecardStore } from '../../../src/state/scorecardStore';
import { thinText } from '../../../src/ui/scorecard/thinText';

/**
 * A change from a near-empty period reads n/a with the reason, not a huge percentage:
 * the bases come out of the same fused query as the values (compileBase.ts), per period,
 * per whole range and per segment.
 */
let engine: Engine;
const tables: LoadedTable[] = [
  {
    name: 'deals',
    columns: [
      { name: 'closed_at', kind: 'date' },
      { name: 'won', kind: 'boolean' },
      { name: 'region', kind: 'text' },
    ],
  },
];

beforeAll(async () => {
  engine = await createNodeEngine();
  // January: 2 deals (1 won). February: 30 deals, North 10 won of 15, South 2 won of 15.
  await engine.query(`CREATE TABLE deals AS
    SELECT DATE '2024-01-10' + CAST(i AS INTEGER) AS closed_at, i = 0 AS won, 'North' AS region FROM range(2) t(i)
    UNION ALL
    SELECT DATE '2024-02-01' + CAST(i % 28 AS INTEGER) AS closed_at, i < 10 AS won, 'North' AS region FROM range(15) t(i)
    UNION ALL
    SELECT DATE '2024-02-01' + CAST(i % 28 AS INTEGER) AS closed_at, i < 2 AS won, 'South' AS region FROM range(15) t(i)`);
}, 120_000);

afterAll(async () => {
  await engine.close();
});

function store() {
  return createScorecardStore({
    engine: async () => engine,
    tables: () => tables,
    today: () => '2026-01-15',
  });
}

describe('changes from too little data', () => {
  it('shows n/a with the reason when the previous period has 2 rows', async () => {
    setLocaleSettings({ locale: 'en' });
    const s = store();
    await s.getState().setRange('2024-01-01', '2024-02-29');
    const r = await s.getState().addKpi({
      label: 'Win rate',
      formula: 'COUNTIF(deals.won) / COUNTROWS(deals)',
    });
    const count = await s.getState().addKpi({ label: 'Deals', formula: 'COUNTROWS(deals)' });
    const rate = r.id as string;
    const st = s.getState();
    expect(st.periods.map((p) => p.label)).toEqual(['2024-01', '2024-02']);
    // January 1 of 2 = 50 %, February 12 of 30 = 40 %: a change of −10 points, from 2 deals.
    expect(st.series[rate]).toEqual([0.5, 0.4]);
    expect(st.bases[rate]).toEqual([2, 30]);
    const e = st.evaluations[rate];
    expect(e.value).toBeCloseTo(0.4, 12);
    expect(e.previous.base).toBe(0.5);
    expect(e.previous.change).toBeNull();
    expect(e.previous.thin).toEqual({ side: 'base', count: 2, min: 20 });
    expect(thinText(e.previous, 'previous', 'deals')).toBe(
      'The previous period has 2 rows of deals; changes need at least 20.',
    );
    // The count: 2 → 30 would read +1,400 %.
    const c = st.evaluations[count.id as string];
    expect(c.value).toBe(30);
    expect(c.previous.change).toBeNull();
    expect(c.previous.thin).toEqual({ side: 'base', count: 2, min: 20 });
  });

  it('carries the bases of whole ranges and of segments', async () => {
    const s = store();
    await s.getState().setRange('2024-02-01', '2024-02-29');
    const r = await s.getState().addKpi({
      label: 'Win rate',
      formula: 'COUNTIF(deals.won) / COUNTROWS(deals)',
    });
    const rate = r.id as string;
    // The range before February is January: 2 deals behind its 50 %.
    const total = s.getState().totals[rate];
    expect(total.value).toBeCloseTo(0.4, 12);
    expect(total.previous.base).toBe(0.5);
    expect(total.previous.thin).toEqual({ side: 'base', count: 2, min: 20 });
    await s.getState().setBreakdown('deals.region');
    const segments = s.getState().segments[rate];
    expect(segments.map((x) => [x.segment, x.value, x.base])).toEqual([
      ['North', 10 / 15, 15],
      ['South', 2 / 15, 15],
    ]);
  });
});
