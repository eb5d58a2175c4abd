import type { Status } from '../../core/kpi/status';
import { STATUS_SIGNS } from '../../core/kpi/status';
import { t } from '../../i18n/t';

const LABEL = {
  good: 'status.good',
  warning: 'status.warning',
  bad: 'status.bad',
  none: 'status.none',
} as const;

/** Status as a sign, a word and a colour together, never the colour alone. */
export function StatusBadge({ status, compact = false }: { status: Status; compact?: boolean }) {
  if (status === 'none') return <span className="cell-blank">{t('value.blank')}</span>;
  return (
    <span className={`status status-${status}`} title={t(LABEL[status])}>
      <span className="status-sign" aria-hidden="true">
        {STATUS_SIGNS[status].sign}
      </span>
      {compact ? <span className="visually-hidden">{t(LABEL[status])}</span> : t(LABEL[status])}
    </span>
  );
}
