import type { PivotField } from '../core/analysis/pivot';
import type { NotebookMessage, NotebookMessageCode } from '../core/notebook/messages';
import { diagnosticText } from './diagnostics';
import type { MessageKey } from './en';
import { engineTroubleText } from './engineTrouble';
import { guardRefusalText } from './guardRefusals';
import { activeLocale } from './locale';
import { type MessageParams, t } from './t';

/** The catalogue message of each notebook problem; the compiler fails when a code has none. */
export const NOTEBOOK_MESSAGE_KEYS: Readonly<Record<NotebookMessageCode, MessageKey>> = {
  'no-table': 'notebook.problem.noTable',
  'missing-columns': 'notebook.problem.missingColumns',
  'unknown-field': 'notebook.problem.unknownField',
  'rfm-map-size': 'notebook.problem.rfmMapSize',
  'no-drivers': 'notebook.problem.noDrivers',
  'unknown-kpis': 'notebook.problem.unknownKpis',
  'no-kpis': 'notebook.problem.noKpis',
  'bad-breakdown': 'notebook.problem.badBreakdown',
  'kpi-formula': 'notebook.problem.kpiFormula',
  'nothing-to-compute': 'notebook.problem.nothingToCompute',
  // The same sentences as the detail panel's "Why did it change?".
  'not-decomposable': 'explain.notDecomposable',
  'no-period': 'explain.noPeriod',
  'unknown-param': 'notebook.problem.unknownParam',
  'range-needs-part': 'notebook.problem.rangeNeedsPart',
  'part-needs-range': 'notebook.problem.partNeedsRange',
  'sql-refused': 'notebook.problem.sqlRefused',
  engine: 'notebook.problem.engine',
  'timed-out': 'notebook.problem.timedOut',
  cancelled: 'notebook.problem.cancelled',
  'input-nul': 'notebook.problem.inputNul',
  cycle: 'notebook.problem.cycle',
  'waiting-on': 'notebook.problem.waitingOn',
  'bad-name': 'notebook.problem.badName',
  'name-taken': 'notebook.problem.nameTaken',
  'name-is-table': 'notebook.problem.nameIsTable',
};

/** The labels of settings that name a column, as the cell's settings show them. */
const FIELD_LABELS = {
  rows: 'notebook.field.rows',
  columns: 'notebook.field.columns',
  value: 'notebook.field.value',
} as const satisfies Record<PivotField, MessageKey>;

/** Lists in a message are joined with the language's comma; a cycle's path with arrows. */
function messageParams(m: NotebookMessage): MessageParams {
  const comma = activeLocale() === 'fa' ? '، ' : ', ';
  const out: MessageParams = {};
  for (const [name, v] of Object.entries(m.params as Record<string, unknown>)) {
    if (Array.isArray(v)) out[name] = v.join(name === 'path' ? ' → ' : comma);
    else if (typeof v === 'string' || typeof v === 'number') out[name] = v;
  }
  if (m.code === 'no-table' && out.known === '') out.known = t('notebook.problem.noneYet');
  // A setting is named as its label shows it, and the closest column offered.
  if (m.code === 'unknown-field') {
    const p = (m as NotebookMessage<'unknown-field'>).params;
    out.field = p.field in FIELD_LABELS ? t(FIELD_LABELS[p.field as keyof typeof FIELD_LABELS]) : p.field;
    out.hint = p.suggestion === null ? '' : t('notebook.problem.didYouMean', { name: p.suggestion });
  }
  // A formula's problem is written from its code and parameters, in the language shown.
  if (m.code === 'kpi-formula') {
    const d = (m as NotebookMessage<'kpi-formula'>).params.diagnostic;
    if (d !== undefined) out.message = diagnosticText(d);
  }
  // The guard's reason too, naming the keyword, function or table it refused.
  if (m.code === 'sql-refused') {
    const r = (m as NotebookMessage<'sql-refused'>).params.refusal;
    if (r !== undefined) out.message = guardRefusalText(r);
  }
  return out;
}

/** A notebook problem in the language shown. */
export function notebookMessageText(m: NotebookMessage): string {
  const params = messageParams(m);
  // The engine's own words, except at the browser engine's limit: then where to go instead.
  const trouble = m.code === 'engine' ? engineTroubleText(String(params.message ?? '')) : null;
  return trouble ?? t(NOTEBOOK_MESSAGE_KEYS[m.code], params);
}

/** Several problems, one a line. */
export function notebookMessagesText(problems: readonly NotebookMessage[]): string {
  return problems.map(notebookMessageText).join('\n');
}
