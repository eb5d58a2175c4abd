import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BinaryOp, Expr } from '../../../src/core/formula/ast';
import { compileScorecard } from '../../../src/core/formula/compile';
import { printFormula } from '../../../src/core/formula/print';
import type { Schema } from '../../../src/core/formula/schema';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { runScorecard } from '../../../src/engine/scorecardRun';
import { evalKpi, type Row } from './reference';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

const z = { start: 0, end: 0 };
const RUNS = 40;
const FORMULAS_PER_RUN = 50;
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'];

const col = (table: string, name: string): Expr => ({
  kind: 'name',
  table: { text: table, bracketed: false },
  name: { text: name, bracketed: false },
  span: z,
});
const lit = (value: number): Expr => ({ kind: 'number', value, raw: String(value), span: z });
const text = (value: string): Expr => ({ kind: 'text', value, span: z });
const call = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', name, args, span: z });
const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, span: z });

function formulaArb(table: string): fc.Arbitrary<Expr> {
  const { rowNum, rowBool } = fc.letrec<{ rowNum: Expr; rowBool: Expr }>((tie) => ({
    rowNum: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      fc.constantFrom(col(table, 'x'), col(table, 'y')),
      fc
        .integer({ min: -3, max: 5 })
        .map((n) => (n < 0 ? ({ kind: 'unary', op: '-', arg: lit(-n), span: z } as Expr) : lit(n))),
      fc
        .tuple(fc.constantFrom<BinaryOp>('+', '-', '*', '/'), tie('rowNum'), tie('rowNum'))
        .map(([op, l, r]) => bin(op, l, r)),
      fc.tuple(tie('rowBool'), tie('rowNum'), tie('rowNum')).map(([c, a, b]) => call('IF', c, a, b)),
      tie('rowNum').map((a) => call('COALESCE', a, lit(0))),
      tie('rowNum').map((a) => call('ABS', a)),
    ),
    rowBool: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      fc
        .tuple(fc.constantFrom<BinaryOp>('=', '<>', '<', '<=', '>', '>='), tie('rowNum'), tie('rowNum'))
        .map(([op, l, r]) => bin(op, l, r)),
      fc.constantFrom('a', 'b', 'c').map((v) => bin('=', col(table, 'c'), text(v))),
      fc.constant<Expr>({ kind: 'in', arg: col(table, 'c'), items: [text('a'), text('B')], span: z }),
      fc.constant(col(table, 'b')),
      fc.constant(call('CONTAINS', col(table, 'c'), text('b'))),
      fc.constant(call('ISBLANK', col(table, 'x'))),
      tie('rowBool').map((a): Expr => ({ kind: 'unary', op: 'NOT', arg: a, span: z })),
      fc
        .tuple(fc.constantFrom<BinaryOp>('AND', 'OR'), tie('rowBool'), tie('rowBool'))
        .map(([op, l, r]) => bin(op, l, r)),
    ),
  }));
  const agg = fc.oneof(
    fc
      .tuple(fc.constantFrom('SUM', 'AVERAGE', 'MIN', 'MAX', 'MEDIAN', 'STDEV', 'COUNT'), rowNum)
      .map(([f, a]) => call(f, a)),
    rowBool.map((c) => call('COUNTIF', c)),
    fc.tuple(fc.constantFrom('SUMIF', 'AVERAGEIF'), rowNum, rowBool).map(([f, a, c]) => call(f, a, c)),
    fc.constant(call('COUNTD', col(table, 'c'))),
    fc.constant(
      call('COUNTROWS', { kind: 'name', table: null, name: { text: table, bracketed: false }, span: z }),
    ),
  );
  return fc.oneof(
    { weight: 3, arbitrary: agg },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom<BinaryOp>('+', '-', '*', '/'), agg, agg)
        .map(([op, l, r]) => bin(op, l, r)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(agg, agg, fc.integer({ min: 0, max: 2 }))
        .map(([a, b, n]) => call('DIVIDE', a, b, lit(n))),
    },
  );
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  d: fc
    .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 28 }))
    .map(([m, day]) => `${MONTHS[m]}-${String(day).padStart(2, '0')}`),
  x: fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: -20, max: 50 })),
  y: fc.oneof(
    fc.constant(null),
    fc.constant(0),
    fc.integer({ min: -5, max: 9 }).map((v) => v / 2),
  ),
  c: fc.constantFrom(null, 'a', 'b', 'c', 'B', 'ab'),
  b: fc.constantFrom(null, true, false),
});

const schemaFor = (table: string): Schema => ({
  tables: [
    {
      name: table,
      timeColumn: 'd',
      columns: [
        { name: 'd', kind: 'date' },
        { name: 'x', kind: 'number' },
        { name: 'y', kind: 'number' },
        { name: 'c', kind: 'text' },
        { name: 'b', kind: 'boolean' },
      ],
    },
  ],
  relationships: [],
});

function sqlValue(v: Row[string]): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return duckdb.numberLiteral(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return duckdb.stringLiteral(v);
}

function close(actual: unknown, expected: unknown): boolean {
  if (expected === null || actual === null) return actual === expected;
  const a = actual as number;
  const e = expected as number;
  return Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e));
}

describe('engine and reference evaluator agree on random formulas', () => {
  it(`${RUNS * FORMULAS_PER_RUN} generated KPI formulas over random tables with blanks, zeros and empty months`, async () => {
    let run = 0;
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { maxLength: 30 }),
        fc.array(formulaArb('t'), { minLength: FORMULAS_PER_RUN, maxLength: FORMULAS_PER_RUN }),
        async (rows, formulas) => {
          const table = `t${run++}`;
          await engine.query(`CREATE TABLE ${table} (d DATE, x DOUBLE, y DOUBLE, c VARCHAR, b BOOLEAN)`);
          if (rows.length > 0) {
            const values = rows.map(
              (r) => `(DATE '${r.d}', ${['x', 'y', 'c', 'b'].map((k) => sqlValue(r[k])).join(', ')})`,
            );
            await engine.query(`INSERT INTO ${table} VALUES ${values.join(', ')}`);
          }
          // The generator names table `t`; each run renames it to its own table.
          const texts = formulas.map((f) =>
            printFormula(f)
              .replaceAll(/\bt\.(?=[xycbd]\b)/g, `${table}.`)
              .replaceAll('COUNTROWS(t)', `COUNTROWS(${table})`),
          );
          const kpis = texts.map((formula, i) => ({ id: `k${i}`, label: `k${i}`, formula, table }));
          const compiled = compileScorecard({
            dialect: duckdb,
            kpis,
            schema: schemaFor(table),
            grain: 'month',
            from: '2024-01-01',
            to: '2024-05-31',
          });
          if (compiled.diagnostics.length > 0) {
            throw new Error(
              compiled.diagnostics.map((d) => `${texts[Number(d.kpiId?.slice(1))]}: ${d.message}`).join('\n'),
            );
          }
          const result = await runScorecard(engine, compiled);
          expect(result.map((r) => r.period)).toEqual(MONTHS);
          for (const [m, month] of MONTHS.entries()) {
            const inMonth = rows.filter((r) => String(r.d).startsWith(month));
            formulas.forEach((f, i) => {
              const want = evalKpi(f, inMonth);
              const got = result[m].values[`k${i}`];
              if (!close(got, want)) {
                throw new Error(`${texts[i]} in ${month}: engine ${got}, reference ${want}`);
              }
            });
          }
          cases += formulas.length;
          await engine.query(`DROP TABLE ${table}`);
        },
      ),
      {
        numRuns: RUNS,
        endOnFailure: true,
        reporter: (r) => {
          if (r.failed) throw new Error(String(r.errorInstance));
        },
      },
    );
    expect(cases).toBeGreaterThanOrEqual(1000);
  });
});
