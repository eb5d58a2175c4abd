import type { TableMapping } from '../../core/model/mapping';
import { type Plausibility, plausibilityPlan, readPlausibility } from '../../core/model/mappingPlausibility';
import type { RawColumn } from '../../core/model/mappingValidate';
import type { Engine } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';
import { tableToRows } from '../../engine/rows';

/**
 * The dates and durations `mapping` of the loaded table `raw` implies, measured in
 * one query over what its view would be, before it is applied. Null when the
 * mapping has no date column.
 */
export async function measurePlausibility(
  engine: Engine,
  raw: { readonly name: string; readonly columns: readonly RawColumn[] },
  mapping: TableMapping,
  today: string,
): Promise<Plausibility | null> {
  const plan = plausibilityPlan(
    raw.name,
    mapping,
    raw.columns.map((c) => c.name),
    Object.fromEntries(raw.columns.map((c) => [c.name, c.kind])),
    today,
    engineDialect(engine),
  );
  if (plan === null) return null;
  const [row] = tableToRows(await engine.query(plan.sql));
  return readPlausibility(plan, row ?? {}, today);
}
