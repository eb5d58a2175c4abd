import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTextValues } from '../../../src/app/scorecard/textValues';
import { monthsBack } from '../../../src/core/kpi/dateRange';
import { parseKpiFigure } from '../../../src/core/kpi/kpiFigure';
import type { LoadedTable } from '../../../src/core/model/scorecardSchema';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { idFromLabel } from '../../../src/state/scorecardEdits';
import { createScorecardStore } from '../../../src/state/scorecardStore';

/**
 * The store on the Node engine with two small canonical tables: what refresh
 * computes, that stale runs are dropped, and that edits needing no data do not query.
 */
let engine: Engine;
let queries = 0;
const sqls: string[] = [];
const counting: Engine = {
  query: (sql) => {
    queries++;
    sqls.push(sql);
    return engine.query(sql);
  },
  cancel: () => engine.cancel(),
  tokenize: (s) => engine.tokenize(s),
  registerFile: (n, b) => engine.registerFile(n, b),
  dropFile: (n) => engine.dropFile(n),
  insertArrowIPC: (t, i) => engine.insertArrowIPC(t, i),
  loadParquet: () => engine.loadParquet(),
  close: () => engine.close(),
};

const TABLES: LoadedTable[] = [
  {
    name: 'customers',
    columns: [
      { name: 'customer_id', kind: 'text' },
      { name: 'created_at', kind: 'date' },
      { name: 'churned_at', kind: 'date' },
      { name: 'segment', kind: 'text' },
    ],
  },
  {
    name: 'deals',
    columns: [
      { name: 'deal_id', kind: 'text' },
      { name: 'created_at', kind: 'date' },
      { name: 'stage', kind: 'text' },
      { name: 'amount', kind: 'number' },
      { name: 'closed_at', kind: 'date' },
      { name: 'won', kind: 'boolean' },
      { name: 'customer_id', kind: 'text' },
    ],
  },
];

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`CREATE TABLE customers AS SELECT * FROM (VALUES
    ('c1', DATE '2023-01-05', NULL::DATE, 'SMB'),
    ('c2', DATE '2023-02-10', DATE '2024-03-15', 'Enterprise'),
    ('c3', DATE '2023-06-01', NULL::DATE, 'SMB'),
    ('c4', DATE '2024-03-31', NULL::DATE, 'SMB')) t(customer_id, created_at, churned_at, segment)`);
  await engine.query(`CREATE TABLE deals AS SELECT * FROM (VALUES
    ('d1', DATE '2024-01-03', 'Closed Won', 100.0, DATE '2024-03-02', true, 'c1'),
    ('d2', DATE '2024-01-09', 'Closed Lost', 50.0, DATE '2024-03-20', false, 'c2'),
    ('d3', DATE '2024-02-01', 'Closed Won', 300.0, DATE '2024-03-28', true, 'c2'),
    ('d4', DATE '2023-02-01', 'Closed Won', 80.0, DATE '2023-03-10', true, 'c3'))
    t(deal_id, created_at, stage, amount, closed_at, won, customer_id)`);
});

afterAll(() => engine?.close());

function store() {
  return createScorecardStore({
    engine: async () => counting,
    tables: () => TABLES,
    today: () => '2024-04-01',
  });
}

/** A store that reuses results: its data is named by `dataKey`. */
function caching(dataKey: () => string, prefetch = false) {
  return createScorecardStore({
    engine: async () => counting,
    tables: () => TABLES,
    today: () => '2024-04-01',
    dataKey,
    prefetch,
  });
}

/** Queries that compute a scorecard (not its range or calendar). */
const scorecardQueries = () => sqls.filter((q) => q.includes('spine_periods'));

/** Waits until the store's background work stops sending queries. */
async function quiet() {
  let last = -1;
  while (last !== queries) {
    last = queries;
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('scorecard results cache', () => {
  it('keeps nothing with the workbook before a refresh has painted, then only the frames it read', async () => {
    const s = caching(() => 'v1');
    await s.getState().refresh();
    expect(
      s
        .getState()
        .results()
        ?.cache.frames.map((f) => f.key.grain),
    ).toContain('month');
    // What autosave (src/state/autosave.ts) would write after each change of the store, in a
    // microtask, while the grain switches: [the periods shown, the frames kept] or null.
    const kept: ([number, string[]] | null)[] = [];
    const off = s.subscribe(() =>
      queueMicrotask(() => {
        const r = s.getState().results();
        kept.push(r === null ? null : [r.view.periods.length, r.cache.frames.map((f) => f.key.grain)]);
      }),
    );
    await s.getState().setGrain('quarter');
    off();
    // The change that paints the grid keeps nothing: the copy into IndexedDB would delay the paint.
    expect(s.getState().periods.at(-1)?.label).toBe('2024-Q1');
    const painted = s.getState().periods.length;
    expect(kept.slice(0, 3)).toEqual([null, null, null]);
    expect(kept.at(-1)).toEqual([painted, expect.arrayContaining(['quarter'])]);
    // Once painted, the quarter's frames alone: the month's stay in the cache, not in the kept copy.
    const frames = s.getState().results()?.cache.frames ?? [];
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.map((f) => f.key.grain)).toEqual(frames.map(() => 'quarter'));
    expect(s.getState().results()?.view.periods.at(-1)?.label).toBe('2024-Q1');
  }, 30_000);

  it('runs no query when nothing that decides the numbers changed', async () => {
    const s = caching(() => 'v1');
    await s.getState().refresh();
    const before = queries;
    await s.getState().refresh();
    s.getState().setLabel('win_rate', 'Hit rate');
    await s.getState().refresh();
    expect(queries).toBe(before);
  }, 30_000);

  it('re-queries only the KPI an edit touches, and its numbers match a fresh run', async () => {
    const s = caching(() => 'v1');
    await s.getState().refresh();
    sqls.length = 0;
    await s.getState().setFormula('win_rate', 'COUNT(deals.deal_id)');
    const runs = scorecardQueries();
    expect(runs).toHaveLength(1);
    // The deals KPI alone: no customers aggregate is computed again.
    expect(runs[0]).toContain('FROM "deals"');
    expect(runs[0]).not.toContain('FROM "customers"');
    const fresh = store();
    await fresh.getState().refresh();
    await fresh.getState().setFormula('win_rate', 'COUNT(deals.deal_id)');
    expect(s.getState().series).toEqual(fresh.getState().series);
    expect(s.getState().series.win_rate?.at(-1)).toBe(3);
  }, 30_000);

  it('gives a grain seen before back without a query, and re-queries when the data changes', async () => {
    let version = 'v1';
    const s = caching(() => version);
    await s.getState().refresh();
    const month = s.getState().series;
    await s.getState().setGrain('quarter');
    const before = queries;
    await s.getState().setGrain('month');
    expect(queries).toBe(before);
    expect(s.getState().series).toEqual(month);
    version = 'v2';
    await s.getState().refresh();
    expect(scorecardQueries().length).toBeGreaterThan(0);
    expect(queries).toBeGreaterThan(before);
  }, 30_000);

  it('computes the other grains ahead, so switching to one needs no query', async () => {
    const s = caching(() => 'ahead', true);
    await s.getState().refresh();
    await quiet();
    const before = queries;
    await s.getState().setGrain('quarter');
    expect(queries).toBe(before);
    const fresh = store();
    await fresh.getState().refresh();
    await fresh.getState().setGrain('quarter');
    expect(s.getState().periods).toEqual(fresh.getState().periods);
    expect(s.getState().series).toEqual(fresh.getState().series);
    await quiet();
  }, 60_000);
});

describe('scorecard store', () => {
  it('computes every available catalog KPI in one refresh and lists the others with a reason', async () => {
    const s = store();
    await s.getState().refresh();
    const st = s.getState();
    expect(st.status).toBe('ready');
    expect(st.kpis.some((k) => k.id === 'win_rate')).toBe(true);
    const nps = st.unavailable.find((u) => u.kpi.id === 'nps');
    expect(nps?.reason).toContain('surveys.nps');
    expect(nps?.missing).toContain('surveys.nps');
    // The data ends on 2024-03-31, so March is the last complete month.
    expect(st.periods.at(-1)?.label).toBe('2024-03');
    // March 2024: three deals closed, two won.
    expect(st.series.win_rate?.at(-1)).toBeCloseTo(2 / 3);
    expect(st.evaluations.win_rate?.value).toBeCloseTo(2 / 3);
  }, 30_000);

  it('re-evaluates a target without a query', async () => {
    const s = store();
    await s.getState().refresh();
    const before = queries;
    s.getState().setTarget('win_rate', 0.9);
    expect(queries).toBe(before);
    expect(s.getState().evaluations.win_rate?.target.base).toBe(0.9);
    expect(s.getState().evaluations.win_rate?.status).toBe('warning');
  }, 30_000);

  it('drops a stale run when a newer one starts', async () => {
    const s = store();
    await s.getState().refresh();
    const a = s.getState().setGrain('quarter');
    const b = s.getState().setGrain('year');
    await Promise.all([a, b]);
    // 2024 is not over in the data: without a range the last complete year is shown.
    expect(s.getState().periods.at(-1)?.label).toBe('2023');
  }, 30_000);

  it('leaves out a last period the data has not finished', async () => {
    const s = store();
    await s.getState().refresh();
    await s.getState().setGrain('quarter');
    expect(s.getState().periods.at(-1)?.label).toBe('2024-Q1');
    await s.getState().setRange(null, '2024-03-15');
    expect(s.getState().periods.at(-1)?.label).toBe('2024-Q1');
  }, 30_000);

  it('keeps an invalid formula as a draft and the previous results', async () => {
    const s = store();
    await s.getState().refresh();
    const before = s.getState().series.win_rate;
    const diags = await s
      .getState()
      .setFormula('win_rate', 'DIVIDE(COUNTIF(deals.wn), COUNT(deals.deal_id))');
    expect(diags[0]?.message).toContain('did you mean `won`');
    expect(s.getState().drafts.win_rate?.diagnostics.length).toBeGreaterThan(0);
    expect(s.getState().series.win_rate).toEqual(before);
    await s.getState().setFormula('win_rate', 'COUNT(deals.deal_id)');
    expect(s.getState().drafts.win_rate).toBeUndefined();
    expect(s.getState().series.win_rate?.at(-1)).toBe(3);
  }, 30_000);

  it('breaks the latest period down by customers.segment, best first', async () => {
    const s = store();
    await s.getState().refresh();
    await s.getState().setBreakdown('customers.segment');
    const won = s.getState().segments.won_amount ?? s.getState().segments.deals_won;
    expect(won?.map((x) => x.segment)).toEqual(['Enterprise', 'SMB']);
    // The grid is painted before the breakdown, which follows in a second step.
    const seen: string[] = [];
    const off = s.subscribe((st) => seen.push(`${st.status}:${st.segmentsPending}`));
    await s.getState().setGrain('quarter');
    off();
    expect(seen).toContain('ready:true');
    expect(seen.at(-1)).toBe('ready:false');
    expect(seen.indexOf('ready:true')).toBeLessThan(seen.lastIndexOf('ready:false'));
    expect(s.getState().segments.win_rate?.length).toBe(2);
  }, 30_000);

  it('adds a KPI the user writes, or says where it is wrong', async () => {
    const s = store();
    await s.getState().refresh();
    const bad = await s.getState().addKpi({ label: 'Big deals', formula: 'COUNTIF(deals.amont > 90)' });
    expect(bad.id).toBeNull();
    expect(bad.diagnostics[0]?.span.start).toBe(8);
    const ok = await s.getState().addKpi({ label: 'Big deals', formula: 'COUNTIF(deals.amount > 90)' });
    expect(ok.id).toBe('big_deals');
    expect(s.getState().series.big_deals?.at(-1)).toBe(2);
  }, 30_000);
});

describe('one percent convention (issue 14)', () => {
  it('makes a rate of two counts a custom % KPI, with the direction asked', async () => {
    const s = store();
    await s.getState().refresh();
    const r = await s.getState().addKpi({
      label: 'My win rate',
      formula: 'COUNTIF(deals.won) / COUNT(deals.deal_id)',
      direction: 'down',
    });
    expect(r.id).toBe('my_win_rate');
    const k = s.getState().kpis.find((x) => x.id === 'my_win_rate');
    expect(k).toMatchObject({ unit: '%', format: 'percent', family: 'custom', direction: 'down' });
    const plain = await s.getState().addKpi({ label: 'Deal sum', formula: 'SUM(deals.amount)' });
    expect(s.getState().kpis.find((x) => x.id === plain.id)).toMatchObject({
      unit: 'count',
      format: 'number',
      family: 'custom',
      direction: 'up',
    });
  }, 30_000);

  it('judges a target typed as 35 on a % KPI against 0.35, computed on DuckDB', async () => {
    const s = store();
    await s.getState().setGrain('quarter');
    const r = await s.getState().addKpi({
      label: 'Won share',
      formula: 'COUNTIF(deals.won) / COUNT(deals.deal_id)',
      direction: 'up',
    });
    const id = r.id ?? '';
    const k = s.getState().kpis.find((x) => x.id === id);
    if (k === undefined) throw new Error('not added');
    // 2024-Q1: d1, d2, d3 created, two of them won.
    const value = s.getState().evaluations[id]?.value;
    expect(value).toBeCloseTo(2 / 3, 10);
    const typed = parseKpiFigure('35', k.unit);
    if (!typed.ok) throw new Error('refused');
    s.getState().setTarget(id, typed.value);
    let e = s.getState().evaluations[id];
    expect(e?.target.base).toBe(0.35);
    expect(e?.target.change).toBeCloseTo(2 / 3 - 0.35, 10);
    expect(e?.status).toBe('good');
    const high = parseKpiFigure('۹۰٪', k.unit);
    if (!high.ok) throw new Error('refused');
    s.getState().setTarget(id, high.value);
    e = s.getState().evaluations[id];
    expect(e?.target.base).toBe(0.9);
    expect(e?.status).not.toBe('good');
  }, 30_000);

  it('rescales figures typed on the plain scale when a KPI switches to %', async () => {
    const s = store();
    await s.getState().refresh();
    const r = await s.getState().addKpi({ label: 'Share', formula: 'SUM(deals.amount) / SUM(deals.amount)' });
    const id = r.id ?? '';
    s.getState().setTarget(id, 35);
    s.getState().setThresholds(id, { warning: 0.2, critical: 10 });
    s.getState().setUnit(id, '%');
    expect(s.getState().kpis.find((x) => x.id === id)).toMatchObject({
      unit: '%',
      format: 'percent',
      target: 0.35,
      thresholds: { warning: 0.2, critical: 0.1 },
    });
    s.getState().setUnit(id, 'ratio');
    expect(s.getState().kpis.find((x) => x.id === id)).toMatchObject({ format: 'number', target: 0.35 });
  }, 30_000);
});

describe('text comparisons that match nothing (issue 14)', () => {
  it('learns a compared column\'s values from DuckDB and warns at "closed lost", suggesting "Closed Lost"', async () => {
    const s = createScorecardStore({
      engine: async () => counting,
      tables: () => TABLES,
      today: () => '2024-04-01',
      textValues: createTextValues(),
    });
    const formula = 'COUNTIF(deals.stage = "closed lost")';
    const r = await s.getState().addKpi({ label: 'Lost deals', formula, direction: 'down' });
    const id = r.id ?? '';
    const [w, ...rest] = (s.getState().diagnostics[id] ?? []).filter((d) => d.code === 'text-no-match');
    expect(rest).toEqual([]);
    expect(w?.severity).toBe('warning');
    expect(formula.slice(w?.span.start, w?.span.end)).toBe('"closed lost"');
    expect(w?.message).toContain('did you mean “Closed Lost”?');
    // A warning, not an error: the KPI computes (to 0, which is what the warning is about).
    expect(s.getState().series[id]?.every((v) => v === 0 || v === null)).toBe(true);
    // The values are known now: a draft is warned at once, with no run.
    const now = await s.getState().setFormula(id, 'COUNTIF(deals.stage = "Closed Won")');
    expect(now.filter((d) => d.code === 'text-no-match')).toEqual([]);
    const typo = await s.getState().setFormula(id, 'COUNTIF(deals.stage IN ("Closed Wno"))');
    expect(typo.map((d) => d.code)).toContain('text-no-match');
  }, 30_000);
});

describe('helpers', () => {
  it('starts a 36-month window on the first of the month', () => {
    expect(monthsBack('2025-12-17', 36)).toBe('2023-01-01');
  });
  it('makes ids from labels', () => {
    expect(idFromLabel('Win rate (EMEA)', new Set(['win_rate_emea']))).toBe('win_rate_emea_2');
  });
});
