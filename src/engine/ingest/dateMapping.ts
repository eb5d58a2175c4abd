import { parseDateText } from '../../core/ingest/dates';
import { duckdb } from '../../core/sql/dialects/registry';
import { dropSql, renameTableSql } from '../../core/sql/tableDdl';
import { textColumnsToIPC } from '../arrowText';
import type { Engine } from '../engine';
import { scratchName } from '../scratchName';
import { CONVERT_SHARE } from './sampleKinds';
import { type ColumnProblems, type TypedExpr, takeProblems, typedSelect } from './typedSelect';
import type { DateMappingPlan } from './typingPlan';
import { nonBlank, ref, STAGE } from './typingSql';

const MAX_MAPPED_DATES = 200_000;
const q = duckdb.quoteIdent;

interface Mapping {
  column: string;
  table: string;
}

/** Every distinct text of the column read in JS; undefined when too many or too few are dates. */
async function buildMapping(
  engine: Engine,
  table: string,
  plan: DateMappingPlan,
): Promise<Mapping | undefined> {
  const r = await engine.query(
    `SELECT DISTINCT trim(${ref(plan.column)}) AS v FROM ${q(table)} AS ${STAGE} WHERE ${nonBlank(ref(plan.column))} LIMIT ${MAX_MAPPED_DATES + 1}`,
  );
  const all = r.toArray().map((x) => String(x.v));
  if (all.length > MAX_MAPPED_DATES) return undefined;
  const __raw: string[] = [];
  const __iso: string[] = [];
  for (const v of all) {
    const d = parseDateText(v, plan.order);
    if (d) {
      __raw.push(v);
      __iso.push(d);
    }
  }
  if (__raw.length < all.length * CONVERT_SHARE) return undefined;
  const mapping = scratchName('__datemap_');
  await engine.insertArrowIPC(mapping, textColumnsToIPC({ __raw, __iso }));
  return { column: plan.column, table: mapping };
}

/**
 * Types the date columns DuckDB cannot cast by joining each to a table of its
 * distinct values read in JS. It needs every value of the column first, so it runs on
 * the loaded table and rebuilds it: a second pass that only such files pay.
 * Columns whose values do not read as dates stay text.
 */
export async function applyDateMappings(
  engine: Engine,
  table: string,
  columns: readonly string[],
  plans: readonly DateMappingPlan[],
): Promise<ColumnProblems[]> {
  if (plans.length === 0) return [];
  const mappings: Mapping[] = [];
  const rebuilt = `${table}__dates`;
  try {
    for (const p of plans) {
      const m = await buildMapping(engine, table, p);
      if (m) mappings.push(m);
    }
    if (mappings.length === 0) return [];
    const conversions = new Map<string, TypedExpr>(
      mappings.map((m) => [m.column, { kind: 'date', expr: `TRY_CAST(${q(m.table)}.__iso AS DATE)` }]),
    );
    const joins = mappings.map(
      (m) => `LEFT JOIN ${q(m.table)} ON ${q(m.table)}.__raw = trim(${ref(m.column)})`,
    );
    const from = [`FROM ${q(table)} AS ${STAGE}`, ...joins].join(' ');
    await engine.query(
      `CREATE OR REPLACE TABLE ${q(rebuilt)} AS ${typedSelect(columns, conversions, from, true)}`,
    );
    const problems = await takeProblems(engine, rebuilt, columns, conversions);
    await engine.query(dropSql(duckdb, table));
    await engine.query(renameTableSql(duckdb, rebuilt, table));
    return problems;
  } finally {
    for (const m of mappings) await engine.query(dropSql(duckdb, m.table));
    await engine.query(dropSql(duckdb, rebuilt));
  }
}
