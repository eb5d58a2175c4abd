import { type ImportMessage, importMessage } from '../../core/ingest/messages';
import type { ColumnKind } from '../../core/model/columnKind';
import { duckdb } from '../../core/sql/dialects/registry';
import type { Engine } from '../engine';
import type { ImportProblem } from './types';
import { missingWord, nonBlank, ref, STAGE } from './typingSql';

const MAX_PROBLEM_SAMPLES = 20;

const q = duckdb.quoteIdent;
const valueCol = (i: number) => `__shakhes_value_${i}`;
const flagCol = (i: number) => `__shakhes_unfit_${i}`;
const ROW = '__shakhes_row';

/** A text column turned into `kind` by `expr`, an expression over the text row `__stage`. */
export interface TypedExpr {
  kind: ColumnKind;
  expr: string;
}

/**
 * The values of one column that did not fit its type: how many, and the first few;
 * and apart from them the missing-value words (NA, NULL, -) stored as blanks.
 */
export interface ColumnProblems {
  column: string;
  count: number;
  samples: ImportProblem[];
  readAsBlank: number;
  /** The missing-value words found, sorted. */
  blankWords: string[];
}

const WORD_SEPARATOR = '\u001f';

/**
 * A SELECT that gives `columns` in order, converted where `conversions` says, from
 * `from` (which names its row source `__stage`). Next to each converted column it keeps
 * the original text of the values that did not fit, and nothing else, so the problems
 * are counted from the result instead of by a second pass over the data.
 * `ordered` keeps the rows in `__stage.rowid` order through joins.
 */
export function typedSelect(
  columns: readonly string[],
  conversions: ReadonlyMap<string, TypedExpr>,
  from: string,
  ordered = false,
): string {
  if (conversions.size === 0 && !ordered) return `SELECT * ${from}`;
  const inner = columns.map((c, i) => {
    const conv = conversions.get(c);
    return conv ? `${ref(c)}, ${conv.expr} AS ${q(valueCol(i))}` : ref(c);
  });
  if (ordered) inner.push(`${STAGE}.rowid AS ${ROW}`);
  const outer = columns.map((c, i) =>
    conversions.has(c) ? `${STAGE}.${q(valueCol(i))} AS ${q(c)}` : ref(c),
  );
  for (const [i, c] of columns.entries())
    if (conversions.has(c))
      outer.push(
        `CASE WHEN ${STAGE}.${q(valueCol(i))} IS NULL AND ${nonBlank(ref(c))} THEN ${ref(c)} END AS ${q(flagCol(i))}`,
      );
  return (
    `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} ${from}) AS ${STAGE}` +
    (ordered ? ` ORDER BY ${STAGE}.${ROW}` : '')
  );
}

/**
 * Reads the values kept by `typedSelect` in `table` as problems (rows are 1-based
 * positions in the table), then drops the columns that kept them.
 */
export async function takeProblems(
  engine: Engine,
  table: string,
  columns: readonly string[],
  conversions: ReadonlyMap<string, TypedExpr>,
): Promise<ColumnProblems[]> {
  const flagged = columns.flatMap((c, i) => {
    const conv = conversions.get(c);
    return conv ? [{ column: c, kind: conv.kind, flag: flagCol(i) }] : [];
  });
  if (flagged.length === 0) return [];
  const counts = (
    await engine.query(
      `SELECT ${flagged
        .map(
          (f, i) =>
            `count(${q(f.flag)}) FILTER (WHERE NOT ${missingWord(q(f.flag))}) AS "n${i}", ` +
            `count(${q(f.flag)}) FILTER (WHERE ${missingWord(q(f.flag))}) AS "m${i}", ` +
            `string_agg(DISTINCT trim(${q(f.flag)}), chr(31)) FILTER (WHERE ${missingWord(q(f.flag))}) AS "w${i}"`,
        )
        .join(', ')} FROM ${q(table)}`,
    )
  ).toArray()[0];
  const out: ColumnProblems[] = [];
  for (const [i, f] of flagged.entries()) {
    const count = Number(counts[`n${i}`]);
    const readAsBlank = Number(counts[`m${i}`]);
    const words = counts[`w${i}`];
    const blankWords = words == null ? [] : String(words).split(WORD_SEPARATOR).sort();
    if (count === 0) {
      if (readAsBlank > 0) out.push({ column: f.column, count, samples: [], readAsBlank, blankWords });
      continue;
    }
    const rows = await engine.query(
      `SELECT rowid + 1 AS r, ${q(f.flag)} AS v FROM ${q(table)} WHERE ${q(f.flag)} IS NOT NULL AND NOT ${missingWord(q(f.flag))} ORDER BY rowid LIMIT ${MAX_PROBLEM_SAMPLES}`,
    );
    out.push({
      column: f.column,
      count,
      samples: rows
        .toArray()
        .map((r) => ({ column: f.column, row: Number(r.r), value: String(r.v), expected: f.kind })),
      readAsBlank,
      blankWords,
    });
  }
  for (const f of flagged) await engine.query(`ALTER TABLE ${q(table)} DROP COLUMN ${q(f.flag)}`);
  return out;
}

export interface ProblemReport {
  count: number;
  samples: ImportProblem[];
}

/** One report for the file: the total, and the first samples taken column by column. */
export function mergeProblems(
  perColumn: readonly ColumnProblems[],
  columns: readonly string[],
): ProblemReport {
  const byColumn = [...perColumn].sort((a, b) => columns.indexOf(a.column) - columns.indexOf(b.column));
  const samples = byColumn.flatMap((p) => p.samples).slice(0, MAX_PROBLEM_SAMPLES);
  return { count: byColumn.reduce((n, p) => n + p.count, 0), samples };
}

/** "12 values read as blank (NA, -) in amount, closed": the missing-value words of every column. */
export function readAsBlankNote(
  perColumn: readonly ColumnProblems[],
  columns: readonly string[],
): ImportMessage | undefined {
  const withBlanks = perColumn
    .filter((p) => p.readAsBlank > 0)
    .sort((a, b) => columns.indexOf(a.column) - columns.indexOf(b.column));
  if (withBlanks.length === 0) return undefined;
  return importMessage('read-as-blank', {
    count: withBlanks.reduce((n, p) => n + p.readAsBlank, 0),
    tokens: [...new Set(withBlanks.flatMap((p) => p.blankWords))].sort(),
    columns: withBlanks.map((p) => p.column),
  });
}
