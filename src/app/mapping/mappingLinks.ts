import type { Relationship } from '../../core/formula/schema';
import {
  chooseLinks,
  type FoundLink,
  type LinkCandidate,
  type LinkOverlap,
  linkCandidates,
} from '../../core/model/mappingRelations';
import type { LoadedTable } from '../../core/model/scorecardSchema';
import type { Dialect } from '../../core/sql/dialect';
import type { Engine } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';
import { tableToRows } from '../../engine/rows';

/**
 * Rows read from each side of a candidate, and distinct pointing values kept: the
 * measure stays about as fast on a 1M-row table as on a 100k one. The first rows
 * are read (not a random sample) so the same data always gives the same links.
 */
const ROW_CAP = 200_000;
const DISTINCT_CAP = 5_000;

/**
 * One query, in the engine's dialect: how many of the pointing column's values the other
 * column holds, and how unique it is. Numbers compare as numbers (1 and 1.0 are one key);
 * anything else as text. Every subquery is named, as PostgreSQL 15 requires.
 */
function linkOverlapSql(d: Dialect, c: LinkCandidate, bothNumbers: boolean): string {
  const q = d.quoteIdent;
  const key = (column: string) => d.cast(q(column), bothNumbers ? 'double' : 'text');
  return [
    `WITH f AS (SELECT DISTINCT ${key(c.fromColumn)} AS v FROM (SELECT * FROM ${q(c.fromTable)} LIMIT ${ROW_CAP}) AS s WHERE ${q(c.fromColumn)} IS NOT NULL LIMIT ${DISTINCT_CAP}),`,
    `t AS (SELECT ${key(c.toColumn)} AS v FROM ${q(c.toTable)} WHERE ${q(c.toColumn)} IS NOT NULL),`,
    `ts AS (SELECT v FROM t LIMIT ${ROW_CAP})`,
    'SELECT',
    `  (SELECT COUNT(*) FROM ${q(c.fromTable)}) AS from_rows,`,
    '  (SELECT COUNT(*) FROM f) AS from_distinct,',
    '  (SELECT COUNT(*) FROM f WHERE v IN (SELECT v FROM t)) AS found,',
    '  (SELECT COUNT(*) FROM ts) AS to_rows,',
    '  (SELECT COUNT(DISTINCT v) FROM ts) AS to_distinct',
  ].join('\n');
}

/**
 * Overlaps measured so far, by the two loaded tables (a table read again is a new
 * object, so it is measured again) and the candidate's columns. Links are looked for
 * after every table that loads: without this, the demo's 13 tables measured the same
 * pairs up to 15 times over, 116 queries in the one engine queue ahead of the first
 * scorecard.
 */
type LinkOverlaps = WeakMap<LoadedTable, WeakMap<LoadedTable, Map<string, LinkOverlap>>>;

export const createLinkOverlaps = (): LinkOverlaps => new WeakMap();

/**
 * The links between the tables the scorecard sees, found by name and confirmed
 * by values on the engine (one query per candidate not in `overlaps` yet), between
 * tables `known` does not link already. A candidate the engine refuses is skipped:
 * detection only saves the user typing.
 */
export async function detectLinks(
  engine: Engine,
  tables: readonly LoadedTable[],
  known: readonly Relationship[] = [],
  overlaps: LinkOverlaps = createLinkOverlaps(),
): Promise<FoundLink[]> {
  // Tables already linked (by the CRM model or the user) cost no query.
  const pairOf = (a: string, b: string) => [a, b].sort().join('\u0000');
  const linked = new Set(known.map((r) => pairOf(r.fromTable, r.toTable)));
  const candidates = linkCandidates(tables).filter((c) => !linked.has(pairOf(c.fromTable, c.toTable)));
  const tableNamed = (name: string) => tables.find((t) => t.name === name);
  const kindOf = (table: string, column: string) =>
    tableNamed(table)?.columns.find((c) => c.name === column)?.kind;
  const keptFor = (c: LinkCandidate) => {
    const from = tableNamed(c.fromTable);
    const to = tableNamed(c.toTable);
    if (from === undefined || to === undefined) return new Map<string, LinkOverlap>();
    const byTo = overlaps.get(from) ?? new WeakMap<LoadedTable, Map<string, LinkOverlap>>();
    overlaps.set(from, byTo);
    const kept = byTo.get(to) ?? new Map<string, LinkOverlap>();
    byTo.set(to, kept);
    return kept;
  };
  const dialect = engineDialect(engine);
  const measured: { candidate: LinkCandidate; overlap: LinkOverlap }[] = [];
  for (const candidate of candidates) {
    const bothNumbers =
      kindOf(candidate.fromTable, candidate.fromColumn) === 'number' &&
      kindOf(candidate.toTable, candidate.toColumn) === 'number';
    const kept = keptFor(candidate);
    const key = `${candidate.fromColumn}\u0000${candidate.toColumn}\u0000${bothNumbers}`;
    const before = kept.get(key);
    if (before !== undefined) {
      measured.push({ candidate, overlap: before });
      continue;
    }
    try {
      const [r] = tableToRows(await engine.query(linkOverlapSql(dialect, candidate, bothNumbers)));
      const overlap: LinkOverlap = {
        fromRows: Number(r.from_rows),
        fromDistinct: Number(r.from_distinct),
        found: Number(r.found),
        toRows: Number(r.to_rows),
        toDistinct: Number(r.to_distinct),
      };
      kept.set(key, overlap);
      measured.push({ candidate, overlap });
    } catch {
      // A table dropped or replaced while measuring: that candidate is simply not a link.
    }
  }
  return chooseLinks(measured);
}
