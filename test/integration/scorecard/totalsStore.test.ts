import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedTable } from '../../../src/core/model/scorecardSchema';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createScorecardStore } from '../../../src/state/scorecardStore';

/**
 * The whole-range figure as the scorecard store gives it: on the published real-data
 * figures (../shared/real-data/README.md), and on a table whose dates lie far from the
 * others', where the default range and the "no data in range" reason are decided.
 */
let engine: Engine;
const REAL = new URL('../../../../shared/real-data/', import.meta.url);
const tables: LoadedTable[] = [];

async function load(file: string, table: string) {
  const r = await importFile(engine, { name: file, bytes: readFileSync(new URL(file, REAL)) }, { table });
  tables.push({ name: r.table, columns: r.columns });
}

beforeAll(async () => {
  engine = await createNodeEngine();
  await load('Telco-Customer-Churn.csv', 'telco');
  await load('WA_Fn-UseC_-HR-Employee-Attrition.csv', 'hr');
  // Two dated tables with nothing in common: old web visits (2015) and recent sign-ups (2024).
  await engine.query(`CREATE TABLE visits AS SELECT * FROM (VALUES
    (DATE '2015-03-02', 10.0), (DATE '2015-06-30', 30.0)) t(day, n)`);
  await engine.query(`CREATE TABLE signups AS SELECT * FROM (VALUES
    (DATE '2024-02-10', 1), (DATE '2024-05-20', 2), (DATE '2024-07-04', 3)) t(day, id)`);
  for (const name of ['visits', 'signups'])
    tables.push({
      name,
      columns: [
        { name: 'day', kind: 'date' },
        { name: name === 'visits' ? 'n' : 'id', kind: 'number' },
      ],
    });
}, 120_000);

afterAll(async () => {
  await engine.close();
});

function store(only: readonly string[]) {
  return createScorecardStore({
    engine: async () => engine,
    tables: () => tables.filter((t) => only.includes(t.name)),
    today: () => '2026-01-15',
  });
}

async function added(s: ReturnType<typeof store>, label: string, formula: string): Promise<string> {
  const r = await s.getState().addKpi({ label, formula });
  expect(r.diagnostics, formula).toEqual([]);
  return r.id as string;
}

describe('whole-range figures in the scorecard store', () => {
  it('reads the published Telco churn share and HR attrition off the Total', async () => {
    const s = store(['telco', 'hr']);
    await s.getState().refresh();
    const churn = await added(s, 'Churn share', 'COUNTIF(telco.Churn = "Yes") / COUNTROWS(telco)');
    const churned = await added(s, 'Churned', 'COUNTIF(telco.Churn = "Yes")');
    const attrition = await added(s, 'Attrition', 'COUNTIF(hr.Attrition = "Yes") / COUNTROWS(hr)');
    const sales = await added(
      s,
      'Sales attrition',
      'COUNTIF(hr.Attrition = "Yes" AND hr.Department = "Sales") / COUNTIF(hr.Department = "Sales")',
    );
    const department = (name: string) =>
      added(
        s,
        `${name} attrition`,
        `COUNTIF(hr.Attrition = "Yes" AND hr.Department = "${name}") / COUNTIF(hr.Department = "${name}")`,
      );
    const people = await department('Human Resources');
    const research = await department('Research & Development');
    const { totals, series } = s.getState();
    // Published: 1,869 / 7,043 = 26.54 %; 237 / 1,470 = 16.12 %; Sales 20.6 %,
    // Human Resources 19.0 % (12 / 63), Research & Development 13.8 % (133 / 961).
    expect(totals[churned].value).toBe(1869);
    expect(((totals[churn].value as number) * 100).toFixed(2)).toBe('26.54');
    expect(((totals[attrition].value as number) * 100).toFixed(2)).toBe('16.12');
    expect(((totals[sales].value as number) * 100).toFixed(1)).toBe('20.6');
    expect(((totals[people].value as number) * 100).toFixed(1)).toBe('19.0');
    expect(((totals[research].value as number) * 100).toFixed(1)).toBe('13.8');
    // Snapshots: a Total, no periods, nothing earlier to compare with.
    expect(totals[churn].dated).toBe(false);
    expect(series[churn].every((v) => v === null)).toBe(true);
    expect(totals[churn].previous.base).toBeNull();
    expect(totals[churn].outside).toBeNull();
  });

  it('fits the default range to the tables in use, and says where a KPI with no data in range has its dates', async () => {
    const s = store(['visits', 'signups']);
    await s.getState().refresh();
    const signups = await added(s, 'Sign-ups', 'COUNTROWS(signups)');
    // Only sign-ups in use: the range is their first to last date, not 36 months.
    expect(s.getState().range).toEqual({ from: '2024-02-10', to: '2024-07-04' });
    // July is not over in the data, so it is no period yet; the Total still counts its sign-up.
    expect(s.getState().periods.map((p) => p.label)).toEqual([
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
    expect(s.getState().totals[signups].value).toBe(3);
    const visits = await added(s, 'Visits', 'SUM(visits.n)');
    // Both in use: the last date is 2024-07-04, and 36 months back from it is after 2015.
    expect(s.getState().range).toEqual({ from: '2021-08-01', to: '2024-07-04' });
    const v = s.getState().totals[visits];
    expect(v.value).toBe(0);
    expect(v.outside).toEqual({ from: '2015-03-02', to: '2015-06-30' });
    expect(s.getState().totals[signups].outside).toBeNull();
    // Chosen to cover 2015, the visits count: 10 + 30.
    await s.getState().setRange('2015-01-01', '2015-12-31');
    expect(s.getState().totals[visits].value).toBe(40);
    expect(s.getState().totals[visits].outside).toBeNull();
  });
});
