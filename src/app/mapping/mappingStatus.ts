import {
  type CanonicalTableName,
  isCanonicalTableName,
  missingRequiredColumns,
} from '../../core/model/canonical';
import type { AppliedMapping } from './mappingTables';

/**
 * How the scorecard reads a loaded table, for the line above its rows:
 * - `mapped`: through its mapping's view;
 * - `canonical`: as loaded, because its name is a table of the CRM model (a `deals` table
 *   read from deals.csv, on the server or in the tab): the scorecard's catalog KPIs read it
 *   with no mapping step (scorecardSchema.ts), so it is not "not mapped". `missing` are the
 *   model's required columns it lacks, whose KPIs it cannot compute;
 * - `none`: catalog KPIs do not read it.
 */
export type MappingStatus =
  | { kind: 'mapped'; applied: AppliedMapping }
  | { kind: 'canonical'; table: CanonicalTableName; missing: string[] }
  | { kind: 'none' };

export function mappingStatus(
  table: { name: string; columns: readonly { name: string }[] },
  applied: AppliedMapping | undefined,
): MappingStatus {
  if (applied !== undefined) return { kind: 'mapped', applied };
  if (!isCanonicalTableName(table.name)) return { kind: 'none' };
  const missing = missingRequiredColumns(
    table.name,
    table.columns.map((c) => c.name),
  );
  return { kind: 'canonical', table: table.name, missing };
}
