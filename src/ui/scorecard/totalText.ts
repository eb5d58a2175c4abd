import type { DateSpan } from '../../core/kpi/dateRange';
import type { TotalFigure } from '../../core/kpi/wholeRange';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/t';

/** A span as the active language writes dates. */
export function spanText(s: DateSpan): { from: string; to: string } {
  return { from: formatDate(Date.parse(s.from)), to: formatDate(Date.parse(s.to)) };
}

/** Why a KPI's whole-range figure is blank, when its tables have no date in the range. */
export function noDataText(total: TotalFigure | undefined): string | null {
  return total?.outside == null ? null : t('scorecard.noDataInRange', spanText(total.outside));
}
