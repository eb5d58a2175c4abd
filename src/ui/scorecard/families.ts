import type { KpiFamily } from '../../core/kpi/types';
import { t } from '../../i18n/t';

const KEYS = {
  customer: 'family.customer',
  sales: 'family.sales',
  social: 'family.social',
  employee: 'family.employee',
  financial: 'family.financial',
  operational: 'family.operational',
  custom: 'family.custom',
} as const;

export function familyLabel(f: KpiFamily): string {
  return t(KEYS[f]);
}
