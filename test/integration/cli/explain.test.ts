import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';

/**
 * `shakhes explain` on two hand-made exports: the catalog's win rate (won of closed deals)
 * by customers.segment, 2024-Q1 against 2024-Q2 (worked out in
 * test/integration/analysis/contribution.test.ts): 45 % → 36 %, Enterprise's rate −7 pp,
 * its smaller share −2.85 pp, the new Mid segment +1.9 pp, more SMB −1.05 pp.
 */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let deals = '';
let customers = '';

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shakhes-explain-'));
  const lines = ['deal_id,customer_id,created_at,closed_at,stage,won,amount'];
  let id = 1;
  // n deals of a customer closed from `from` on (all inside its quarter), the first `won` won.
  const add = (customer: string, from: string, n: number, won: number) => {
    for (let i = 0; i < n; i++) {
      const day = new Date(
        Date.parse(`${from}T00:00:00Z`) + Math.floor((i * 90) / Math.max(n - 1, 1)) * 86_400_000,
      );
      const iso = day.toISOString().slice(0, 10);
      lines.push(`${id++},${customer},${iso},${iso},${i < won ? 'Won' : 'Lost'},${i < won},100`);
    }
  };
  add('e1', '2024-01-01', 10, 6);
  add('s1', '2024-01-01', 10, 3);
  add('e1', '2024-04-01', 10, 4);
  add('s1', '2024-04-01', 30, 9);
  add('m1', '2024-04-01', 10, 5);
  deals = join(dir, 'deals.csv');
  customers = join(dir, 'customers.csv');
  await writeFile(deals, `${lines.join('\n')}\n`);
  await writeFile(
    customers,
    'customer_id,created_at,segment\ne1,2023-01-05,Enterprise\ns1,2023-01-05,SMB\nm1,2023-01-05,Mid\ng1,2023-01-05,Gov\n',
  );
});

const data = () => ['--data', `deals=${deals}`, '--data', `customers=${customers}`];
const winRateBySegment = () => ['explain', 'win_rate', '--by', 'customers.segment', '--grain', 'quarter'];

describe('shakhes explain', () => {
  it('prints the ranked mix and rate effects of the win rate and a sentence', async () => {
    const r = await cli(...winRateBySegment(), ...data());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual([
      'segment',
      'rate 2024-Q1',
      'rate 2024-Q2',
      'share_a',
      'share_b',
      'mix',
      'rate',
      'total',
    ]);
    expect(lines.slice(2, 5).map((l) => l.trim().split(/\s+/))).toEqual([
      ['Enterprise', '0.6', '0.4', '0.5', '0.2', '-0.0285', '-0.07', '-0.0985'],
      ['Mid', '', '0.5', '0', '0.2', '0.019', '0', '0.019'].filter((c) => c !== ''),
      ['SMB', '0.3', '0.3', '0.5', '0.6', '-0.0105', '0', '-0.0105'],
    ]);
    expect(lines.at(-1)).toBe(
      'Win rate fell 9.0 pp from 2024-Q1 to 2024-Q2: Enterprise’s rate −7.0 pp, fewer Enterprise in the mix −2.8 pp, more Mid in the mix +1.9 pp …',
    );
  }, 120_000);

  it('gives the same change the scorecard shows, in JSON, and the sentence in Persian', async () => {
    const r = await cli(...winRateBySegment(), '--format', 'json', '--lang', 'fa', ...data());
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      change: number;
      segments: { total: number }[];
      summary: string;
      a: { label: string };
    };
    expect(j.a.label).toBe('2024-Q1');
    expect(j.segments.reduce((s, e) => s + e.total, 0)).toBeCloseTo(j.change, 12);
    expect(j.summary).toContain('پایین آمد');
    const run = await cli('run', '--grain', 'quarter', '--format', 'json', ...data());
    const report = JSON.parse(run.out) as {
      kpis: { id: string; periods: { period: string; vsPrevious: { change: number | null } }[] }[];
    };
    const shown = report.kpis.find((k) => k.id === 'win_rate')?.periods.find((p) => p.period === '2024-Q2');
    expect(shown?.vsPrevious.change).toBeCloseTo(j.change, 12);
  }, 120_000);

  it('refuses what it cannot explain, saying why', async () => {
    const avg = await cli('explain', 'average_deal_size', '--by', 'customers.segment', ...data());
    expect(avg.code).toBe(2);
    expect(avg.err).toMatch(/not a sum, a count or a ratio/);
    const usage = await cli('explain', 'win_rate', ...data());
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--by TABLE\.COLUMN/);
    const period = await cli('explain', 'win_rate', '--by', 'customers.segment', '--period', 'Q2', ...data());
    expect(period.err).toMatch(/--period takes latest, yoy/);
  }, 120_000);
});
