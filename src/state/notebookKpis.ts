import { kpiDefOf } from '../core/formula/schema';
import { CATALOG } from '../core/kpi/catalog';
import type { CatalogKpi } from '../core/kpi/types';
import type { NotebookKpi } from '../core/notebook/types';

/** The KPIs notebook cells may name: the catalog's, as cells see them. */
export function catalogNotebookKpis(catalog: readonly CatalogKpi[] = CATALOG): Map<string, NotebookKpi> {
  return new Map(
    catalog.map((k) => [
      k.id,
      {
        ...kpiDefOf(k),
        format: k.format,
        direction: k.direction,
        unit: k.unit,
        uses: k.uses,
      },
    ]),
  );
}
