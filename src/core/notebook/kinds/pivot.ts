import {
  PIVOT_AGGREGATES,
  PIVOT_FIELDS,
  type PivotAggregate,
  pivotSql,
  widenPivot,
} from '../../analysis/pivot';
import { configString } from '../config';
import type { CellConfig, CellKindDef } from '../types';
import { checkFields, refuse, tableDeps } from './shared';

function spec(c: CellConfig) {
  const agg = configString(c, 'aggregate', 'sum');
  return {
    table: configString(c, 'table', 'orders'),
    rows: configString(c, 'rows', 'customer_id'),
    columns: configString(c, 'columns', 'quantity'),
    value: configString(c, 'value', 'revenue'),
    aggregate: (agg in PIVOT_AGGREGATES ? agg : 'sum') as PivotAggregate,
  };
}

export const pivotKind: CellKindDef = {
  kind: 'pivot',
  namePrefix: 'pivot',
  create: () => ({
    source: '',
    config: {
      table: 'customers',
      rows: 'region',
      columns: 'segment',
      value: 'customer_id',
      aggregate: 'count',
    },
  }),
  dependencies: (cell, names) => tableDeps(spec(cell.config).table, names),
  plan(cell, ctx) {
    const s = spec(cell.config);
    const problems = checkFields(ctx, s.table, Object.fromEntries(PIVOT_FIELDS.map((f) => [f, s[f]])));
    if (problems.length > 0) return refuse(...problems);
    const result = pivotSql(s, ctx.dialect);
    return { ok: true, plan: { type: 'sql', setup: [], result, reshape: (long) => widenPivot(long, s) } };
  },
};
