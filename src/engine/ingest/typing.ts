import { duckdb } from '../../core/sql/dialects/registry';
import type { Engine } from '../engine';
import { applyDateMappings } from './dateMapping';
import { mergeProblems, takeProblems, typedSelect } from './typedSelect';
import type { ColumnInfo, ImportProblem } from './types';
import { type TypingNotes, typingNotes } from './typingNotes';
import { planTyping, STATS_SAMPLE, type TypingOptions } from './typingPlan';
import { STAGE } from './typingSql';

const q = duckdb.quoteIdent;

interface TypingResult extends TypingNotes {
  problems: { count: number; samples: ImportProblem[] };
}

/**
 * Builds `target` from a staging table of text (JSON, XLSX) with its text columns
 * typed by the shared rules (see typingPlan). Rows keep their order; problem rows are
 * 1-based positions in the staging table.
 */
export async function typeColumns(
  engine: Engine,
  staging: string,
  target: string,
  columns: ColumnInfo[],
  options: TypingOptions,
): Promise<TypingResult> {
  const names = columns.map((c) => c.name);
  const text = columns.filter((c) => c.kind === 'text').map((c) => c.name);
  const plan = await planTyping(engine, `(SELECT * FROM ${q(staging)} LIMIT ${STATS_SAMPLE})`, text, options);
  await engine.query(
    `CREATE OR REPLACE TABLE ${q(target)} AS ${typedSelect(names, plan.conversions, `FROM ${q(staging)} AS ${STAGE}`)}`,
  );
  const problems = await takeProblems(engine, target, names, plan.conversions);
  problems.push(...(await applyDateMappings(engine, target, names, plan.mappings)));
  return { problems: mergeProblems(problems, names), ...typingNotes(plan, problems, names) };
}
