import type { Relationship } from '../../core/formula/schema';
import {
  canBePointedAt,
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

/** The key a column is compared on: numbers as numbers (1 and 1.0 are one key), anything else as text. */
const keyOf = (d: Dialect, column: string, numbers: boolean) =>
  d.cast(d.quoteIdent(column), numbers ? 'double' : 'text');

/**
 * One query per table, in the engine's dialect: the non-blank rows and distinct keys of
 * each column that candidates point at, over its first rows. Every subquery is named, as
 * PostgreSQL 15 requires.
 */
function targetsSql(d: Dialect, table: string, targets: readonly Target[]): string {
  const q = d.quoteIdent;
  const ctes = targets.map(
    (t, i) =>
      `k${i} AS (SELECT ${keyOf(d, t.column, t.numbers)} AS v FROM ${q(table)} WHERE ${q(t.column)} IS NOT NULL LIMIT ${ROW_CAP})`,
  );
  const counts = targets.flatMap((_, i) => [
    `(SELECT COUNT(*) FROM k${i}) AS rows_${i}`,
    `(SELECT COUNT(DISTINCT v) FROM k${i}) AS distinct_${i}`,
  ]);
  return `WITH ${ctes.join(',\n')}\nSELECT ${counts.join(',\n  ')}`;
}

/** One query per candidate whose target can be pointed at: how many of the pointing column's values that column holds. */
function pointingSql(d: Dialect, c: LinkCandidate, numbers: boolean): string {
  const q = d.quoteIdent;
  return [
    `WITH f AS (SELECT DISTINCT ${keyOf(d, c.fromColumn, numbers)} AS v FROM (SELECT * FROM ${q(c.fromTable)} LIMIT ${ROW_CAP}) AS s WHERE ${q(c.fromColumn)} IS NOT NULL LIMIT ${DISTINCT_CAP}),`,
    `t AS (SELECT ${keyOf(d, c.toColumn, numbers)} AS v FROM ${q(c.toTable)} WHERE ${q(c.toColumn)} IS NOT NULL)`,
    'SELECT',
    `  (SELECT COUNT(*) FROM ${q(c.fromTable)}) AS from_rows,`,
    '  (SELECT COUNT(*) FROM f) AS from_distinct,',
    '  (SELECT COUNT(*) FROM f WHERE v IN (SELECT v FROM t)) AS found',
  ].join('\n');
}

interface Target {
  readonly column: string;
  readonly numbers: boolean;
}
type TargetMeasure = Pick<LinkOverlap, 'toRows' | 'toDistinct'>;
type PointingMeasure = Omit<LinkOverlap, keyof TargetMeasure>;

/**
 * What has been measured, by loaded table entry (a table read again is a new entry, so it
 * is measured again): each column pointed at, and each pair whose target can be pointed
 * at. Links are looked for after every table that loads; the demo's 13 tables once asked
 * 116 pair queries in the one engine queue ahead of the first scorecard, then 40 (each
 * pair once), nearly all pointing at columns that are not unique.
 */
interface LinkMeasures {
  readonly targets: WeakMap<LoadedTable, Map<string, TargetMeasure>>;
  readonly pairs: WeakMap<LoadedTable, WeakMap<LoadedTable, Map<string, PointingMeasure>>>;
}

export const createLinkMeasures = (): LinkMeasures => ({ targets: new WeakMap(), pairs: new WeakMap() });

const keyedBy = (column: string, other: string, numbers: boolean) =>
  `${column}\u0000${other}\u0000${numbers}`;

/** The map kept under `key` in a weak map, made on first use. */
function entry<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}

/**
 * The links between the tables the scorecard sees, found by name and confirmed by values
 * on the engine, between tables `known` does not link already: first whether each column
 * pointed at is unique enough (one query per table), then, for those that are, how many
 * pointing values it holds (one query per candidate). Nothing in `measures` is asked
 * again. A query the engine refuses is skipped: detection only saves the user typing.
 */
export async function detectLinks(
  engine: Engine,
  tables: readonly LoadedTable[],
  known: readonly Relationship[] = [],
  measures: LinkMeasures = createLinkMeasures(),
): Promise<FoundLink[]> {
  // Tables already linked (by the CRM model or the user) cost no query.
  const pairOf = (a: string, b: string) => [a, b].sort().join('\u0000');
  const linked = new Set(known.map((r) => pairOf(r.fromTable, r.toTable)));
  const tableNamed = (name: string) => tables.find((t) => t.name === name);
  const kindOf = (table: LoadedTable, column: string) => table.columns.find((c) => c.name === column)?.kind;
  const candidates = linkCandidates(tables).flatMap((candidate) => {
    const from = tableNamed(candidate.fromTable);
    const to = tableNamed(candidate.toTable);
    if (from === undefined || to === undefined || linked.has(pairOf(from.name, to.name))) return [];
    const numbers =
      kindOf(from, candidate.fromColumn) === 'number' && kindOf(to, candidate.toColumn) === 'number';
    return [{ candidate, from, to, numbers, target: keyedBy(candidate.toColumn, '', numbers) }];
  });
  const dialect = engineDialect(engine);
  const targetsOf = (t: LoadedTable) => entry(measures.targets, t, () => new Map<string, TargetMeasure>());

  const unmeasured = new Map<LoadedTable, Map<string, Target>>();
  for (const c of candidates)
    if (!targetsOf(c.to).has(c.target))
      entry(unmeasured, c.to, () => new Map()).set(c.target, {
        column: c.candidate.toColumn,
        numbers: c.numbers,
      });
  for (const [table, wanted] of unmeasured) {
    const targets = [...wanted.values()];
    try {
      const [r] = tableToRows(await engine.query(targetsSql(dialect, table.name, targets)));
      for (const [i, key] of [...wanted.keys()].entries())
        targetsOf(table).set(key, { toRows: Number(r[`rows_${i}`]), toDistinct: Number(r[`distinct_${i}`]) });
    } catch {
      // A table dropped or replaced while measuring: its candidates are simply not links.
    }
  }

  const measured: { candidate: LinkCandidate; overlap: LinkOverlap }[] = [];
  for (const { candidate, from, to, numbers, target } of candidates) {
    const pointedAt = targetsOf(to).get(target);
    if (pointedAt === undefined || !canBePointedAt(pointedAt)) continue;
    const kept = entry(
      entry(measures.pairs, from, () => new WeakMap()),
      to,
      () => new Map(),
    );
    const key = keyedBy(candidate.fromColumn, candidate.toColumn, numbers);
    let pointing = kept.get(key);
    if (pointing === undefined)
      try {
        const [r] = tableToRows(await engine.query(pointingSql(dialect, candidate, numbers)));
        pointing = {
          fromRows: Number(r.from_rows),
          fromDistinct: Number(r.from_distinct),
          found: Number(r.found),
        };
        kept.set(key, pointing);
      } catch {
        continue;
      }
    measured.push({ candidate, overlap: { ...pointing, ...pointedAt } });
  }
  return chooseLinks(measured);
}
