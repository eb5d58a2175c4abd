import type { CatalogKpi } from './types';

type Availability = { available: true } | { available: false; reason: string; missing: string[] };

/**
 * Whether a catalog KPI can be computed from the columns a workbook has mapped
 * (`table.column` names). A KPI with a missing column is shown as unavailable with
 * the reason, never computed into a wrong number.
 */
export function availability(
  kpi: Pick<CatalogKpi, 'needs'>,
  presentColumns: ReadonlySet<string>,
): Availability {
  const missing = kpi.needs.filter((c) => !presentColumns.has(c));
  if (missing.length === 0) return { available: true };
  return { available: false, reason: `needs ${missing.join(', ')}`, missing };
}
