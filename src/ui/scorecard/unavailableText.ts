import { ltr } from '../../i18n/isolate';
import { activeLocale } from '../../i18n/locale';
import { t } from '../../i18n/t';

/** Why a catalog KPI is greyed: the columns it needs, kept as written inside either language. */
export function unavailableText(missing: readonly string[]): string {
  const comma = activeLocale() === 'fa' ? '، ' : ', ';
  return t('scorecard.needs', { columns: missing.map(ltr).join(comma) });
}
