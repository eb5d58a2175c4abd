import { kpiDescriptionIn, kpiLabelIn } from '../core/kpi/catalogFa';
import { activeLocale } from './locale';

/** A KPI's label in the language shown (catalog KPIs the user has not renamed are translated). */
export function kpiLabel(kpi: { readonly id: string; readonly label: string }): string {
  return kpiLabelIn(activeLocale(), kpi);
}

export function kpiDescription(kpi: { readonly id: string; readonly description?: string }): string {
  return kpiDescriptionIn(activeLocale(), kpi);
}
