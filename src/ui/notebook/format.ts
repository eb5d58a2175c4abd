import type { NotebookKpi } from '../../core/notebook/types';
import { t } from '../../i18n/t';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const one = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const two = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A number as a reader wants it in a chart label or a table: short, never 15 digits. */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 100_000) return compact.format(v);
  if (a >= 100) return whole.format(v);
  if (a >= 10) return one.format(v);
  return two.format(v);
}

export function percent(v: number, digits = 1): string {
  return `${(v * 100).toFixed(digits)} %`;
}

export function money(v: number): string {
  return `$${shortNumber(v)}`;
}

export function formatKpi(v: unknown, format: NotebookKpi['format'] | string): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return t('value.blank');
  if (format === 'percent') return percent(v);
  if (format === 'currency') return money(v);
  if (format === 'integer') return Math.abs(v) >= 100_000 ? compact.format(v) : whole.format(v);
  return shortNumber(v);
}

/** A change as a signed figure: points for rates, a relative % for amounts. */
export function formatChange(v: unknown, kind: unknown): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return t('value.blank');
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  if (kind === 'points') return `${sign}${Math.abs(v).toFixed(1)} pts`;
  const a = Math.abs(v) * 100;
  return kind === 'pp' ? `${sign}${a.toFixed(1)} pts` : `${sign}${a.toFixed(1)} %`;
}
