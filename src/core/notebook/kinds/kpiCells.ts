import { kpiSeries, latestChange } from '../../analysis/kpiChange';
import { kpiClosure } from '../../analysis/kpiSet';
import { compareSegments } from '../../analysis/segmentCompare';
import { compileScorecard } from '../../formula/compile';
import type { Grain } from '../../sql/calendarSchema';
import { configNumber, configString, configStrings } from '../config';
import { notebookMessage } from '../messages';
import type { CellKindDef, NotebookContext, NotebookKpi, PeriodRow, PlanResult, ResultTable } from '../types';
import { configGrain, rangeDeps, rangeOf, refuse } from './shared';

/** Compiles the KPIs of a cell into one scorecard query and hands its rows to `shape`. */
function scorecardPlan(
  ids: readonly string[],
  ctx: NotebookContext,
  opts: { grain: Grain; range: { from?: string; to?: string }; breakdown?: string },
  shape: (rows: readonly PeriodRow[]) => ResultTable,
): PlanResult {
  const unknown = ids.filter((id) => !ctx.kpis.has(id));
  if (unknown.length > 0) return refuse(notebookMessage('unknown-kpis', { ids: unknown }));
  if (ids.length === 0) return refuse(notebookMessage('no-kpis', {}));
  let breakdown: { table: string; column: string } | null = null;
  if (opts.breakdown !== undefined) {
    const [table, column] = opts.breakdown.split('.');
    if (!table || !column) return refuse(notebookMessage('bad-breakdown', {}));
    breakdown = { table, column };
  }
  const calendar = ctx.calendar ?? 'gregorian';
  const compiled = compileScorecard({
    kpis: kpiClosure(ids, ctx.kpis),
    schema: ctx.schema,
    grain: opts.grain,
    calendar,
    breakdown,
    ...opts.range,
    dialect: ctx.dialect,
  });
  const errors = compiled.diagnostics.filter(
    (d) => d.severity === 'error' && (d.kpiId === undefined || ids.includes(d.kpiId)),
  );
  if (compiled.sql === '' || errors.length > 0)
    return errors.length > 0
      ? refuse(
          ...errors.map((d) =>
            notebookMessage('kpi-formula', {
              kpi: d.kpiId ?? '',
              message: d.message,
              diagnostic: { code: d.code, params: d.params },
            }),
          ),
        )
      : refuse(notebookMessage('nothing-to-compute', {}));
  // With the range left to the data, a last period the data has not finished (a season that
  // began ten days before the export) would read as a collapse; the scorecard drops it too.
  const complete = (rows: readonly PeriodRow[], dataEnd?: string | null) => {
    if (opts.range.to !== undefined || !dataEnd) return rows;
    const kept = rows.filter((r) => !r.periodEnd || r.periodEnd <= dataEnd);
    return kept.length > 0 ? kept : rows;
  };
  return {
    ok: true,
    plan: {
      type: 'scorecard',
      compiled,
      shape: (rows, dataEnd) => ({ ...shape(complete(rows, dataEnd)), calendar }),
    },
  };
}

const kpisOf = (ids: readonly string[], ctx: NotebookContext): NotebookKpi[] =>
  ids.map((id) => ctx.kpis.get(id)).filter((k): k is NotebookKpi => k !== undefined);

export const kpiTableKind: CellKindDef = {
  kind: 'kpiTable',
  periodic: true,
  namePrefix: 'kpis',
  create: () => ({
    source: '',
    config: { kpis: ['revenue', 'new_customers', 'churn_rate', 'win_rate'], grain: 'quarter' },
  }),
  dependencies: (cell) => ({
    cells: rangeDeps(cell.config),
    kpis: configStrings(cell.config, 'kpis', []),
    tables: [],
  }),
  plan(cell, ctx) {
    const ids = configStrings(cell.config, 'kpis', []);
    return scorecardPlan(
      ids,
      ctx,
      { grain: configGrain(cell.config, 'quarter'), range: rangeOf(cell.config, ctx) },
      (rows) => latestChange(rows, kpisOf(ids, ctx)),
    );
  },
};

export const kpiChartKind: CellKindDef = {
  kind: 'kpiChart',
  periodic: true,
  namePrefix: 'chart',
  create: () => ({ source: '', config: { kpis: ['revenue'], grain: 'month', periods: 24, chart: 'line' } }),
  dependencies: (cell) => ({
    cells: rangeDeps(cell.config),
    kpis: configStrings(cell.config, 'kpis', []),
    tables: [],
  }),
  plan(cell, ctx) {
    const ids = configStrings(cell.config, 'kpis', []);
    const periods = configNumber(cell.config, 'periods', 24);
    return scorecardPlan(
      ids,
      ctx,
      { grain: configGrain(cell.config, 'month'), range: rangeOf(cell.config, ctx) },
      (rows) => {
        const all = kpiSeries(rows, ids);
        return { ...all, rows: all.rows.slice(-Math.max(1, periods)) };
      },
    );
  },
};

export const segmentCompareKind: CellKindDef = {
  kind: 'segmentCompare',
  periodic: true,
  namePrefix: 'segments',
  create: () => ({
    source: '',
    config: { kpi: 'churn_rate', breakdown: 'customers.segment', grain: 'quarter', periods: 4 },
  }),
  dependencies: (cell) => ({
    cells: rangeDeps(cell.config),
    kpis: [configString(cell.config, 'kpi', '')],
    tables: [],
  }),
  plan(cell, ctx) {
    const kpi = configString(cell.config, 'kpi', '');
    const periods = configNumber(cell.config, 'periods', 4);
    return scorecardPlan(
      [kpi],
      ctx,
      {
        grain: configGrain(cell.config, 'quarter'),
        range: rangeOf(cell.config, ctx),
        breakdown: configString(cell.config, 'breakdown', 'customers.segment'),
      },
      (rows) => compareSegments(rows, kpi, periods),
    );
  },
};
