import { canonicalColumn, canonicalTable, type LogicalKind } from './canonical';
import type { TableMapping } from './mapping';
import { KIND_WORDS, kindFits } from './mappingMatch';

export interface RawColumn {
  readonly name: string;
  readonly kind: LogicalKind;
}

export interface MappingProblem {
  /** Canonical column the problem is about (`table.column`), or the table. */
  readonly target: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/**
 * What stops a mapping from holding: a header that is not in the file, a column
 * of the wrong kind ("deals.amount needs numbers; column “Deal Name” holds text"),
 * a required column left out, won/lost values that contradict each other.
 */
export function validateMapping(mapping: TableMapping, raw: readonly RawColumn[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const t = mapping.canonicalTable;
  const table = canonicalTable(t);
  if (table === undefined) {
    return [{ target: t, severity: 'error', message: `${t} is not a table of the canonical model` }];
  }
  const rawByName = new Map(raw.map((c) => [c.name, c]));
  const outcomes = mapping.stageOutcomes;
  for (const [column, header] of Object.entries(mapping.columns)) {
    const target = `${t}.${column}`;
    const canonical = canonicalColumn(t, column);
    if (canonical === undefined) {
      problems.push({ target, severity: 'error', message: `${t} has no column ${column}` });
      continue;
    }
    const found = rawByName.get(header);
    if (found === undefined) {
      problems.push({
        target,
        severity: 'error',
        message: `${target} is mapped to “${header}”, which the file does not have`,
      });
      continue;
    }
    // A text won column is read through the won/lost values, like a stage.
    const viaOutcomes = column === 'won' && found.kind === 'text' && outcomes !== undefined;
    if (!viaOutcomes && !kindFits(canonical.kind, found.kind)) {
      const hint =
        column === 'won' && found.kind === 'text' ? ': say which of its values mean won and lost' : '';
      problems.push({
        target,
        severity: 'error',
        message: `${target} needs ${KIND_WORDS[canonical.kind]}; column “${header}” holds ${KIND_WORDS[found.kind]}${hint}`,
      });
    }
  }
  for (const c of table.columns) {
    if (c.required && mapping.columns[c.name] === undefined) {
      problems.push({
        target: `${t}.${c.name}`,
        severity: 'error',
        message: `${t} needs ${c.name}: choose the column that holds it`,
      });
    }
  }
  if (outcomes !== undefined) {
    const lost = new Set(outcomes.lost);
    for (const v of outcomes.won) {
      if (lost.has(v)) {
        problems.push({
          target: `${t}.won`,
          severity: 'error',
          message: `“${v}” cannot mean both won and lost`,
        });
      }
    }
  }
  if (t === 'deals' && mapping.columns.won === undefined && outcomes === undefined) {
    problems.push({
      target: 'deals.won',
      severity: 'warning',
      message:
        'deals.won is unknown until you say which stages mean won and lost; win rate and won amount wait for it',
    });
  }
  return problems;
}
