import { describe, expect, it } from 'vitest';
import { checkKpis } from '../../../src/core/formula/check';
import { compileScorecard, type ScorecardRequest } from '../../../src/core/formula/compile';
import type { DiagnosticCode } from '../../../src/core/formula/diagnostics';
import { renderDiagnostic } from '../../../src/core/formula/diagnostics';
import type { KpiDef } from '../../../src/core/formula/schema';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import { schema } from './fixtures';

interface Case {
  code: DiagnosticCode;
  kpis: KpiDef[];
  /** The text the span must cover (in the KPI's formula, or its filter). */
  at: string;
  message: string;
  request?: Partial<ScorecardRequest>;
  inFilter?: boolean;
}

const k = (formula: string, extra: Partial<KpiDef> = {}): KpiDef => ({
  id: 'k',
  label: 'K',
  formula,
  ...extra,
});
const deals = { table: 'deals' };

/** The fixture schema, knowing the few values deals.stage holds. */
const stages = {
  ...schema,
  tables: schema.tables.map((t) =>
    t.name !== 'deals'
      ? t
      : {
          ...t,
          columns: t.columns.map((c) => (c.name === 'stage' ? { ...c, values: ['Won', 'Lost', 'Open'] } : c)),
        },
  ),
};

const CASES: Case[] = [
  {
    code: 'text-no-match',
    kpis: [k('COUNTIF(deals.stage = "lost")')],
    at: '"lost"',
    message:
      'deals.stage never holds "lost"; did you mean “Lost”? Text is compared exactly, upper and lower case included (there is no EXACT(): = already is exact); to ignore case write LOWER(deals.stage) = "lost"',
    request: { schema: stages },
  },
  {
    code: 'unexpected-character',
    kpis: [k('SUM(deals.amount) @ 2')],
    at: '@',
    message: '`@` cannot be used in a formula',
  },
  {
    code: 'unterminated-text',
    kpis: [k('COUNTIF(deals.stage = "Won)')],
    at: '"Won)',
    message: 'this text has no closing `"`',
  },
  {
    code: 'unterminated-name',
    kpis: [k('SUM([amount)', deals)],
    at: '[amount)',
    message: 'this name has no closing `]`',
  },
  {
    code: 'expected-value',
    kpis: [k('SUM(deals.amount) * )')],
    at: ')',
    message: 'expected a number, text, a name or a function here, but found `)`',
  },
  {
    code: 'unexpected-token',
    kpis: [k('SUM(deals.amount) 2')],
    at: '2',
    message: 'did not expect `2` here; is an operator or a comma missing?',
  },
  {
    code: 'missing-close-paren',
    kpis: [k('SUM(deals.amount')],
    at: '(',
    message: 'the `(` opened here is never closed; add `)`',
  },
  {
    code: 'bad-date',
    kpis: [k('COUNTIF(deals.created_at > DATE("2024-02-30"))')],
    at: '"2024-02-30"',
    message: '`2024-02-30` is not a date; write dates as DATE("2024-01-31")',
  },
  {
    code: 'bad-name',
    kpis: [k('SUM(deals.)')],
    at: 'deals.',
    message: '`deals.` is not a name; write table.column or [Any Name]',
  },
  { code: 'empty-formula', kpis: [k('  ')], at: '  ', message: 'the formula is empty' },
  {
    code: 'unknown-name',
    kpis: [k('SUM(amout)', deals)],
    at: 'amout',
    message: 'no KPI or column `amout` in deals; did you mean `amount`?',
  },
  {
    code: 'unknown-table',
    kpis: [k('SUM(deal.amount)')],
    at: 'deal.amount',
    message: 'there is no table `deal`; did you mean `deals`?',
  },
  {
    code: 'unknown-column',
    kpis: [k('SUM(deals.ammount)')],
    at: 'deals.ammount',
    message: 'no column `ammount` in deals; did you mean `amount`?',
  },
  {
    code: 'ambiguous-name',
    kpis: [k('SUM(amount)', deals), { id: 'amount', label: 'A', formula: '1' }],
    at: 'amount',
    message:
      '`amount` is both a KPI and a column of deals; write deals.amount for the column, or rename the KPI',
  },
  {
    code: 'unknown-function',
    kpis: [k('SUMM(deals.amount)')],
    at: 'SUMM(deals.amount)',
    message: 'there is no function `SUMM`; did you mean `SUM`?',
  },
  {
    code: 'needs-parentheses',
    kpis: [k('COUNTIF(created_at < PERIOD_START)', deals)],
    at: 'PERIOD_START',
    message: '`PERIOD_START` is a function; write PERIOD_START()',
  },
  {
    code: 'arg-count',
    kpis: [k('DIVIDE(COUNTROWS(deals))')],
    at: 'DIVIDE(COUNTROWS(deals))',
    message: 'DIVIDE takes 2 to 3 arguments, but 1 was given',
  },
  {
    code: 'arg-type',
    kpis: [k('SUM(deals.stage)')],
    at: 'deals.stage',
    message: 'SUM needs a number for `value`, but this is text',
  },
  {
    code: 'operator-type',
    kpis: [k('COUNTIF(deals.stage > 5)')],
    at: 'deals.stage > 5',
    message: '`>` cannot be used between text and a number',
  },
  {
    code: 'mixed-types',
    kpis: [k('COUNTIF(IF(deals.won, "a", 1) = "a")')],
    at: '1',
    message: 'all values of IF must have the same type, but text and a number are mixed',
  },
  {
    code: 'constant-required',
    kpis: [k('PERCENTILE(deals.amount, deals.amount)')],
    at: 'deals.amount',

    message: '`p` of PERCENTILE must be a fixed value, not taken from the data',
  },
  {
    code: 'arg-range',
    kpis: [k('PERCENTILE(deals.amount, 7)')],
    at: '7',
    message: '`p` of PERCENTILE must be a number from 0 to 1, but this is `7`',
  },
  {
    code: 'control-character',
    kpis: [k('COUNTIF(deals.stage = "Wo\u0000n")')],
    at: '\u0000',
    message: 'text cannot contain the invisible control character U+0000; remove it',
  },
  {
    code: 'lookback-too-long',
    kpis: [k('PREV(r, 200)'), { id: 'r', label: 'R', formula: 'SUM(deals.amount)' }],
    at: 'PREV(r, 200)',
    message:
      'this KPI reaches back more than 100 years (with the KPIs it uses); use a smaller n in PREV or ROLLING, or a coarser grain',
    request: { grain: 'year' },
  },
  {
    code: 'bare-column',
    kpis: [k('amount / COUNT(deal_id)', deals)],
    at: 'amount',
    message:
      '`amount` is a value of each row, but a KPI needs one value per period; wrap it in an aggregate such as SUM(amount) or AVERAGE(amount)',
  },
  {
    code: 'nested-aggregate',
    kpis: [k('SUM(SUM(deals.amount))')],
    at: 'SUM(deals.amount)',
    message: 'SUM is already one value per period, so it cannot go inside SUM; aggregates cannot be nested',
  },
  {
    code: 'time-needs-kpi',
    kpis: [k('PREV(deals.amount)')],
    at: 'deals.amount',
    message: 'PREV works on KPI values (a KPI name or an aggregate such as SUM(x)), not on row values',
  },
  {
    code: 'nested-time',
    kpis: [k('PREV(YOY(r))'), { id: 'r', label: 'R', formula: 'SUM(deals.amount)' }],
    at: 'YOY(r)',
    message: 'YOY cannot go inside PREV; make YOY(…) a KPI of its own and use its name',
  },
  {
    code: 'time-needs-grain',
    kpis: [k('GROWTH(SUM(deals.amount))')],
    at: 'GROWTH(SUM(deals.amount))',
    message: 'GROWTH compares periods, so it needs a period grain (day, week, month, quarter or year)',
    request: { grain: null },
  },
  {
    code: 'kpi-cycle',
    kpis: [k('b + 1'), { id: 'b', label: 'B', formula: 'k * 2' }],
    at: 'k',
    message: 'these KPIs refer to each other in a circle: k → b → k',
  },
  {
    code: 'kpi-has-errors',
    kpis: [k('b * 2'), { id: 'b', label: 'B', formula: 'SUM(deals.nope)' }],
    at: 'b',
    message: 'KPI `b` has errors; fix it first',
  },
  {
    code: 'unknown-kpi-table',
    kpis: [k('COUNTROWS(deals)', { table: 'deal' })],
    at: 'COUNTROWS(deals)',
    message: "the KPI's table `deal` does not exist; did you mean `deals`?",
  },
  {
    code: 'bad-time-column',
    kpis: [k('COUNTROWS(deals)', { timeColumn: 'stage' })],
    at: 'COUNTROWS(deals)',
    message: "the KPI's date column `stage` holds text, not dates",
  },
  {
    code: 'filter-not-condition',
    kpis: [k('COUNTROWS(deals)', { filter: 'deals.amount' })],
    at: 'deals.amount',
    inFilter: true,
    message: 'a filter must be a condition (true or false for each row), but this is a number',
  },
  {
    code: 'filter-aggregate',
    kpis: [k('COUNTROWS(deals)', { filter: 'SUM(deals.amount) > 1' })],
    at: 'SUM(deals.amount) > 1',
    inFilter: true,
    message: 'a filter is checked row by row, so it cannot contain aggregates or KPI values',
  },
  {
    code: 'unlinked-tables',
    kpis: [k('SUM(deals.amount * web.sessions)')],
    at: 'SUM(deals.amount * web.sessions)',
    message:
      'deals and web are not linked by a relationship, so they cannot be combined inside one aggregate; declare a relationship or use one aggregate per table',
  },
  {
    code: 'no-source-table',
    kpis: [k('COUNTIF(1 = 1)')],
    at: 'COUNTIF(1 = 1)',
    message: "COUNTIF needs a table: name a column (table.column) or set the KPI's table",
  },
  {
    code: 'not-a-table',
    kpis: [k('COUNTROWS(1)')],
    at: '1',
    message: 'COUNTROWS needs a table name here, such as COUNTROWS(deals)',
  },
  {
    code: 'breakdown-unknown',
    kpis: [k('COUNTROWS(deals)')],
    at: '',
    message: 'cannot break down by customers.segmnt: no such column; did you mean `segment`?',
    request: { breakdown: { table: 'customers', column: 'segmnt' } },
  },
  {
    code: 'breakdown-unreachable',
    kpis: [k('SUM(web.sessions)')],
    at: 'SUM(web.sessions)',
    message:
      'KPI `k` counts web, which has no relationship leading to customers, so it cannot be broken down by it',
    request: { breakdown: { table: 'customers', column: 'segment' } },
  },
  {
    code: 'bad-range',
    kpis: [k('COUNTROWS(deals)')],
    at: '',
    message: '`2024-1-1` is not a date; write the range as YYYY-MM-DD',
    request: { from: '2024-1-1' },
  },
  {
    code: 'duplicate-kpi',
    kpis: [k('COUNTROWS(deals)'), k('COUNTROWS(deals)')],
    at: 'COUNTROWS(deals)',
    message: 'two KPIs have the id `k`',
  },
];

const revenue: KpiDef = { id: 'r', label: 'R', formula: 'SUM(deals.amount)' };

describe('fixed arguments out of range', () => {
  it.each([
    ['PERCENTILE(deals.amount, 7)', '7', '`p` of PERCENTILE must be a number from 0 to 1, but this is `7`'],
    [
      'PERCENTILE(deals.amount, -10%)',
      '-10%',
      '`p` of PERCENTILE must be a number from 0 to 1, but this is `-10%`',
    ],
    ['PREV(r, 1e999)', '1e999', '`n` of PREV must be a whole number from 1 to 1000, but this is `1e999`'],
    ['PREV(r, 2.5)', '2.5', '`n` of PREV must be a whole number from 1 to 1000, but this is `2.5`'],
    ['PREV(r, -1)', '-1', '`n` of PREV must be a whole number from 1 to 1000, but this is `-1`'],
    ['ROLLING(r, 1e9)', '1e9', '`n` of ROLLING must be a whole number from 1 to 1000, but this is `1e9`'],
    ['ROLLING(r,  0 )', '0', '`n` of ROLLING must be a whole number from 1 to 1000, but this is `0`'],
    ['ROUND(r, 1e10)', '1e10', '`digits` of ROUND must be a whole number from -15 to 15, but this is `1e10`'],
  ])('%s: message and span', (formula, at, message) => {
    const out = compileScorecard({ dialect: duckdb, kpis: [k(formula), revenue], schema, grain: 'month' });
    const d = out.diagnostics.filter((x) => x.kpiId === 'k');
    expect(d.map((x) => x.message)).toEqual([message]);
    expect(d[0].code).toBe('arg-range');
    expect(formula.slice(d[0].span.start, d[0].span.end)).toBe(at);
    // The other KPI still compiles into the query; the bad one is left out of it.
    expect(out.diagnostics.filter((x) => x.kpiId !== 'k')).toEqual([]);
    expect(out.sql).toContain('SUM(');
  });

  it.each([
    'PERCENTILE(deals.amount, 0)',
    'PERCENTILE(deals.amount, 100%)',
    'PREV(r, 1000)',
    'ROLLING(r, 1)',
    'ROUND(r, -15)',
  ])('accepts the bounds themselves: %s', (formula) => {
    const out = compileScorecard({ dialect: duckdb, kpis: [k(formula), revenue], schema, grain: 'month' });
    expect(out.diagnostics).toEqual([]);
  });

  it('a range in a filter points into the filter', () => {
    const kpi = k('COUNTROWS(deals)', { filter: 'deals.amount > PERCENTILE(deals.amount, 2)' });
    const out = compileScorecard({ dialect: duckdb, kpis: [kpi], schema, grain: 'month' });
    const d = out.diagnostics.find((x) => x.code === 'arg-range');
    expect(d?.source).toBe('filter');
    expect(d?.message).toBe('`p` of PERCENTILE must be a number from 0 to 1, but this is `2`');
  });
});

describe('invisible characters the engine refuses', () => {
  it('NUL in a quoted name is refused where it stands, once per literal', () => {
    const formula = 'SUM([am\u0000ou\u0000nt])';
    const out = compileScorecard({ dialect: duckdb, kpis: [k(formula, deals)], schema, grain: 'month' });
    const d = out.diagnostics.filter((x) => x.code === 'control-character');
    expect(d.map((x) => x.message)).toEqual([
      'a name cannot contain the invisible control character U+0000; remove it',
    ]);
    expect(d[0].span).toEqual({ start: 7, end: 8 });
  });

  it('a NUL KPI beside good ones: compiling never throws and the good one stays in the query', () => {
    const out = compileScorecard({
      dialect: duckdb,
      kpis: [k('COUNTIF(deals.stage = "a\u0000")'), revenue],
      schema,
      grain: 'month',
    });
    expect(out.diagnostics.map((x) => [x.kpiId, x.code])).toEqual([['k', 'control-character']]);
    expect(out.sql).toContain('SUM(');
  });

  it('a stray control character outside text is named by its code point', () => {
    const out = compileScorecard({
      dialect: duckdb,
      kpis: [k('SUM(deals.amount)\u0007')],
      schema,
      grain: 'month',
    });
    expect(out.diagnostics[0].message).toBe('`U+0007` cannot be used in a formula');
  });
});

describe('look-back through KPIs', () => {
  it('adds up along a chain and stops at the KPI that passes the limit', () => {
    const kpis: KpiDef[] = [
      revenue,
      { id: 'a', label: 'A', formula: 'PREV(r, 60)' },
      { id: 'b', label: 'B', formula: 'r + PREV(a, 60)' },
    ];
    const out = compileScorecard({ dialect: duckdb, kpis, schema, grain: 'year' });
    expect(out.diagnostics.map((x) => [x.kpiId, x.code])).toEqual([['b', 'lookback-too-long']]);
    const d = out.diagnostics[0];
    expect(kpis[2].formula.slice(d.span.start, d.span.end)).toBe('r');
    // A and R still compile, B is left out; a month grain reaches far less.
    expect(out.lookbackDays).toBe(60 * 366);
    expect(compileScorecard({ dialect: duckdb, kpis, schema, grain: 'month' }).diagnostics).toEqual([]);
  });
});

describe('every diagnostic code', () => {
  for (const c of CASES) {
    it(`${c.code}: message and span`, () => {
      const out = compileScorecard({ dialect: duckdb, kpis: c.kpis, schema, grain: 'month', ...c.request });
      const d = out.diagnostics.find((x) => x.code === c.code);
      expect(d, JSON.stringify(out.diagnostics.map((x) => x.message))).toBeDefined();
      if (d === undefined) return;
      expect(d.message).toBe(c.message);
      const kpi = c.kpis.find((x) => x.id === (d.kpiId ?? 'k')) ?? c.kpis[0];
      const text = c.inFilter ? (kpi.filter ?? '') : kpi.formula;
      expect(text.slice(d.span.start, d.span.end)).toBe(c.at);
    });
  }

  it('covers every code the formatter knows', async () => {
    const src = await import('node:fs').then((fs) =>
      fs.readFileSync(new URL('../../../src/core/formula/diagnostics.ts', import.meta.url), 'utf8'),
    );
    const block = src.slice(
      src.indexOf('export interface DiagnosticParams'),
      src.indexOf('export type DiagnosticCode'),
    );
    const codes = [...block.matchAll(/^ {2}'([a-z-]+)':/gm)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(30);
    // Row formulas (mapping's derived columns) have their own code, tested in rowFormula.test.ts.
    expect(new Set([...CASES.map((c) => c.code), 'not-row-level'])).toEqual(new Set(codes));
  });
});

describe('checking continues past a bad part', () => {
  it('reports each independent mistake once', () => {
    const r = checkKpis(schema, [k('SUM(deals.ammount) + AVERAGE(deals.stage) + amount', deals)]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unknown-column', 'arg-type', 'bare-column']);
  });

  it('renders a caret under the span', () => {
    const r = checkKpis(schema, [k('SUM(deals.ammount)')]);
    expect(renderDiagnostic('SUM(deals.ammount)', r.diagnostics[0])).toBe(
      'error: no column `ammount` in deals; did you mean `amount`?\n  SUM(deals.ammount)\n      ^^^^^^^^^^^^^',
    );
  });

  it('resolves a bare name to a KPI first when the table has no such column, and types flow through', () => {
    const r = checkKpis(schema, [
      k('won_count / COUNTROWS(deals)', deals),
      { id: 'won_count', label: 'W', formula: 'COUNTIF(won)', table: 'deals' },
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.kpis.get('k')?.refs).toEqual(['won_count']);
    expect(r.kpis.get('k')?.type).toBe('number');
  });
});
