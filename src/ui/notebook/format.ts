import type { NotebookKpi, ResultTable } from '../../core/notebook/types';
import {
  COMPACT_FROM,
  formatCurrency,
  formatPercent,
  formatPeriodLabel,
  numberFormat,
  shortNumber,
} from '../../i18n/format';
import { localeSettings } from '../../i18n/locale';
import { t } from '../../i18n/t';

// In the active language (Persian digits and separators when Persian is on).
const compact = {
  format: (v: number) => numberFormat({ notation: 'compact', maximumFractionDigits: 1 }).format(v),
};
const one = { format: (v: number) => numberFormat({ maximumFractionDigits: 1 }).format(v) };
const whole = { format: (v: number) => numberFormat({ maximumFractionDigits: 0 }).format(v) };

export { shortNumber };

export function percent(v: number, digits = 1): string {
  return formatPercent(v, digits);
}

export function money(v: number): string {
  return formatCurrency(v, localeSettings().currency, Math.abs(v) >= COMPACT_FROM);
}

export function formatKpi(v: unknown, format: NotebookKpi['format'] | string): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return t('value.blank');
  if (format === 'percent') return percent(v);
  if (format === 'currency') return money(v);
  if (format === 'integer') return Math.abs(v) >= COMPACT_FROM ? compact.format(v) : whole.format(v);
  return shortNumber(v);
}

/** A change as a signed figure: points for rates, a relative % for amounts. */
export function formatChange(v: unknown, kind: unknown): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return t('value.blank');
  // The sign is isolated so it stays before its number in a right-to-left page.
  const sign = `\u2066${v > 0 ? '+' : v < 0 ? '−' : '±'}`;
  const pp = t('kpiUnit.pp');
  if (kind === 'points') return `${sign}${one.format(Math.abs(v))}\u2069 ${pp}`;
  if (kind === 'pp') return `${sign}${one.format(Math.abs(v) * 100)}\u2069 ${pp}`;
  return `${sign}${formatPercent(Math.abs(v))}\u2069`;
}

/** A period of a cell's result as the scorecard names it, in the calendar the result was cut in. */
export function periodLabel(label: unknown, result: Pick<ResultTable, 'calendar'>): string {
  if (label === null || label === undefined || label === '') return '';
  return formatPeriodLabel(String(label), { ...localeSettings(), calendar: result.calendar ?? 'gregorian' });
}
