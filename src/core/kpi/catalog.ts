import { CUSTOMER_KPIS } from './catalog/customer';
import { EMPLOYEE_KPIS } from './catalog/employee';
import { FINANCIAL_KPIS } from './catalog/financial';
import { OPERATIONAL_KPIS } from './catalog/operational';
import { RISK_KPIS } from './catalog/risk';
import { SALES_KPIS } from './catalog/sales';
import { SOCIAL_KPIS } from './catalog/social';
import { deriveNeeds } from './needs';
import type { CatalogEntry, CatalogKpi, KpiFamily } from './types';

const ENTRIES: readonly CatalogEntry[] = [
  ...CUSTOMER_KPIS,
  ...SALES_KPIS,
  ...SOCIAL_KPIS,
  ...EMPLOYEE_KPIS,
  ...FINANCIAL_KPIS,
  ...OPERATIONAL_KPIS,
  ...RISK_KPIS,
];

const entryById: ReadonlyMap<string, CatalogEntry> = new Map(ENTRIES.map((e) => [e.id, e]));

/**
 * The built-in KPIs, written against the canonical model. `needs` and `uses` are
 * read off the formulas here rather than typed by hand, so they cannot drift.
 */
export const CATALOG: readonly CatalogKpi[] = ENTRIES.map((e) => ({ ...e, ...deriveNeeds(e, entryById) }));

const byId: ReadonlyMap<string, CatalogKpi> = new Map(CATALOG.map((k) => [k.id, k]));

/** The families the catalog covers (DESIGN.md), each with KPIs of its own. */
export const CATALOG_FAMILIES: readonly KpiFamily[] = [
  'customer',
  'sales',
  'social',
  'employee',
  'financial',
  'operational',
];

/** Every family a workbook KPI can be in, in the order the scorecard lists them. */
export const KPI_FAMILIES: readonly KpiFamily[] = [...CATALOG_FAMILIES, 'custom'];

export function catalogKpi(id: string): CatalogKpi | undefined {
  return byId.get(id);
}

/**
 * The KPI and every catalog KPI it refers to, referenced ones first, so adding a
 * catalog KPI to a workbook can add what its formula needs in one step.
 */
export function withDependencies(id: string): CatalogKpi[] {
  const k = byId.get(id);
  if (k === undefined) return [];
  return [...k.uses.map((u) => byId.get(u)).filter((u): u is CatalogKpi => u !== undefined), k];
}
