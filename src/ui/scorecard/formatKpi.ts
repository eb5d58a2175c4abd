import type { Comparison } from '../../core/kpi/evaluate';
import { figureEditText, isPercentUnit, type KpiFigure, parseKpiFigure } from '../../core/kpi/kpiFigure';
import type { KpiFormat, KpiUnit } from '../../core/kpi/types';
import {
  COMPACT_FROM,
  exactNumber,
  formatCurrency,
  formatPercent,
  numberFormat,
  shortNumber,
} from '../../i18n/format';
import { localeSettings, localizeDigits } from '../../i18n/locale';
import { t } from '../../i18n/t';

/**
 * How KPI values read in the grid and the charts: compact, with the unit, blank as a
 * dash; digits, separators, percent sign and currency as the active language writes them.
 */

const compact = () => numberFormat({ notation: 'compact', maximumFractionDigits: 1 });
const plain1 = () => numberFormat({ maximumFractionDigits: 1 });
const whole = () => numberFormat({ maximumFractionDigits: 0 });

interface Shape {
  format: KpiFormat;
  unit: KpiUnit;
}

export function formatKpiValue(v: number | null | undefined, k: Shape): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return t('value.blank');
  switch (k.format) {
    case 'percent':
      return formatPercent(v);
    case 'currency': {
      const currency = localeSettings().currency;
      // Amounts under a million keep every digit (and small ones their cents); rials and tomans have none in use.
      return Math.abs(v) >= COMPACT_FROM ? formatCurrency(v, currency, true) : formatCurrency(v, currency);
    }
    case 'integer':
      return Math.abs(v) >= COMPACT_FROM ? compact().format(v) : whole().format(v);
    case 'duration':
      return t(k.unit === 'hours' ? 'kpiUnit.hoursValue' : 'kpiUnit.daysValue', { n: plain1().format(v) });
    default:
      return k.unit === 'months' ? t('kpiUnit.monthsValue', { n: plain1().format(v) }) : shortNumber(v);
  }
}

/**
 * Every digit of a KPI value, with its unit: for tooltips, the detail panel and the report,
 * where the compact cell figure ("$10M") would hide what the data says (10,005,534).
 */
export function formatKpiExact(v: number | null | undefined, k: Shape): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return t('value.blank');
  switch (k.format) {
    case 'percent':
      return numberFormat({ style: 'percent', maximumFractionDigits: 4 }).format(v);
    case 'currency':
      return formatCurrency(v, localeSettings().currency);
    case 'duration':
      return t(k.unit === 'hours' ? 'kpiUnit.hoursValue' : 'kpiUnit.daysValue', { n: exactNumber(v) });
    default:
      return k.unit === 'months' ? t('kpiUnit.monthsValue', { n: exactNumber(v) }) : exactNumber(v);
  }
}

/** A plus sign kept before its number in right-to-left text (a bare + would float to the other side). */
const plus = () => (localeSettings().locale === 'fa' ? '\u200e+' : '+');

/**
 * The change as a signed figure: points for percentages, a relative % otherwise; "n/a" when
 * either side rests on too little data (thinText says why). `full` writes the unit out
 * ("واحد درصد" rather than "واحد") for tooltips; narrow cells take the short one.
 */
export function formatChange(c: Comparison, k: Shape, full = false): string {
  if (c.thin !== null) return t('change.na');
  if (c.change === null) return t('value.blank');
  if (k.format === 'percent') {
    const pp = c.change * 100;
    return `${c.sign} ${pp > 0 ? plus() : ''}${plain1().format(pp)} ${t(full ? 'kpiUnit.pp' : 'kpiUnit.ppShort')}`;
  }
  if (c.relative === null) return `${c.sign} ${c.change > 0 ? plus() : ''}${shortNumber(c.change)}`;
  return `${c.sign} ${formatPercent(c.relative, 1, true)}`;
}

/** CSS class for a change: good or bad by the KPI's direction, neutral when it cannot be judged. */
export function changeClass(c: Comparison): string {
  return c.better === null ? 'delta' : c.better ? 'delta better' : 'delta worse';
}

/**
 * What a user types into a target, threshold or benchmark: read by the one core parser
 * (kpiFigure.ts), so "35", "35 %" and "۳۵٪" are 0.35 on a % KPI wherever they are typed.
 */
export function readKpiFigure(text: string, k: Shape): KpiFigure {
  return parseKpiFigure(text, k.unit);
}

/** Why a typed figure was refused, in the page's language. */
export function figureProblemText(f: Extract<KpiFigure, { ok: false }>, k: Shape): string {
  return t(isPercentUnit(k.unit) ? 'kpiFigure.notPercent' : 'kpiFigure.notNumber', { text: f.text });
}

/** A target or threshold as it is edited: percentages as 15, not 0.15. */
export function editText(v: number | null | undefined, k: Shape): string {
  const text = figureEditText(v, k.unit);
  // In the digits the page shows (۱۲٫۵ in Persian); the parser reads either set back.
  const shown = localizeDigits(text);
  return shown === text ? text : shown.replace('.', '٫');
}

const UNIT_KEYS = {
  '%': 'kpiUnit.%',
  currency: 'kpiUnit.currency',
  days: 'kpiUnit.days',
  hours: 'kpiUnit.hours',
  months: 'kpiUnit.months',
  points: 'kpiUnit.points',
  count: 'kpiUnit.count',
  ratio: 'kpiUnit.ratio',
  score: 'kpiUnit.score',
} as const satisfies Record<KpiUnit, string>;

/** Every unit a KPI can have, in the order the pickers list them. */
export const KPI_UNITS = Object.keys(UNIT_KEYS) as KpiUnit[];

export function unitLabel(k: Shape): string {
  return t(UNIT_KEYS[k.unit]);
}
