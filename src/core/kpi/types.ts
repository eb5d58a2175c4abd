import type { KpiDef } from '../formula/schema';

/**
 * What a catalog KPI is, beyond its formula. Percentages are stored as fractions
 * (0.25) and only shown as 25 %, so arithmetic on KPI values never has to guess.
 */
export type KpiUnit = '%' | 'currency' | 'days' | 'hours' | 'months' | 'points' | 'count' | 'ratio' | 'score';

/** 'context' KPIs (volumes, tenure) get no good/bad status: more is neither. */
export type KpiDirection = 'up' | 'down' | 'context';

/**
 * The families of DESIGN.md; KRIs belong to one too and are told apart by `kind`.
 * 'custom' holds the KPIs a user writes; no catalog KPI is in it.
 */
export type KpiFamily = 'customer' | 'sales' | 'social' | 'employee' | 'financial' | 'operational' | 'custom';

export type KpiKind = 'kpi' | 'kri';

/** How the value is written; the same names the workbook document uses. */
export type KpiFormat = 'percent' | 'currency' | 'number' | 'integer' | 'duration';

/**
 * Levels at which the status turns: reaching `warning` is a warning, reaching
 * `critical` is bad, on the KPI's bad side. For a KRI, `critical` is the risk threshold.
 */
export interface KpiThresholds {
  readonly warning?: number;
  readonly critical?: number;
}

export interface CatalogKpi extends KpiDef {
  readonly id: string;
  readonly label: string;
  readonly formula: string;
  /** The default table: where bare names are looked up and what the KPI counts rows of. */
  readonly table: string;
  /** `column` of `table`: which date puts a row in a period. */
  readonly timeColumn: string;
  readonly filter?: string;
  readonly unit: KpiUnit;
  readonly format: KpiFormat;
  readonly direction: KpiDirection;
  readonly family: KpiFamily;
  readonly kind: KpiKind;
  /** One or two sentences, including the pitfall the definition guards against. */
  readonly description: string;
  /** The KPI id benchmark rows are filed under, when published figures exist. */
  readonly benchmarkKey?: string;
  readonly thresholds?: KpiThresholds;
  /** Canonical `table.column` names the KPI reads, its referenced KPIs' included. */
  readonly needs: readonly string[];
  /** Other catalog KPIs the formula refers to by id; they must be in the workbook too. */
  readonly uses: readonly string[];
}

/** A catalog entry as written by hand; `needs` and `uses` are derived from the formula. */
export type CatalogEntry = Omit<CatalogKpi, 'needs' | 'uses'>;
