import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * `eval --grain total`: leads dated in January and February, won deals in March, so no
 * month has both; over the quarter 2 wins / 4 leads. The previous 91 days
 * (2023-10-02 → 2023-12-31) hold 2 leads and 1 win; last year's quarter 1 lead, no win.
 */
describe('shakhes eval --grain total', () => {
  it('prints the whole range, the previous range and last year, each table over the range', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shakhes-total-'));
    writeFileSync(
      join(dir, 'leads.csv'),
      'lead_id,created_at\n1,2023-02-01\n2,2023-10-01\n3,2023-10-02\n4,2023-12-31\n5,2024-01-05\n6,2024-01-20\n7,2024-02-03\n8,2024-02-28\n',
    );
    writeFileSync(
      join(dir, 'deals.csv'),
      'deal_id,closed_at,stage\n1,2023-03-03,Lost\n2,2023-11-30,Won\n3,2024-03-02,Won\n4,2024-03-20,Lost\n5,2024-03-31,Won\n6,2024-04-01,Won\n',
    );
    const r = await cli(
      'eval',
      '--data',
      `leads=${join(dir, 'leads.csv')}`,
      '--data',
      `deals=${join(dir, 'deals.csv')}`,
      '--grain',
      'total',
      '--from',
      '2024-01-01',
      '--to',
      '2024-03-31',
      '--format',
      'csv',
      'COUNTIF(deals.stage = "Won") / COUNTROWS(leads)',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'range,from,to,value',
        'total,2024-01-01,2024-03-31,0.5',
        'previous,2023-10-02,2023-12-31,0.5',
        'last_year,2023-01-01,2023-03-31,0',
      ].join('\n'),
    );
    // The same KPI month by month has nothing to read: 0 where no deal was won, blank where no lead came.
    const m = await cli(
      'eval',
      '--data',
      `leads=${join(dir, 'leads.csv')}`,
      '--data',
      `deals=${join(dir, 'deals.csv')}`,
      '--grain',
      'month',
      '--from',
      '2024-01-01',
      '--to',
      '2024-03-31',
      '--format',
      'csv',
      'COUNTIF(deals.stage = "Won") / COUNTROWS(leads)',
    );
    expect(m.out).toBe('period,value\n2024-01,0\n2024-02,0\n2024-03,');
  });

  it('refuses an unknown grain, naming total among the choices', async () => {
    const r = await cli('eval', '--data', 'x=none.csv', '--grain', 'all', 'COUNTROWS(x)');
    expect(r.code).toBe(2);
    expect(r.err).toContain('day, week, month, quarter, year, total');
  });
});
