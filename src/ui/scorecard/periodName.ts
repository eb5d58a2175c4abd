import { formatPeriodLabel, monthName } from '../../i18n/format';
import { localeSettings } from '../../i18n/locale';

/**
 * A period named for a reader: "Dec 2025", "Azar 1404", "آذر ۱۴۰۴". English Gregorian
 * months are kept as 2025-12 in the period columns (sortable, as exported); where one
 * period is named on its own, its month's name reads better.
 */
export function periodName(label: string): string {
  const s = localeSettings();
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m && s.locale === 'en' && s.calendar === 'gregorian') {
    const name = monthName('gregorian', Number(m[2]), s);
    if (name !== '') return `${name.slice(0, 3)} ${m[1]}`;
  }
  return formatPeriodLabel(label, s);
}
