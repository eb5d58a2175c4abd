import type { Comparison } from '../../core/kpi/evaluate';
import { t } from '../../i18n/t';

/** Which comparison a change is: the sentence says what was too small. */
export type ThinWhere = 'previous' | 'lastYear' | 'rolling' | 'rangePrevious' | 'rangeLastYear';

const TOTAL_SIDE: ReadonlySet<ThinWhere> = new Set(['rangePrevious', 'rangeLastYear']);

/**
 * Why a change shows "n/a": "The previous period has 3 rows of deals; changes need at
 * least 20." Null when the change is shown. `table` is what the KPI counts rows of, when known.
 */
export function thinText(c: Comparison, where: ThinWhere, table?: string, periods = 3): string | null {
  const thin = c.thin;
  if (thin === null) return null;
  const rows =
    table === undefined
      ? t('change.rowsPlain', { count: thin.count })
      : t('change.rows', { count: thin.count, table });
  const key =
    thin.side === 'base'
      ? `change.thin.${where}`
      : TOTAL_SIDE.has(where)
        ? 'change.thin.range'
        : 'change.thin.latest';
  return t(key as 'change.thin.previous', { rows, min: thin.min, n: periods });
}
