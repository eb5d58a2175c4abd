import { COHORT_DEFAULTS, cohortBoundsSql, cohortRetentionSql } from '../../analysis/cohort';
import { FUNNEL_DEFAULTS, type FunnelGroup, funnelSql } from '../../analysis/funnel';
import { defaultDrivers, KEY_DRIVER_DEFAULTS, keyDriversSql } from '../../analysis/keyDrivers';
import { DEFAULT_RFM_MAP, RFM_DEFAULTS, rfmSummarySql } from '../../analysis/rfm';
import { configNumber, configString, configStrings } from '../config';
import { notebookMessage } from '../messages';
import type { CellKindDef } from '../types';
import { checkSource, refuse, sqlPlan, tableDeps, unless } from './shared';

/** The analyses of DESIGN.md as cells: defaults read the canonical model, every name can be changed. */

export const rfmKind: CellKindDef = {
  kind: 'rfm',
  namePrefix: 'rfm',
  create: () => ({ source: '', config: { ...RFM_DEFAULTS, map: [...DEFAULT_RFM_MAP] } }),
  dependencies: (cell, names) => tableDeps(configString(cell.config, 'table', RFM_DEFAULTS.table), names),
  plan(cell, ctx) {
    const c = cell.config;
    const spec = {
      table: configString(c, 'table', RFM_DEFAULTS.table),
      customer: configString(c, 'customer', RFM_DEFAULTS.customer),
      orderId: configString(c, 'orderId', RFM_DEFAULTS.orderId),
      date: configString(c, 'date', RFM_DEFAULTS.date),
      value: configString(c, 'value', RFM_DEFAULTS.value),
      asOf: configString(c, 'asOf', '') || null,
      map: configStrings(c, 'map', DEFAULT_RFM_MAP),
    };
    if (spec.map.length !== 25) return refuse(notebookMessage('rfm-map-size', {}));
    const problem = checkSource(ctx, spec.table, [spec.customer, spec.orderId, spec.date, spec.value]);
    return unless(problem, () => sqlPlan(rfmSummarySql(spec, ctx.dialect)));
  },
};

export const keyDriversKind: CellKindDef = {
  kind: 'keyDrivers',
  namePrefix: 'drivers',
  create: () => ({
    source: '',
    config: { table: KEY_DRIVER_DEFAULTS.table, outcome: KEY_DRIVER_DEFAULTS.outcome },
  }),
  dependencies: (cell, names) =>
    tableDeps(configString(cell.config, 'table', KEY_DRIVER_DEFAULTS.table), names),
  plan(cell, ctx) {
    const table = configString(cell.config, 'table', KEY_DRIVER_DEFAULTS.table);
    const outcome = configString(cell.config, 'outcome', KEY_DRIVER_DEFAULTS.outcome);
    const schemaTable = ctx.schema.tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
    const fallback = schemaTable === undefined ? [] : defaultDrivers(schemaTable.columns);
    const drivers = configStrings(cell.config, 'drivers', fallback);
    if (drivers.length === 0) return refuse(notebookMessage('no-drivers', { table }));
    const problem = checkSource(ctx, table, [outcome, ...drivers]);
    return unless(problem, () => sqlPlan(keyDriversSql({ table, outcome, drivers }, ctx.dialect)));
  },
};

export const cohortKind: CellKindDef = {
  kind: 'cohort',
  namePrefix: 'cohorts',
  create: () => ({ source: '', config: { ...COHORT_DEFAULTS } }),
  dependencies: (cell, names) => tableDeps(configString(cell.config, 'table', COHORT_DEFAULTS.table), names),
  plan(cell, ctx) {
    const c = cell.config;
    const spec = {
      table: configString(c, 'table', COHORT_DEFAULTS.table),
      start: configString(c, 'start', COHORT_DEFAULTS.start),
      end: configString(c, 'end', COHORT_DEFAULTS.end),
      cohorts: configNumber(c, 'cohorts', COHORT_DEFAULTS.cohorts),
    };
    const kind = ctx.calendar ?? 'gregorian';
    return unless(checkSource(ctx, spec.table, [spec.start, spec.end]), () => ({
      ok: true,
      plan: {
        type: 'sql',
        setup: [],
        result: cohortRetentionSql(spec, kind, ctx.dialect),
        calendar: { kind, bounds: cohortBoundsSql(spec, ctx.dialect) },
      },
    }));
  },
  // Signup months are the workbook calendar's.
  periodic: true,
};

const GROUPS: readonly FunnelGroup[] = ['source', 'quarter', 'none'];

export const funnelKind: CellKindDef = {
  kind: 'funnel',
  namePrefix: 'funnel',
  create: () => ({ source: '', config: { ...FUNNEL_DEFAULTS } }),
  dependencies: (cell, names) => tableDeps(configString(cell.config, 'table', FUNNEL_DEFAULTS.table), names),
  plan(cell, ctx) {
    const c = cell.config;
    const group = configString(c, 'groupBy', FUNNEL_DEFAULTS.groupBy);
    const spec = {
      table: configString(c, 'table', FUNNEL_DEFAULTS.table),
      created: configString(c, 'created', FUNNEL_DEFAULTS.created),
      source: configString(c, 'source', FUNNEL_DEFAULTS.source),
      mql: configString(c, 'mql', FUNNEL_DEFAULTS.mql),
      sql: configString(c, 'sql', FUNNEL_DEFAULTS.sql),
      won: configString(c, 'won', FUNNEL_DEFAULTS.won),
      groupBy: (GROUPS as readonly string[]).includes(group) ? (group as FunnelGroup) : 'source',
    };
    const problem = checkSource(ctx, spec.table, [spec.created, spec.source, spec.mql, spec.sql, spec.won]);
    return unless(problem, () => sqlPlan(funnelSql(spec, ctx.dialect)));
  },
};
