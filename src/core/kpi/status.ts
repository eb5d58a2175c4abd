import type { KpiDirection, KpiThresholds } from './types';

export type Status = 'good' | 'warning' | 'bad' | 'none';

/**
 * Status is never colour alone (DESIGN.md, Look and feel): every status carries a
 * sign and words for screen readers, and the UI shows the sign next to the colour.
 */
export const STATUS_SIGNS: Readonly<Record<Status, { sign: string; label: string }>> = {
  good: { sign: '✓', label: 'On track' },
  warning: { sign: '!', label: 'Watch' },
  bad: { sign: '✕', label: 'Off track' },
  none: { sign: '', label: 'No status' },
};

type Trend = 'up' | 'down' | 'flat';

/** The arrow for a change, independent of whether the change is good. */
export const TREND_SIGNS: Readonly<Record<Trend, string>> = { up: '▲', down: '▼', flat: '●' };

export function trendOf(change: number | null): Trend | null {
  if (change === null) return null;
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}

/** True when `a` is at or on the bad side of `b` for the direction. */
function atOrWorse(direction: 'up' | 'down', a: number, b: number): boolean {
  return direction === 'up' ? a <= b : a >= b;
}

/**
 * Status from thresholds and direction: at or beyond `critical` on the bad side is
 * bad, at or beyond `warning` is a warning, otherwise good. With no thresholds a
 * target decides: reached is good, missed is a warning (a miss alone is not a
 * crisis). No value, a 'context' KPI, or nothing to judge by gives 'none'.
 */
export function statusOf(
  value: number | null,
  direction: KpiDirection,
  thresholds?: KpiThresholds | null,
  target?: number | null,
): Status {
  if (value === null || Number.isNaN(value) || direction === 'context') return 'none';
  const critical = thresholds?.critical;
  const warning = thresholds?.warning;
  if (critical !== undefined || warning !== undefined) {
    if (critical !== undefined && atOrWorse(direction, value, critical)) return 'bad';
    if (warning !== undefined && atOrWorse(direction, value, warning)) return 'warning';
    return 'good';
  }
  if (target !== undefined && target !== null) {
    const reached = direction === 'up' ? value >= target : value <= target;
    return reached ? 'good' : 'warning';
  }
  return 'none';
}

/** Whether a change is an improvement for the direction; null when it cannot be judged. */
export function isBetter(direction: KpiDirection, change: number | null): boolean | null {
  if (change === null || change === 0 || direction === 'context') return null;
  return direction === 'up' ? change > 0 : change < 0;
}
