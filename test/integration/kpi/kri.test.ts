import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodValue } from '../../../src/core/kpi/evaluate';
import { leastSquares, projectBreach, type TrendFit, trendSql } from '../../../src/core/kpi/forecastLine';
import { dialectNamed } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';

let engine: Engine;

/** Two breakdown values, one with a blank period, longer than the window. */
const SERIES: Record<string, (number | null)[]> = {
  SMB: [0.05, 0.02, 0.03, 0.031, null, 0.036, 0.04, 0.043],
  Enterprise: [0.012, 0.011, 0.011, 0.01],
};

beforeAll(async () => {
  engine = await createNodeEngine();
  const values = Object.entries(SERIES).flatMap(([by, vs]) =>
    vs.map((v, i) => `('${by}', DATE '2024-01-01' + INTERVAL ${i} MONTH, ${v === null ? 'NULL' : v})`),
  );
  await engine.query(
    `CREATE TABLE "kri series" AS SELECT by_value, CAST(p AS DATE) AS period_start, CAST(v AS DOUBLE) AS k0 FROM (VALUES ${values.join(', ')}) t(by_value, p, v)`,
  );
});

afterAll(async () => {
  await engine?.close();
});

describe('the KRI trend line in SQL', () => {
  it('fits the same line as the JS least squares and projects the same breach', async () => {
    const sql = trendSql({
      source: 'kri series',
      orderBy: 'period_start',
      value: 'k0',
      window: 6,
      partitionBy: 'by_value',
      dialect: dialectNamed('duckdb'),
    });
    const rows = tableToRows(await engine.query(`${sql} ORDER BY by_value`));
    expect(rows.map((r) => r.by_value)).toEqual(['Enterprise', 'SMB']);
    for (const r of rows) {
      const series: PeriodValue[] = SERIES[String(r.by_value)].map((value, i) => ({
        period: String(i),
        value,
      }));
      const js = leastSquares(series, 6)!;
      const fromSql: TrendFit = {
        slope: Number(r.slope),
        intercept: Number(r.intercept),
        xLast: Number(r.x_last),
        n: Number(r.n),
      };
      expect(fromSql.slope).toBeCloseTo(js.slope, 10);
      expect(fromSql.intercept).toBeCloseTo(js.intercept, 10);
      expect(fromSql.xLast).toBe(js.xLast);
      expect(fromSql.n).toBe(js.n);
      expect(projectBreach(fromSql, 0.05, 'down', 3)).toBe(projectBreach(js, 0.05, 'down', 3));
    }
    // SMB over its last six months (0.03, 0.031, blank, 0.036, 0.04, 0.043) climbs toward 5 %: a warning.
    const smb = rows.find((r) => r.by_value === 'SMB')!;
    const fit = {
      slope: Number(smb.slope),
      intercept: Number(smb.intercept),
      xLast: Number(smb.x_last),
      n: Number(smb.n),
    };
    expect(fit.n).toBe(5);
    expect(projectBreach(fit, 0.05, 'down', 3)).toBe(3);
  });
});
