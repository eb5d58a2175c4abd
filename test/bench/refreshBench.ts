import { createRollups } from '../../src/app/scorecard/rollups';
import { compileScorecard, type ScorecardRequest } from '../../src/core/formula/compile';
import { duckdb } from '../../src/core/sql/dialects/registry';
import type { Engine } from '../../src/engine/engine';
import { queryRanged } from '../../src/engine/preparedRange';
import type { Figure } from './report';
import { interleavedRuns, timeRuns } from './stats';

interface Refresh {
  /** The grid's own query (month grain, whole-range figures, no breakdown) reading the tables. */
  rawSql: string;
  raw: number[];
  /** Building every rollup the KPIs can read, once per data. */
  build: number[];
  /** The same query reading the rollups. */
  rolled: number[];
  /** A Jalali quarter view of the same range, from the rollups. */
  rolledJalali: number[];
  /** Planning the month query from rollups alone (EXPLAIN: parse, bind, optimise, no run), interleaved with `rolled`. */
  rolledPlan: number[];
  /** The month query from rollups as the app runs it: prepared once, each run a new range (preparedRange.ts). */
  rolledPrepared: number[];
  /** The same for Jalali quarters. */
  rolledPreparedJalali: number[];
}

/**
 * A scorecard refresh nothing cached covers, as the runner asks it (runner.ts: the main
 * frame carries the whole-range figures; the breakdown comes after the grid): timed on
 * the tables, then on the day-level rollups (rollups.ts) built once for the data.
 */
export async function refreshRuns(
  engine: Engine,
  req: Pick<ScorecardRequest, 'kpis' | 'schema' | 'from' | 'to'>,
  runs: number,
): Promise<Refresh> {
  const main: ScorecardRequest = { ...req, dialect: duckdb, grain: 'month', totals: true };
  const rawSql = compileScorecard(main).sql;
  const raw = await timeRuns(runs, async () => {
    await engine.query(rawSql);
  });
  let round = 0;
  let ready: ReadonlyMap<string, string> = new Map();
  // Each round builds for new data, so it drops the last round's rollups and builds them all again.
  const build = await timeRuns(runs, async () => {
    const rollups = createRollups();
    const token = `bench ${++round}`;
    await rollups.build(engine, token, main);
    ready = rollups.readyFor(token);
  });
  const rolledSql = compileScorecard({ ...main, rollups: ready }).sql;
  if (!rolledSql.includes('_rollup_')) throw new Error('no block of the scorecard read a rollup');
  // Interleaved, so the share of planning in the refresh holds whatever the load.
  const [rolled, rolledPlan] = await interleavedRuns(runs, [
    async () => {
      await engine.query(rolledSql);
    },
    async () => {
      await engine.query(`EXPLAIN ${rolledSql}`);
    },
  ]);
  const jalali: ScorecardRequest = { ...main, grain: 'quarter', calendar: 'jalali', rollups: ready };
  const jalaliSql = compileScorecard(jalali).sql;
  const rolledJalali = await timeRuns(runs, async () => {
    await engine.query(jalaliSql);
  });
  return {
    rawSql,
    raw,
    build,
    rolled,
    rolledJalali,
    rolledPlan,
    rolledPrepared: await newRanges(engine, { ...main, rollups: ready }, runs),
    rolledPreparedJalali: await newRanges(engine, jalali, runs),
  };
}

/**
 * The query of `req` as the app runs it, each run for a range it has not run before (the
 * start a month later each time): prepared on the first, the warm-up, then only executed.
 */
async function newRanges(engine: Engine, req: ScorecardRequest, runs: number): Promise<number[]> {
  let shift = 0;
  const next = () => {
    const from = new Date(`${req.from}T00:00:00Z`);
    from.setUTCMonth(from.getUTCMonth() + shift++);
    const compiled = compileScorecard({ ...req, from: from.toISOString().slice(0, 10) });
    if (compiled.ranged === undefined) throw new Error('the refresh query has no range parameters');
    return { ranged: compiled.ranged, sql: compiled.sql };
  };
  return timeRuns(runs, async () => {
    const { ranged, sql } = next();
    await queryRanged(engine, ranged, sql);
  });
}

/** The refresh figures beside the native single-thread time of the raw refresh query. */
export function refreshFigures(section: string, r: Refresh, native1: number[]): Figure[] {
  const n1 = 'native DuckDB, 1 thread: refresh SQL (month + totals, tables)';
  return [
    { section, work: n1, runs: native1 },
    { section, work: 'DuckDB-WASM (Node): refresh SQL from the tables', runs: r.raw, baseline: n1 },
    { section, work: 'DuckDB-WASM (Node): build every rollup (once per data)', runs: r.build, baseline: n1 },
    {
      section,
      work: 'DuckDB-WASM (Node): refresh SQL from rollups, planned each time',
      runs: r.rolled,
      baseline: n1,
    },
    {
      section,
      work: 'DuckDB-WASM (Node): refresh SQL from rollups, a new range (prepared once)',
      runs: r.rolledPrepared,
      baseline: n1,
      target: '≤ 0.3 s and ≤ 0.3× native 1 thread',
      goal: ['refresh', 'refresh-vs-native'],
    },
    {
      section,
      work: 'DuckDB-WASM (Node): planning the refresh SQL from rollups alone (EXPLAIN)',
      runs: r.rolledPlan,
      baseline: 'DuckDB-WASM (Node): refresh SQL from rollups, planned each time',
    },
    {
      section,
      work: 'DuckDB-WASM (Node): refresh SQL from rollups, Jalali quarters, planned each time',
      runs: r.rolledJalali,
      baseline: n1,
    },
    {
      section,
      work: 'DuckDB-WASM (Node): refresh SQL from rollups, Jalali quarters, a new range (prepared once)',
      runs: r.rolledPreparedJalali,
      baseline: n1,
      target: '≤ 0.3 s and ≤ 0.3× native 1 thread',
      goal: ['refresh', 'refresh-vs-native'],
    },
  ];
}
