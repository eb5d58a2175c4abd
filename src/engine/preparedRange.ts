import type { Table } from 'apache-arrow';
import type { RangedSql } from '../core/formula/compile';
import { type Engine, EngineCancelled, type QueryOptions } from './engine';
import { engineDialect } from './engineDialect';
import { engineRoot } from './engineRoot';

/**
 * Most statements kept per database. A view prepares three at most (the grid, its breakdown,
 * to date); the pieces computed ahead are not prepared (frameResults.ts), or their 70 at
 * demo ×41 with a breakdown pushed the grid's own out before the next range came.
 */
const MOST_KEPT = 64;

/** Per database (engineRoot): the SQL text of each statement prepared there → its name, least recently used first. */
const kept = new WeakMap<Engine, Map<string, string>>();
let named = 0;

const missing = (e: unknown) => e instanceof Error && /prepared statement/i.test(e.message);

/** The statements kept for the database `engine` runs on; null when its statements do not stay. */
function keptFor(engine: Engine): Map<string, string> | null {
  const root = engineRoot(engine);
  if (root.keepsStatements !== true) return null;
  const statements = kept.get(root) ?? new Map<string, string>();
  kept.set(root, statements);
  return statements;
}

/** Prepares `ranged` and keeps its name, letting go of the least recently used beyond the most kept. */
async function prepare(
  engine: Engine,
  statements: Map<string, string>,
  ranged: RangedSql,
  options?: QueryOptions,
): Promise<string> {
  const name = `shakhes_range_${++named}`;
  await engine.query(`PREPARE ${name} AS ${ranged.sql}`, options);
  statements.set(ranged.sql, name);
  for (const [sql, old] of statements) {
    if (statements.size <= MOST_KEPT) break;
    statements.delete(sql);
    await engine.query(`DEALLOCATE ${old}`).catch(() => undefined);
  }
  return name;
}

/**
 * Runs a query whose date range is its two parameters. Planning the scorecard's query is
 * most of its time once rollups answer it (0.45 s of 0.7 s at demo ×41), so it is prepared
 * once per SQL text and each new range only executes it. Engines whose statements do not
 * stay between queries run `literal`, the same query with the dates written in.
 */
export async function queryRanged(
  engine: Engine,
  ranged: RangedSql,
  literal: string,
  options?: QueryOptions,
): Promise<Table> {
  const statements = keptFor(engine);
  if (statements === null) return engine.query(literal, options);
  const d = engineDialect(engine);
  const execute = (name: string) =>
    engine.query(`EXECUTE ${name}(${d.dateLiteral(ranged.from)}, ${d.dateLiteral(ranged.to)})`, options);

  const known = statements.get(ranged.sql);
  if (known !== undefined) {
    statements.delete(ranged.sql);
    statements.set(ranged.sql, known);
    try {
      return await execute(known);
    } catch (e) {
      // Gone from the engine (it was reset underneath): prepared again below. Any other failure is the query's.
      if (e instanceof EngineCancelled || !missing(e)) throw e;
      statements.delete(ranged.sql);
    }
  }
  return execute(await prepare(engine, statements, ranged, options));
}

/**
 * Prepares `ranged` ahead, when it is not yet: the app does so in the background once the
 * rollups are built, so the first new range after that only executes the query.
 */
export async function prepareRanged(
  engine: Engine,
  ranged: RangedSql,
  options?: QueryOptions,
): Promise<void> {
  const statements = keptFor(engine);
  if (statements === null || statements.has(ranged.sql)) return;
  await prepare(engine, statements, ranged, options);
}

/** How many statements are kept for the engine's database (for tests). */
export function keptStatements(engine: Engine): number {
  return kept.get(engineRoot(engine))?.size ?? 0;
}
