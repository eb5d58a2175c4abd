import { describe, expect, it } from 'vitest';
import {
  anyComputed,
  type ReportInput,
  reportCsv,
  reportInput,
  reportJson,
  reportMarkdown,
  scorecardReport,
} from '../../../src/core/export/scorecardReport';

const INPUT: ReportInput = {
  title: 'Q | report',
  settings: {
    grain: 'quarter',
    calendar: 'gregorian',
    from: null,
    to: null,
    industry: 'all',
    breakdown: null,
  },
  periods: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1'].map((label) => ({
    label,
    start: '',
    end: '',
  })),
  kpis: [
    {
      id: 'win_rate',
      label: 'Win rate',
      unit: '%',
      format: 'percent',
      direction: 'up',
      family: 'sales',
      kind: 'kpi',
      target: 0.3,
    },
    {
      id: 'evil',
      label: '=HYPERLINK("x")',
      unit: 'count',
      format: 'number',
      direction: 'down',
      family: 'customer',
      kind: 'kri',
      target: null,
      thresholds: { warning: 5, critical: 8 },
    },
  ],
  series: { win_rate: [0.2, 0.25, null, 0.35, 0.28], evil: [1, 6, 9, 4, null] },
  benchmarks: {},
};

describe('scorecard report', () => {
  it('evaluates every period as if it were the latest', () => {
    const [sales, risk] = scorecardReport(INPUT);
    expect(sales.key).toBe('sales');
    expect(risk.key).toBe('kri');
    const win = sales.kpis[0].periods;
    expect(win.map((p) => p.status)).toEqual(['warning', 'warning', 'none', 'good', 'warning']);
    expect(win[1].previous.change).toBeCloseTo(0.05);
    expect(win[4].lastYear.base).toBe(0.2);
    expect(win[3].previous.base).toBeNull();
    expect(risk.kpis[0].periods.map((p) => p.status)).toEqual(['good', 'warning', 'bad', 'good', 'none']);
  });

  it('writes JSON, CSV (neutralised) and Markdown', () => {
    const json = reportJson(INPUT);
    expect(json.kpis.map((k) => k.id)).toEqual(['win_rate', 'evil']);
    expect(json.kpis[0].periods[4].vsTarget.change).toBeCloseTo(-0.02);
    const csv = reportCsv(INPUT).split('\r\n');
    expect(csv).toHaveLength(1 + 2 * 5 + 1);
    expect(csv.find((l) => l.startsWith('evil,'))).toContain(`"'=HYPERLINK(""x"")"`);
    const md = reportMarkdown(INPUT);
    expect(md).toContain('# Q \\| report');
    expect(md).toContain(
      '| Win rate | 2025-Q1 | 28 % | ▼ -7 pp | ▲ +8 pp | 30 % | ▼ -2 pp | — | — | ! Watch |',
    );
  });

  it('names each KPI that did not compute: a refusal, one through a KPI it uses, a formula error', () => {
    const kpi = INPUT.kpis[0];
    const kpis = ['a', 'b', 'c', 'd'].map((id) => ({ ...kpi, id, label: id.toUpperCase() }));
    const input = reportInput('T', {
      ...INPUT,
      kpis,
      failures: {
        a: { message: 'Out of Range Error: x', via: null },
        b: { message: 'Out of Range Error: x', via: 'a' },
      },
      diagnostics: { c: [{ severity: 'error', message: 'no column `x` in deals' }] },
    });
    expect(input.failures).toEqual({
      a: 'the engine refused it: Out of Range Error: x',
      b: 'it uses a, which failed: Out of Range Error: x',
      c: 'the formula has an error: no column `x` in deals',
    });
    expect(anyComputed(input)).toBe(true);
    expect(anyComputed({ ...input, kpis: kpis.slice(0, 3) })).toBe(false);
    expect(reportJson(input).failures.map((f) => f.id)).toEqual(['a', 'b', 'c']);
  });
});
