import { describe, expect, it } from 'vitest';
import { compileScorecard, type ScorecardRequest } from '../../../src/core/formula/compile';
import type { KpiDef } from '../../../src/core/formula/schema';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import { schema } from './fixtures';

const k = (id: string, formula: string, extra: Partial<KpiDef> = {}): KpiDef => ({
  id,
  label: id,
  formula,
  ...extra,
});

function sql(kpis: KpiDef[], req: Partial<ScorecardRequest> = {}): string {
  const out = compileScorecard({
    dialect: duckdb,
    kpis,
    schema,
    grain: 'month',
    today: '2024-06-01',
    ...req,
  });
  expect(out.diagnostics.map((d) => d.message)).toEqual([]);
  return out.sql;
}

/** The body of one CTE, for golden comparisons of the part a feature produces. */
function cte(text: string, name: string): string {
  const start = text.indexOf(`"${name}" AS (\n`);
  if (start === -1) throw new Error(`no CTE ${name}`);
  const body = text.slice(start + name.length + 8);
  return body.slice(0, body.indexOf('\n)'));
}

describe('formula → SQL', () => {
  it('fuses KPIs over one table into one aggregate block with a FILTER per KPI filter', () => {
    const text = sql([
      k('revenue', 'SUM(deals.amount)'),
      k('won_revenue', 'SUM(deals.amount)', { filter: 'deals.stage = "Won"' }),
      k('deals_n', 'COUNTROWS(deals)'),
    ]);
    expect(cte(text, 'b0')).toBe(
      [
        'SELECT sp.period_start AS period_start,',
        '  CAST(NULL AS VARCHAR) AS by_value,',
        '  CAST(SUM(CAST(t0."amount" AS DOUBLE)) AS DOUBLE) AS "a0",',
        `  CAST(SUM(CAST(t0."amount" AS DOUBLE)) FILTER (WHERE (t0."stage" = 'Won')) AS DOUBLE) AS "a1",`,
        '  CAST(COUNT(*) AS DOUBLE) AS "a2",',
        // What won_revenue rests on (its rows, its filter applied); revenue's rows are a2, shared.
        `  CAST(COUNT(*) FILTER (WHERE (t0."stage" = 'Won')) AS DOUBLE) AS "a3"`,
        'FROM "deals" AS t0',
        'CROSS JOIN "bounds" AS bd',
        'JOIN "_calendar" AS c ON c."d" = CAST(t0."created_at" AS DATE)',
        'JOIN "spine_periods" AS sp ON sp.period_start = c."g_month_start"',
        'GROUP BY sp.period_start',
      ].join('\n'),
    );
    expect(text.match(/FROM "deals" AS t0/g)).toHaveLength(1);
  });

  it('computes an aggregate used by two KPIs once', () => {
    const text = sql([k('a', 'SUM(deals.amount)'), k('b', 'SUM(deals.amount) * 2')]);
    expect(cte(text, 'r1')).toBe(
      [
        'SELECT *, CAST("a0" AS DOUBLE) AS "k0",',
        '  CAST("a1" AS DOUBLE) AS "n0",',
        '  CAST(("a0" * CAST(2 AS DOUBLE)) AS DOUBLE) AS "k1",',
        '  CAST("a1" AS DOUBLE) AS "n1"',
        'FROM "r0"',
      ].join('\n'),
    );
  });

  it("takes a rate's count denominator as its base, else the rows its aggregates read", () => {
    const out = compileScorecard({
      dialect: duckdb,
      kpis: [
        k('win', 'DIVIDE(COUNTIF(deals.stage = "Won"), COUNT(deals.stage))'),
        k('avg', 'SUM(deals.amount) / SUM(deals.amount)'),
        k('two', 'SUM(deals.amount) + COUNTROWS(customers)'),
        k('fixed', '1 + 2'),
      ],
      schema,
      grain: 'month',
      today: '2024-06-01',
    });
    expect(out.outputs.map((o) => o.base)).toEqual(['n0', 'n1', 'n2', null]);
    const r1 = cte(out.sql, 'r1');
    // The rate's denominator is COUNT(stage), a1: no extra aggregate for it.
    expect(r1).toContain('CAST("a1" AS DOUBLE) AS "n0"');
    // A division of amounts is not a rate of counts: it rests on the rows of deals.
    expect(r1).toContain('CAST("a4" AS DOUBLE) AS "n1"');
    // Over two tables, the thinner of their row counts.
    expect(r1).toMatch(/CAST\(LEAST\("a\d", "a\d"\) AS DOUBLE\) AS "n2"/);
  });

  it('makes division by zero blank and sums of nothing 0', () => {
    const text = sql([k('avg', 'SUM(deals.amount) / COUNTROWS(deals)')]);
    expect(text).toContain('CAST(("a0" / NULLIF("a1", 0)) AS DOUBLE) AS "k0"');
    expect(cte(text, 'r0')).toContain('COALESCE(b0."a0", 0) AS "a0"');
  });

  it('stacks derived KPIs in stages and uses window functions for time intelligence', () => {
    const text = sql([
      k('revenue', 'SUM(deals.amount)'),
      k('prev', 'PREV(revenue, 2)'),
      k('yoy', 'YOY(revenue)'),
      k('growth_of_prev', 'GROWTH(prev)'),
    ]);
    expect(cte(text, 'r2')).toBe(
      [
        'SELECT *, CAST(LAG("k0", 2) OVER (PARTITION BY "by_value" ORDER BY "period_start") AS DOUBLE) AS "k1",',
        // A KPI made of another rests on that one's base.
        '  CAST("n0" AS DOUBLE) AS "n1",',
        '  CAST(FIRST_VALUE("k0") OVER (PARTITION BY "by_value" ORDER BY "period_ord" RANGE BETWEEN 10000 PRECEDING AND 10000 PRECEDING) AS DOUBLE) AS "k2",',
        '  CAST("n0" AS DOUBLE) AS "n2"',
        'FROM "r1"',
      ].join('\n'),
    );
    expect(cte(text, 'r3')).toContain('(("k1" - LAG("k1", 1) OVER');
    // A year plus three months of 31 days before the range, for YOY and the two nested lags.
    expect(cte(text, 'spine_periods')).toContain('CAST(bd.lo + CAST(0 - 459 AS INTEGER) AS DATE)');
  });

  it('counts ACTIVE from start and end events with a running sum, not a row × period join', () => {
    const text = sql([k('active', 'ACTIVE(customers.created_at, customers.churned_at)')]);
    expect(text).toContain('"day_bucket" AS (');
    expect(cte(text, 'r0')).toContain(
      'CAST(SUM(COALESCE(e0.n_start, 0) - COALESCE(e0.n_end, 0)) OVER (PARTITION BY s.by_value ORDER BY s.period_start ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) AS "a0"',
    );
    expect(text).not.toContain('CROSS JOIN "spine_periods" AS sp');
  });

  it('breaks down through a declared relationship', () => {
    const text = sql([k('revenue', 'SUM(deals.amount)')], {
      breakdown: { table: 'customers', column: 'segment' },
    });
    expect(cte(text, 'b0')).toContain('LEFT JOIN "customers" AS t1 ON t1."customer_id" = t0."customer_id"');
    expect(cte(text, 'b0')).toContain('t1."segment" AS by_value');
  });

  it('reads Jalali periods from the calendar table', () => {
    const text = sql([k('n', 'COUNTROWS(deals)')], { calendar: 'jalali', grain: 'quarter' });
    expect(cte(text, 'periods')).toContain('ANY_VALUE(c."j_quarter_label") AS period');
  });

  it('gives one value without a grain, filtering rows to the range', () => {
    const text = sql([k('n', 'COUNTROWS(deals)')], { grain: null, from: '2024-01-01', to: '2024-01-31' });
    expect(cte(text, 'bounds')).toBe(
      "SELECT CAST(DATE '2024-01-01' AS DATE) AS lo, CAST(DATE '2024-01-31' AS DATE) AS hi",
    );
    expect(cte(text, 'b0')).toContain(
      'WHERE (bd.lo IS NULL OR CAST(t0."created_at" AS DATE) >= bd.lo) AND (bd.hi IS NULL OR CAST(t0."created_at" AS DATE) <= bd.hi)',
    );
  });

  it('turns quotes, comment markers and semicolons in text and names into data', () => {
    const weird = {
      ...schema,
      tables: [
        ...schema.tables,
        { name: 'x"; DROP TABLE deals; --', columns: [{ name: "a'b]c", kind: 'text' as const }] },
      ],
    };
    const out = compileScorecard({
      dialect: duckdb,
      kpis: [k('n', 'COUNTIF([x"; DROP TABLE deals; --].[a\'b]]c] = "\'; DROP TABLE deals; --")')],
      schema: weird,
      grain: null,
    });
    expect(out.diagnostics).toEqual([]);
    expect(out.sql).toContain('FROM "x""; DROP TABLE deals; --" AS t0');
    expect(out.sql).toContain(`(t0."a'b]c" = '''; DROP TABLE deals; --')`);
  });
});
