import type { PaceStatus } from '../../core/kpi/pace';
import type { Status } from '../../core/kpi/status';
import { STATUS_SIGNS } from '../../core/kpi/status';
import { t } from '../../i18n/t';

/** A pace status looks like the status it amounts to: on pace is good, at risk a warning. */
const AS_STATUS: Readonly<Record<PaceStatus, Exclude<Status, 'none'>>> = {
  met: 'good',
  'at-risk': 'warning',
  'off-pace': 'bad',
};

/**
 * "✓ On pace": a sign and words with the colour, never the colour alone; `compact` (a grid
 * cell) shows the sign and leaves the words to screen readers and the tooltip.
 */
export function PaceBadge({
  status,
  title,
  compact = false,
}: {
  status: PaceStatus;
  title?: string;
  compact?: boolean;
}) {
  const s = AS_STATUS[status];
  return (
    <span className={`status status-${s}`} title={title ?? t(`pace.${status}`)} data-pace={status}>
      <span className="status-sign" aria-hidden="true">
        {STATUS_SIGNS[s].sign}
      </span>
      {compact ? <span className="visually-hidden">{t(`pace.${status}`)}</span> : t(`pace.${status}`)}
    </span>
  );
}
