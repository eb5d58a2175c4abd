import { type KpiDef, kpiDefOf } from '../../core/formula/schema';
import { availability } from '../../core/kpi/availability';
import { CATALOG, catalogKpi } from '../../core/kpi/catalog';
import type { CatalogKpi } from '../../core/kpi/types';
import type { WorkbookKpi as DocumentKpi } from '../../core/model/documentSchema';

/** A KPI of the workbook: a catalog entry (possibly edited) or one the user wrote. */
export interface WorkbookKpi extends Omit<CatalogKpi, 'needs' | 'uses' | 'table' | 'timeColumn'> {
  /** Absent for a user KPI: the checker infers it from the formula's table.column names. */
  readonly table?: string;
  readonly timeColumn?: string;
  readonly origin: 'catalog' | 'user';
  readonly target: number | null;
}

/** A catalog KPI the loaded data cannot compute, listed greyed with the reason. */
export interface UnavailableKpi {
  readonly kpi: CatalogKpi;
  readonly reason: string;
  /** The `table.column`s it needs that the data lacks. */
  readonly missing: readonly string[];
}

export function fromCatalog(k: CatalogKpi): WorkbookKpi {
  const { needs: _needs, uses: _uses, ...rest } = k;
  return { ...rest, origin: 'catalog', target: null };
}

/** What the formula compiler reads of a KPI. */
export function asDef(k: WorkbookKpi): KpiDef {
  return kpiDefOf(k);
}

/**
 * The workbook's KPIs for newly loaded tables: every catalog KPI the data can compute (one
 * already in the workbook kept as it is, a new one made by `fresh`), then the user's own;
 * the catalog KPIs it cannot compute are listed apart with the reason.
 */
export function kpisForTables(
  current: readonly WorkbookKpi[],
  present: ReadonlySet<string>,
  fresh: (k: CatalogKpi) => WorkbookKpi,
): { kpis: WorkbookKpi[]; unavailable: UnavailableKpi[] } {
  const unavailable: UnavailableKpi[] = [];
  const catalogKpis: WorkbookKpi[] = [];
  for (const c of CATALOG) {
    const a = availability(c, present);
    if (!a.available) unavailable.push({ kpi: c, reason: a.reason, missing: a.missing });
    else catalogKpis.push(current.find((k) => k.id === c.id) ?? fresh(c));
  }
  return { kpis: [...catalogKpis, ...current.filter((k) => k.origin === 'user')], unavailable };
}

/** A KPI as a workbook file keeps it. */
export function toDocument(k: WorkbookKpi): DocumentKpi {
  return {
    id: k.id,
    label: k.label,
    formula: k.formula,
    ...(k.table === undefined ? {} : { table: k.table }),
    ...(k.timeColumn === undefined ? {} : { timeColumn: k.timeColumn }),
    ...(k.filter === undefined ? {} : { filter: k.filter }),
    unit: k.unit,
    format: k.format,
    direction: k.direction,
    family: k.family,
    kind: k.kind,
    ...(k.target === null ? {} : { target: k.target }),
    ...(k.thresholds === undefined ? {} : { thresholds: { ...k.thresholds } }),
    ...(k.benchmarkKey === undefined ? {} : { benchmarkKey: k.benchmarkKey }),
    ...(k.description === undefined ? {} : { description: k.description }),
  };
}

/** A KPI read from a workbook file; a catalog id fills what the file leaves out. */
export function fromDocument(k: DocumentKpi): WorkbookKpi {
  const catalog = catalogKpi(k.id);
  return {
    ...(catalog ?? {}),
    ...k,
    unit: k.unit as WorkbookKpi['unit'],
    description: k.description ?? catalog?.description ?? '',
    origin: catalog ? 'catalog' : 'user',
    target: k.target ?? null,
  } as WorkbookKpi;
}
