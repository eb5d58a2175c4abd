import type { ColumnKind } from '../core/model/columnKind';
import type { MappingProblem, MappingProblemCode } from '../core/model/mappingValidate';
import { diagnosticText } from './diagnostics';
import type { MessageKey } from './en';
import { isolated } from './isolate';
import { isRtl } from './locale';
import { type MessageParams, t } from './t';

/** The catalogue message of each mapping problem; the compiler fails when a code has none. */
export const MAPPING_PROBLEM_KEYS: Readonly<Record<MappingProblemCode, MessageKey>> = {
  'not-canonical-table': 'mapping.problem.notCanonicalTable',
  'no-such-column': 'mapping.problem.noSuchColumn',
  'header-missing': 'mapping.problem.headerMissing',
  'wrong-kind': 'mapping.problem.wrongKind',
  'required-missing': 'mapping.problem.requiredMissing',
  'won-and-lost': 'mapping.problem.wonAndLost',
  'won-unknown': 'mapping.problem.wonUnknown',
  'table-is-view': 'mapping.problem.tableIsView',
  'view-name-taken': 'mapping.problem.viewNameTaken',
  'already-mapped': 'mapping.problem.alreadyMapped',
  'not-loaded': 'mapping.problem.notLoaded',
  'view-failed': 'mapping.problem.viewFailed',
  'constant-invalid': 'mapping.problem.constantInvalid',
  'formula-invalid': 'mapping.problem.formulaInvalid',
  'formula-kind': 'mapping.problem.formulaKind',
};

const KIND_KEYS: Readonly<Record<ColumnKind, MessageKey>> = {
  number: 'mapping.kind.number',
  text: 'mapping.kind.text',
  boolean: 'mapping.kind.boolean',
  date: 'mapping.kind.date',
  timestamp: 'mapping.kind.timestamp',
};

/**
 * A mapping problem in the language shown. Names from the file and the model stay as
 * written, isolated in a right-to-left page so they keep their own order.
 */
export function mappingProblemText(p: MappingProblem): string {
  const keep = isRtl() ? isolated : (s: string) => s;
  const params: MessageParams = {};
  for (const [name, v] of Object.entries(p.params as Record<string, unknown>)) {
    if (typeof v === 'string') params[name] = name === 'message' ? v : keep(v);
  }
  if (p.code === 'formula-invalid') {
    const f = (p as MappingProblem<'formula-invalid'>).params;
    params.at = String(f.at);
    params.detail = diagnosticText(f.diagnostic);
    delete params.formula;
  }
  for (const k of ['needs', 'holds'] as const) {
    const kind = (p.params as Partial<Record<typeof k, ColumnKind>>)[k];
    if (kind !== undefined) params[k] = t(KIND_KEYS[kind]);
  }
  if (p.code === 'wrong-kind') {
    const w = (p as MappingProblem<'wrong-kind'>).params;
    return t(w.wonValues ? 'mapping.problem.wrongKindWon' : 'mapping.problem.wrongKind', params);
  }
  return t(MAPPING_PROBLEM_KEYS[p.code], params);
}
