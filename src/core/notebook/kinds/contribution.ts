import { kpiClosure } from '../../analysis/kpiSet';
import { configNumber, configString } from '../config';
import { notebookMessage } from '../messages';
import type { CellKindDef } from '../types';
import { configGrain, refuse } from './shared';

/** Segments shown before the rest fold into "other": a cell is wider than the detail panel. */
const CELL_TOP = 8;

/**
 * "Why did it change?" as a cell: a KPI's latest change (against the previous period or
 * the same period last year) split by a dimension reachable through relationships, in
 * the same one query the KPI detail and `shakhes explain` run (src/app/contribution.ts).
 */
export const contributionKind: CellKindDef = {
  kind: 'contribution',
  periodic: true,
  namePrefix: 'change',
  create: () => ({
    source: '',
    config: { kpi: 'win_rate', breakdown: 'deals.source', period: 'latest', grain: 'month' },
  }),
  dependencies: (cell) => ({ cells: [], kpis: [configString(cell.config, 'kpi', '')], tables: [] }),
  plan(cell, ctx) {
    const kpiId = configString(cell.config, 'kpi', '');
    if (kpiId === '') return refuse(notebookMessage('no-kpis', {}));
    if (!ctx.kpis.has(kpiId)) return refuse(notebookMessage('unknown-kpis', { ids: [kpiId] }));
    const [table, column, ...rest] = configString(cell.config, 'breakdown', '').split('.');
    if (!table || !column || rest.length > 0) return refuse(notebookMessage('bad-breakdown', {}));
    const period = configString(cell.config, 'period', 'latest') === 'yoy' ? 'yoy' : 'latest';
    return {
      ok: true,
      plan: {
        type: 'contribution',
        request: {
          kpiId,
          kpis: kpiClosure([kpiId], ctx.kpis),
          schema: ctx.schema,
          by: { table, column },
          period: { t: period },
          grain: configGrain(cell.config, 'month'),
          calendar: ctx.calendar ?? 'gregorian',
          top: Math.max(1, Math.floor(configNumber(cell.config, 'top', CELL_TOP))),
        },
      },
    };
  },
};
