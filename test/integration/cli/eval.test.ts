import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';

const REAL = '../shared/real-data';
const TELCO = `telco=${REAL}/Telco-Customer-Churn.csv`;
const HR = `hr=${REAL}/WA_Fn-UseC_-HR-Employee-Attrition.csv`;
const DEMO = (t: string) => `${t}=samples/crm-demo/${t}.csv`;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('shakhes eval on real exports', () => {
  it('Telco churn share is 1,869 / 7,043', async () => {
    const r = await cli(
      'eval',
      '--data',
      TELCO,
      '--format',
      'json',
      'COUNTIF(telco.Churn = "Yes") / COUNTROWS(telco)',
    );
    expect(r.code).toBe(0);
    const { value } = JSON.parse(r.out) as { value: number };
    expect(value.toFixed(4)).toBe('0.2654');
    expect(value).toBeCloseTo(1869 / 7043, 12);
  });

  it('HR attrition by department matches the published figures', async () => {
    const r = await cli(
      'eval',
      '--data',
      HR,
      '--by',
      'hr.Department',
      '--format',
      'json',
      'COUNTIF(hr.Attrition = "Yes") / COUNTROWS(hr)',
    );
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.out) as { rows: { by: string; value: number }[] }).rows;
    const pct = Object.fromEntries(rows.map((x) => [x.by, (x.value * 100).toFixed(1)]));
    expect(pct).toEqual({ Sales: '20.6', 'Human Resources': '19.0', 'Research & Development': '13.8' });
    const total = await cli('eval', '--data', HR, 'COUNTIF(hr.Attrition = "Yes") / COUNTROWS(hr)');
    expect((Number(total.out) * 100).toFixed(2)).toBe('16.12');
  });
});

describe('shakhes eval output', () => {
  it('prints one row per period as CSV, in the Jalali calendar too', async () => {
    const csv = 'closed_at,amount\n2024-03-19,10\n2024-03-20,5\n2024-03-21,7\n2024-04-20,1\n';
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/shakhes-cli-');
    writeFileSync(`${dir}/d.csv`, csv);
    const g = await cli(
      'eval',
      '--data',
      `d=${dir}/d.csv`,
      '--grain',
      'month',
      '--format',
      'csv',
      'SUM(d.amount)',
    );
    expect(g.out).toBe('period,value\n2024-03,22\n2024-04,1');
    // 2024-03-20 is 1403/01/01 (Nowruz): Esfand 1402 holds only 2024-03-19.
    const j = await cli(
      'eval',
      '--data',
      `d=${dir}/d.csv`,
      '--grain',
      'month',
      '--calendar',
      'jalali',
      '--format',
      'json',
      'SUM(d.amount)',
    );
    expect(JSON.parse(j.out)).toEqual({
      rows: [
        { period: '1402-12', value: 10 },
        { period: '1403-01', value: 12 },
        { period: '1403-02', value: 1 },
      ],
    });
  });

  it('HOURS gives fractional hours between timestamps', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/shakhes-cli-');
    writeFileSync(
      `${dir}/t.csv`,
      'created_at,first_response_at\n2024-01-01 09:00:00,2024-01-01 09:30:00\n2024-01-02 10:00:00,2024-01-02 12:00:00\n2024-01-03 22:00:00,2024-01-04 03:00:00\n',
    );
    const r = await cli(
      'eval',
      '--data',
      `t=${dir}/t.csv`,
      '--format',
      'json',
      'MEDIAN(HOURS(t.created_at, t.first_response_at))',
    );
    expect(JSON.parse(r.out)).toEqual({ value: 2 });
    const mean = await cli(
      'eval',
      '--data',
      `t=${dir}/t.csv`,
      'AVERAGE(HOURS(t.created_at, t.first_response_at))',
    );
    expect(Number(mean.out)).toBeCloseTo(7.5 / 3, 12);
  });

  it('--sql prints one fused query for ten KPIs over three tables', async () => {
    const kpi = (name: string, f: string) => ['--kpi', `${name}=${f}`];
    const r = await cli(
      'eval',
      '--data',
      DEMO('deals'),
      '--data',
      DEMO('customers'),
      '--data',
      DEMO('surveys'),
      '--grain',
      'month',
      '--sql',
      ...kpi('won', 'COUNTIF(deals.stage = "Closed Won")'),
      ...kpi('lost', 'COUNTIF(deals.stage = "Closed Lost")'),
      ...kpi('win_rate', 'DIVIDE(won, won + lost)'),
      ...kpi('deal_size', 'AVERAGEIF(deals.amount, deals.stage = "Closed Won")'),
      ...kpi('pipeline', 'SUM(deals.amount)'),
      ...kpi('new_customers', 'COUNTROWS(customers)'),
      ...kpi('active', 'ACTIVE(customers.created_at, customers.churned_at)'),
      ...kpi('responses', 'COUNT(surveys.nps)'),
      ...kpi('nps', '100 * DIVIDE(COUNTIF(surveys.nps >= 9) - COUNTIF(surveys.nps <= 6), responses)'),
      ...kpi('csat', 'DIVIDE(COUNTIF(surveys.csat >= 4), COUNT(surveys.csat))'),
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const statements = r.out.split(';').filter((s) => s.trim() !== '');
    expect(statements).toHaveLength(1);
    for (const t of ['"deals"', '"customers"', '"surveys"']) expect(r.out).toContain(t);
    expect(r.out.match(/FILTER \(WHERE/g)?.length).toBeGreaterThanOrEqual(5);
  });
});

describe('shakhes eval refusals', () => {
  it('a misspelt column exits 2 with the diagnostic and a caret under it', async () => {
    const r = await cli('eval', '--data', DEMO('deals'), 'SUM(deals.ammount) / 2');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      [
        'error: no column `ammount` in deals; did you mean `amount`?',
        '  SUM(deals.ammount) / 2',
        '      ^^^^^^^^^^^^^',
      ].join('\n'),
    );
  });

  it('a bad file exits 2 with the import error', async () => {
    const r = await cli('eval', '--data', 'x=test/fixtures/ragged.csv', 'COUNTROWS(x)');
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: ragged.csv could not be read: line 4 has 5 fields, but the header has 3.');
    const missing = await cli('eval', '--data', 'x=no/such.csv', 'COUNTROWS(x)');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^no\/such\.csv: no such file\./);
  });

  it('an unknown option or grain is a usage error, not ignored', async () => {
    expect((await cli('eval', '--grian', 'month', 'COUNTROWS(x)')).code).toBe(2);
    const g = await cli('eval', '--grain', 'fortnight', 'COUNTROWS(x)');
    expect(g.err).toMatch(
      /^--grain must be one of day, week, month, quarter, year, total; got “fortnight”\./,
    );
  });
});
