import { importMessage } from '../../core/ingest/messages';
import { duckdb } from '../../core/sql/dialects/registry';
import type { Engine } from '../engine';
import { type CsvColumn, type CsvDialect, readCsvCall, sniffCsv } from './csvRead';
import { ROW_NUMBER_COLUMN } from './csvText';
import { applyDateMappings } from './dateMapping';
import { countRows } from './describe';
import { kindOfSqlType } from './sqlTypes';
import { mergeProblems, type ProblemReport, takeProblems, typedSelect } from './typedSelect';
import { type TypingNotes, typingNotes } from './typingNotes';
import { type Conversion, planTyping, STATS_SAMPLE, type TypingOptions } from './typingPlan';
import { numberExpr, ref, STAGE } from './typingSql';

const q = duckdb.quoteIdent;

export interface LoadedCsv extends TypingNotes {
  rows: number;
  problems: ProblemReport;
}

interface CsvTypingOptions extends TypingOptions {
  /** The header's first cell is empty: name that column `row` (see csvText). */
  rowNumberColumn?: boolean;
}

/** DuckDB names the column a value could not be read into; the rest of its message is for people. */
const CONVERSION_ERROR = /Error when converting column "(.*?)"\. Could not convert/s;

/**
 * Which column to read as text instead, after the reader met a value that did not fit
 * its type: a column typed directly from a clean sample, or one DuckDB's sniffer took
 * for numbers from its first 20,480 rows. Undefined when the error is something else.
 */
function columnToRetype(
  err: unknown,
  conversions: Map<string, Conversion>,
  types: Map<string, string>,
  decimalComma: boolean,
): Conversion | undefined {
  const column = CONVERSION_ERROR.exec(err instanceof Error ? err.message : String(err))?.[1];
  if (column === undefined) return undefined;
  const conv = conversions.get(column);
  if (conv?.readAs) return { column, kind: conv.kind, expr: conv.expr };
  if (!conv && kindOfSqlType(types.get(column) ?? '') === 'number')
    return { column, kind: 'number', expr: numberExpr(ref(column), decimalComma) };
  return undefined;
}

/**
 * Loads a registered CSV file into `target`, typed, in one pass over the data:
 * DuckDB sniffs the file once; the first rows are read into a sample and the typing
 * rules decide each text column on it; then one `read_csv` reads the file with
 * columns that were clean in the sample (ISO dates, true/false) typed by the reader
 * itself and the others converted by SQL as they are read, keeping only the text of
 * values that did not fit so they can be counted and reported. A value that breaks a
 * column the reader typed makes it fail; that column is then read as text and
 * converted instead, and the pass is repeated. Dates that need a JS mapping (Jalali,
 * d/m/y) are the only ones that cost a second pass.
 */
export async function loadCsv(
  engine: Engine,
  file: string,
  dialect: CsvDialect,
  target: string,
  options: CsvTypingOptions,
): Promise<LoadedCsv> {
  const sniffed = await sniffCsv(engine, file, dialect);
  const rowColumn = options.rowNumberColumn ? nameRowNumberColumn(sniffed.columns) : undefined;
  const names = sniffed.columns.map((c) => c.name);
  const sniffedTypes = new Map(sniffed.columns.map((c) => [c.name, c.type]));
  const sampleRead = readCsvCall(
    file,
    dialect,
    sniffed,
    sniffed.columns.map((c) => c.type),
  );
  // A relation, not a table: most files are settled by one read of it into JS.
  const sample = `(SELECT * FROM ${sampleRead} LIMIT ${STATS_SAMPLE})`;
  const text = sniffed.columns.filter((c) => kindOfSqlType(c.type) === 'text').map((c) => c.name);
  const plan = await planTyping(engine, sample, text, options, `${target}__sample`);

  let conversions = plan.conversions;
  for (let attempt = 0; ; attempt++) {
    const inSql = new Map([...conversions].filter(([, c]) => !c.readAs));
    const types = sniffed.columns.map((c) =>
      inSql.has(c.name) ? 'VARCHAR' : (conversions.get(c.name)?.readAs ?? c.type),
    );
    const from = `FROM ${readCsvCall(file, dialect, sniffed, types)} AS ${STAGE}`;
    let created: unknown;
    try {
      const result = await engine.query(
        `CREATE OR REPLACE TABLE ${q(target)} AS ${typedSelect(names, inSql, from)}`,
      );
      // DuckDB answers CREATE TABLE AS with the number of rows it wrote.
      created = result.toArray()[0]?.Count;
    } catch (err) {
      const retype = columnToRetype(err, conversions, sniffedTypes, dialect.decimalComma);
      if (!retype || attempt >= names.length) throw err;
      conversions = new Map(conversions).set(retype.column, retype);
      continue;
    }
    const problems = await takeProblems(engine, target, names, inSql);
    problems.push(...(await applyDateMappings(engine, target, names, plan.mappings)));
    const rows = typeof created === 'bigint' || typeof created === 'number' ? Number(created) : undefined;
    const { notes, currencies } = typingNotes({ ...plan, conversions }, problems, names);
    if (rowColumn) notes.unshift(importMessage('row-number-column', { column: rowColumn }));
    return {
      rows: rows ?? (await countRows(engine, target)),
      problems: mergeProblems(problems, names),
      notes,
      currencies,
    };
  }
}

/**
 * DuckDB names a column with an empty header `column0`; the first one, written so by R
 * and pandas for row numbers, is named `row` instead (`row_2` if the file has a `row`).
 */
function nameRowNumberColumn(columns: CsvColumn[]): string | undefined {
  if (columns.length === 0) return undefined;
  const taken = new Set(columns.slice(1).map((c) => c.name.toLowerCase()));
  let name = ROW_NUMBER_COLUMN;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${ROW_NUMBER_COLUMN}_${n}`;
  columns[0] = { ...columns[0], name };
  return name;
}
