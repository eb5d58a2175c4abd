import { checkKpis } from '../../core/formula/check';
import type { KpiDef, Schema } from '../../core/formula/schema';

/**
 * How the scorecard's KPIs depend on each other, for caching their results: each
 * KPI's key names its own definition and those of the KPIs it refers to, so an edit
 * changes the keys of exactly the KPIs whose values it can change.
 */
export interface KpiPlan {
  /** KPI id → cache key. */
  keyOf: Map<string, string>;
  /** KPI id → the ids it refers to, directly. */
  refs: Map<string, readonly string[]>;
  /** KPI id → the table its aggregates read (null when it reads none itself). */
  tableOf: Map<string, string | null>;
}

export function planKpis(schema: Schema, defs: readonly KpiDef[]): KpiPlan {
  const checked = checkKpis(schema, defs).kpis;
  const byId = new Map(defs.map((d) => [d.id, d]));
  const refs = new Map<string, readonly string[]>();
  const tableOf = new Map<string, string | null>();
  for (const d of defs) {
    const c = checked.get(d.id);
    refs.set(d.id, c?.refs ?? []);
    tableOf.set(d.id, c?.timeColumn?.table ?? c?.table ?? null);
  }
  const keyOf = new Map<string, string>();
  const keyFor = (id: string, path: Set<string>): string => {
    const known = keyOf.get(id);
    if (known !== undefined) return known;
    const d = byId.get(id);
    // A cycle or an unknown reference fails to compile either way; its key only has to be stable.
    const inner = (refs.get(id) ?? []).map((r) =>
      path.has(r) || !byId.has(r) ? `?${r}` : keyFor(r, new Set([...path, r])),
    );
    const key = JSON.stringify([
      d?.id,
      d?.formula,
      d?.table ?? null,
      d?.timeColumn ?? null,
      d?.filter ?? null,
      inner,
    ]);
    keyOf.set(id, key);
    return key;
  };
  for (const d of defs) keyFor(d.id, new Set([d.id]));
  return { keyOf, refs, tableOf };
}

/** `ids` and every KPI they refer to, directly or not: what a query computing them needs. */
export function withRefs(ids: Iterable<string>, refs: ReadonlyMap<string, readonly string[]>): Set<string> {
  const out = new Set<string>();
  const visit = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    for (const r of refs.get(id) ?? []) visit(r);
  };
  for (const id of ids) visit(id);
  return out;
}
