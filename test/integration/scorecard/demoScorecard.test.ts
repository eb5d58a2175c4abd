import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScorecard } from '../../../src/core/formula/compile';
import { availability } from '../../../src/core/kpi/availability';
import { CATALOG } from '../../../src/core/kpi/catalog';
import { type LoadedTable, presentColumns, scorecardSchema } from '../../../src/core/model/scorecardSchema';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { runScorecard, type ScorecardRow } from '../../../src/engine/scorecardRun';

/**
 * The demo scorecard as the app computes it (the committed CSVs through importFile,
 * every available catalog KPI in one compiled query, monthly) against values worked
 * out here in plain TypeScript from the same CSV text: the reference never sees the
 * compiler's SQL.
 */
const DEMO = join(import.meta.dirname, '../../../samples/crm-demo');
const MONTH = '2025-06';
const START = '2025-06-01';

type Rec = Record<string, string>;

/** RFC 4180 enough for the demo: quoted fields with "" escapes, no line breaks inside cells. */
function parseCsv(text: string): Rec[] {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0]);
  return lines.slice(1).map((l) => {
    const cells = split(l);
    const r: Rec = {};
    header.forEach((h, i) => {
      r[h] = cells[i] ?? '';
    });
    return r;
  });
}

const csv = (name: string) => parseCsv(readFileSync(join(DEMO, `${name}.csv`), 'utf8'));
const inMonth = (d: string) => d.slice(0, 7) === MONTH;
const num = (s: string) => (s === '' ? null : Number(s));
const nums = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
const sum = (xs: (number | null)[]) => nums(xs).reduce((a, b) => a + b, 0);
const avg = (xs: (number | null)[]) => (nums(xs).length === 0 ? null : sum(xs) / nums(xs).length);
const div = (a: number, b: number) => (b === 0 ? null : a / b);
/** Rows whose [start, end) covers the period start. */
const active = (rows: Rec[], start: string, end: string) =>
  rows.filter(
    (r) =>
      r[start] !== '' && r[start].slice(0, 10) <= START && (r[end] === '' || r[end].slice(0, 10) > START),
  ).length;

function reference(): Record<string, number | null> {
  const surveys = csv('surveys').filter((r) => inMonth(r.answered_at));
  const customers = csv('customers');
  const deals = csv('deals').filter((r) => inMonth(r.closed_at));
  const web = csv('web').filter((r) => inMonth(r.date));
  const leads = csv('leads').filter((r) => inMonth(r.created_at));
  const marketing = csv('marketing').filter((r) => inMonth(r.date));
  const orders = csv('orders').filter((r) => inMonth(r.ordered_at));
  const attendance = csv('attendance').filter((r) => inMonth(r.date));
  const tickets = csv('tickets').filter((r) => inMonth(r.created_at));
  const employees = csv('employees');

  const npsAnswers = nums(surveys.map((r) => num(r.nps)));
  const csat = nums(surveys.map((r) => num(r.csat)));
  const won = deals.filter((r) => r.won === 'true');
  const withCost = orders.filter((r) => r.cost !== '');
  const activeCustomers = active(customers, 'created_at', 'churned_at');
  const churned = customers.filter(
    (r) => inMonth(r.churned_at) && r.created_at <= START && r.churned_at > START,
  ).length;
  return {
    nps: div(
      100 * (npsAnswers.filter((x) => x >= 9).length - npsAnswers.filter((x) => x <= 6).length),
      npsAnswers.length,
    ),
    nps_responses: npsAnswers.length,
    csat: div(csat.filter((x) => x >= 4).length, csat.length),
    ces: avg(surveys.map((r) => num(r.ces))),
    new_customers: customers.filter((r) => inMonth(r.created_at)).length,
    active_customers: activeCustomers,
    churn_rate: div(churned, activeCustomers),
    website_sessions: sum(web.map((r) => num(r.sessions))),
    web_conversion_rate: div(sum(web.map((r) => num(r.conversions))), sum(web.map((r) => num(r.sessions)))),
    new_leads: leads.length,
    win_rate: div(won.length, deals.filter((r) => r.won !== '').length),
    won_amount: sum(won.map((r) => num(r.amount))),
    average_deal_size: avg(won.map((r) => num(r.amount))),
    marketing_spend: sum(marketing.map((r) => num(r.spend))),
    cost_per_lead: div(sum(marketing.map((r) => num(r.spend))), sum(marketing.map((r) => num(r.leads)))),
    ad_ctr: div(sum(marketing.map((r) => num(r.clicks))), sum(marketing.map((r) => num(r.impressions)))),
    total_revenue: sum(orders.map((r) => num(r.revenue))),
    average_order_value: avg(orders.map((r) => num(r.revenue))),
    gross_margin: div(
      sum(withCost.map((r) => Number(r.revenue) - Number(r.cost))),
      sum(withCost.map((r) => num(r.revenue))),
    ),
    absenteeism_rate: div(
      sum(attendance.map((r) => num(r.absent_hours))),
      sum(attendance.map((r) => num(r.scheduled_hours))),
    ),
    ticket_volume: tickets.length,
    complaint_share: div(tickets.filter((r) => r.type === 'Complaint').length, tickets.length),
    headcount: active(employees, 'hired_at', 'left_at'),
  };
}

let engine: Engine;
let row: ScorecardRow;
let kpiCount = 0;

beforeAll(async () => {
  engine = await createNodeEngine();
  const tables: LoadedTable[] = [];
  for (const f of readdirSync(DEMO).filter((x) => x.endsWith('.csv'))) {
    const r = await importFile(engine, { name: f, bytes: readFileSync(join(DEMO, f)) });
    tables.push({ name: r.table, columns: r.columns });
  }
  const present = presentColumns(tables);
  const kpis = CATALOG.filter((k) => availability(k, present).available);
  kpiCount = kpis.length;
  const compiled = compileScorecard({
    dialect: duckdb,
    kpis,
    schema: scorecardSchema(tables),
    grain: 'month',
    calendar: 'gregorian',
    from: '2024-01-01',
    to: '2025-12-31',
  });
  const rows = await runScorecard(engine, compiled);
  const found = rows.find((r) => r.period === MONTH);
  if (found === undefined) throw new Error(`no ${MONTH} row`);
  row = found;
}, 120_000);

afterAll(() => engine?.close());

describe(`the demo scorecard for ${MONTH}`, () => {
  it('has every catalog KPI available on the canonical demo', () => {
    expect(kpiCount).toBe(CATALOG.length);
  });

  const ref = reference();
  it.each(Object.keys(ref))('%s matches the hand-computed value', (id) => {
    const want = ref[id];
    const got = row.values[id];
    expect(want, `${id}: reference has no value`).not.toBeNull();
    expect(typeof got, `${id}: scorecard value`).toBe('number');
    expect(got as number).toBeCloseTo(want as number, 6);
  });
});
