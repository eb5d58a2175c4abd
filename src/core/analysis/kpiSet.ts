import { type KpiDef, kpiDefOf } from '../formula/schema';
import type { NotebookKpi } from '../notebook/types';

/** The KPIs named and every KPI their formulas use, used ones first, so one compile has all it needs. */
export function kpiClosure(ids: readonly string[], kpis: ReadonlyMap<string, NotebookKpi>): KpiDef[] {
  const out: KpiDef[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    const k = kpis.get(id);
    if (k === undefined || seen.has(id)) return;
    seen.add(id);
    for (const u of k.uses) add(u);
    out.push(kpiDefOf(k));
  };
  for (const id of ids) add(id);
  return out;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export { num as numberOrNull };
