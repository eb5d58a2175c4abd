import { toAsciiDigits } from '../ingest/digits';
import type { KpiFormat, KpiUnit } from './types';

/**
 * The one reading of a figure typed for a KPI: its target, a threshold, a benchmark.
 * The KPI's unit decides the scale: with unit %, `35`, `35%`, `35 %` and `۳۵٪` all
 * mean 35 % and are stored as the fraction 0.35, the way the KPI's values are.
 * Every place a figure is typed goes through here, so the convention is one.
 */

/** Percentages are stored as fractions (0.35) and shown and typed as 35 %. */
export function isPercentUnit(unit: KpiUnit): boolean {
  return unit === '%';
}

/**
 * The format a KPI with this unit is written in: a unit change carries its format with it,
 * so a custom KPI switched to % reads 37 %, not 0.37. `current` is kept when the unit does
 * not decide (a count may be written as a number or an integer).
 */
export function formatForUnit(unit: KpiUnit, current: KpiFormat): KpiFormat {
  if (isPercentUnit(unit)) return 'percent';
  if (unit === 'currency') return 'currency';
  if (unit === 'days' || unit === 'hours') return 'duration';
  return current === 'percent' || current === 'currency' || current === 'duration' ? 'number' : current;
}

export type KpiFigureProblem = 'not-a-number';

/** `value` null: the text was blank, which clears the figure. */
export type KpiFigure =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly problem: KpiFigureProblem; readonly text: string };

// Bidi marks, the Arabic letter mark and the spaces a copied figure may carry.
const INVISIBLE = /[\s\u00a0\u202f\u2009\u200e\u200f\u061c]/g;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const PLAIN = /^(\d+\.?\d*|\.\d+)$/;

/**
 * Reads typed text in either language's digits: `۳۵٫۵٪`, `1,200`, `−3`, `$1,200`. A percent
 * sign on a KPI of another unit divides by 100 as in formulas (`15%` is 0.15).
 */
export function parseKpiFigure(text: string, unit: KpiUnit): KpiFigure {
  const s = toAsciiDigits(text)
    .replace(INVISIBLE, '')
    .replace(/٪/g, '%')
    .replace(/\u2212/g, '-');
  if (s === '') return { ok: true, value: null };
  const bad = { ok: false, problem: 'not-a-number', text: text.trim() } as const;
  let body = s;
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('+')) {
    sign = body.startsWith('-') ? -1 : 1;
    body = body.slice(1);
  }
  // A currency mark before the amount, as amounts are often pasted.
  if (unit === 'currency') body = body.replace(/^[$€£]/, '');
  let percent = false;
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1);
  } else if (body.startsWith('%')) {
    // Persian text written right to left may put the sign first: ٪۳۵.
    percent = true;
    body = body.slice(1);
  }
  if (GROUPED.test(body)) body = body.replace(/,/g, '');
  if (!PLAIN.test(body)) return bad;
  const n = sign * Number(body);
  if (!Number.isFinite(n)) return bad;
  return { ok: true, value: percent || isPercentUnit(unit) ? n / 100 : n };
}

/** A stored figure as it is typed back: a percentage as 35, not 0.35; plain ASCII digits. */
export function figureEditText(v: number | null | undefined, unit: KpiUnit): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return isPercentUnit(unit) ? String(Number((v * 100).toFixed(6))) : String(v);
}

/**
 * A figure typed on the plain scale for what is really a percentage (a custom KPI whose
 * format was not yet percent took "35" as 35), on the fraction scale: above 1 in size it
 * can only have meant percent, so 35 becomes 0.35; 0.35 already was the fraction and stays.
 */
export function percentFromPlain(v: number): number {
  return Math.abs(v) > 1 ? v / 100 : v;
}
