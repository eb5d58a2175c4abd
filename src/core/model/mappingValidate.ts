import type { Diagnostic } from '../formula/diagnostics';
import { canonicalColumn, canonicalTable } from './canonical';
import type { ColumnKind } from './columnKind';
import type { TableMapping } from './mapping';
import { checkComputedFormula, constantFits } from './mappingComputed';
import { KIND_WORDS, kindFits } from './mappingMatch';
import { computedColumns } from './mappingView';

export interface RawColumn {
  readonly name: string;
  readonly kind: ColumnKind;
}

/** Every problem a mapping can have: a code and its parameters (the UI writes them in the language shown). */
export interface MappingProblemParams {
  'not-canonical-table': { table: string };
  'no-such-column': { table: string; column: string };
  /** `target` (table.column) is mapped to a header the file does not have. */
  'header-missing': { target: string; header: string };
  /** `wonValues`: a text column chosen for won, which is read through its won/lost values. */
  'wrong-kind': {
    target: string;
    header: string;
    needs: ColumnKind;
    holds: ColumnKind;
    wonValues: boolean;
  };
  'required-missing': { table: string; column: string };
  'won-and-lost': { value: string };
  'won-unknown': Record<string, never>;
  /** The table being mapped already has the canonical table's name. */
  'table-is-view': { view: string };
  /** Another loaded table has the canonical table's name. */
  'view-name-taken': { view: string };
  'already-mapped': { other: string; view: string };
  'not-loaded': { table: string };
  /** The view could not be made; `message` is the engine's own, kept for a tooltip, never the text. */
  'view-failed': { message: string };
  /** A constant typed for `target` is not a value of the kind it needs. */
  'constant-invalid': { target: string; value: string; needs: ColumnKind };
  /** A derived column's formula has an error; `at` counts characters from 1. */
  'formula-invalid': {
    target: string;
    formula: string;
    at: number;
    diagnostic: Pick<Diagnostic, 'code' | 'params' | 'message'>;
  };
  /** A derived column's formula gives a value of another kind than the column needs. */
  'formula-kind': { target: string; needs: ColumnKind; holds: ColumnKind };
}

export type MappingProblemCode = keyof MappingProblemParams;

export interface MappingProblem<C extends MappingProblemCode = MappingProblemCode> {
  /** Canonical column the problem is about (`table.column`), or the table. */
  readonly target: string;
  readonly severity: 'error' | 'warning';
  readonly code: C;
  readonly params: MappingProblemParams[C];
  /** The English sentence (tests, the CLI, logs). */
  readonly message: string;
}

/** The English sentences; src/i18n/mapping.*.ts has them in every language. */
export const MAPPING_PROBLEM_FORMATTERS: {
  readonly [C in MappingProblemCode]: (p: MappingProblemParams[C]) => string;
} = {
  'not-canonical-table': (p) => `${p.table} is not a table of the canonical model`,
  'no-such-column': (p) => `${p.table} has no column ${p.column}`,
  'header-missing': (p) => `${p.target} is mapped to “${p.header}”, which the file does not have`,
  'wrong-kind': (p) =>
    `${p.target} needs ${KIND_WORDS[p.needs]}; column “${p.header}” holds ${KIND_WORDS[p.holds]}${p.wonValues ? ': say which of its values mean won and lost' : ''}`,
  'required-missing': (p) => `${p.table} needs ${p.column}: choose the column that holds it`,
  'won-and-lost': (p) => `“${p.value}” cannot mean both won and lost`,
  'won-unknown': () =>
    'deals.won is unknown until you say which stages mean won and lost; win rate and won amount wait for it',
  'table-is-view': (p) =>
    `This table is already called ${p.view}; load the file under another name to map it.`,
  'view-name-taken': (p) =>
    `A loaded table is already called ${p.view}; remove it or map this table to another canonical table.`,
  'already-mapped': (p) => `${p.other} is already mapped to ${p.view}; undo that mapping first.`,
  'not-loaded': (p) => `${p.table} is not loaded`,
  'view-failed': () => 'This mapping could not be applied; check the columns it reads and their types.',
  'constant-invalid': (p) => `${p.target} needs ${KIND_WORDS[p.needs]}; “${p.value}” is not one of them`,
  'formula-invalid': (p) => `${p.target}: at character ${p.at} of the formula: ${p.diagnostic.message}`,
  'formula-kind': (p) => `${p.target} needs ${KIND_WORDS[p.needs]}; the formula gives ${KIND_WORDS[p.holds]}`,
};

export function mappingProblem<C extends MappingProblemCode>(
  target: string,
  severity: 'error' | 'warning',
  code: C,
  params: MappingProblemParams[C],
): MappingProblem<C> {
  return { target, severity, code, params, message: MAPPING_PROBLEM_FORMATTERS[code](params) };
}

/**
 * What stops a mapping from holding: a header that is not in the file, a column
 * of the wrong kind ("deals.amount needs numbers; column “Deal Name” holds text"),
 * a required column left out, won/lost values that contradict each other.
 */
export function validateMapping(
  mapping: TableMapping,
  raw: readonly RawColumn[],
  rawTable = 'file',
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const t = mapping.canonicalTable;
  const table = canonicalTable(t);
  if (table === undefined) {
    return [mappingProblem(t, 'error', 'not-canonical-table', { table: t })];
  }
  const rawByName = new Map(raw.map((c) => [c.name, c]));
  const outcomes = mapping.stageOutcomes;
  for (const [column, header] of Object.entries(mapping.columns)) {
    const target = `${t}.${column}`;
    const canonical = canonicalColumn(t, column);
    if (canonical === undefined) {
      problems.push(mappingProblem(target, 'error', 'no-such-column', { table: t, column }));
      continue;
    }
    const found = rawByName.get(header);
    if (found === undefined) {
      problems.push(mappingProblem(target, 'error', 'header-missing', { target, header }));
      continue;
    }
    // A text won column is read through the won/lost values, like a stage.
    const viaOutcomes = column === 'won' && found.kind === 'text' && outcomes !== undefined;
    if (!viaOutcomes && !kindFits(canonical.kind, found.kind)) {
      problems.push(
        mappingProblem(target, 'error', 'wrong-kind', {
          target,
          header,
          needs: canonical.kind,
          holds: found.kind,
          wonValues: column === 'won' && found.kind === 'text',
        }),
      );
    }
  }
  problems.push(...computedProblems(mapping, raw, rawTable));
  const computed = new Set(computedColumns(mapping).map(([c]) => c));
  for (const c of table.columns) {
    if (c.required && mapping.columns[c.name] === undefined && !computed.has(c.name)) {
      problems.push(
        mappingProblem(`${t}.${c.name}`, 'error', 'required-missing', { table: t, column: c.name }),
      );
    }
  }
  if (outcomes !== undefined) {
    const lost = new Set(outcomes.lost);
    for (const v of outcomes.won) {
      if (lost.has(v)) {
        problems.push(mappingProblem(`${t}.won`, 'error', 'won-and-lost', { value: v }));
      }
    }
  }
  if (t === 'deals' && mapping.columns.won === undefined && outcomes === undefined) {
    problems.push(mappingProblem('deals.won', 'warning', 'won-unknown', {}));
  }
  return problems;
}

/** Constants that are not values of their column's kind; formulas with errors or of the wrong kind. */
function computedProblems(
  mapping: TableMapping,
  raw: readonly RawColumn[],
  rawTable: string,
): MappingProblem[] {
  const t = mapping.canonicalTable;
  const problems: MappingProblem[] = [];
  for (const [column, source] of Object.entries(mapping.computed ?? {})) {
    const target = `${t}.${column}`;
    const canonical = canonicalColumn(t, column);
    if (canonical === undefined || column === 'won') {
      problems.push(mappingProblem(target, 'error', 'no-such-column', { table: t, column }));
      continue;
    }
    if (mapping.columns[column] !== undefined) continue;
    if ('constant' in source) {
      if (!constantFits(canonical.kind, source.constant)) {
        problems.push(
          mappingProblem(target, 'error', 'constant-invalid', {
            target,
            value: source.constant,
            needs: canonical.kind,
          }),
        );
      }
      continue;
    }
    const checked = checkComputedFormula(source.formula, rawTable, raw);
    const first = checked.diagnostics.find((d) => d.severity === 'error');
    if (first !== undefined) {
      problems.push(
        mappingProblem(target, 'error', 'formula-invalid', {
          target,
          formula: source.formula,
          at: first.span.start + 1,
          diagnostic: { code: first.code, params: first.params, message: first.message },
        }),
      );
    } else if (checked.type !== null && !kindFits(canonical.kind, checked.type)) {
      problems.push(
        mappingProblem(target, 'error', 'formula-kind', {
          target,
          needs: canonical.kind,
          holds: checked.type,
        }),
      );
    }
  }
  return problems;
}
