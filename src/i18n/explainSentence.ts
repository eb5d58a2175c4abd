import type { Contribution, SegmentEffect } from '../core/analysis/contribution';
import { formatPeriodLabel, numberFormat } from './format';
import { isolated } from './isolate';
import type { LocaleSettings } from './locale';
import { tIn } from './t';

interface ExplainSentenceInput {
  /** The KPI's label, as shown. */
  readonly kpi: string;
  /** The periods' labels ('2024-Q1') or ranges. */
  readonly a: string;
  readonly b: string;
  readonly contribution: Contribution;
  /** A rate shown as a percentage: effects in percentage points. */
  readonly percent: boolean;
}

interface Driver {
  readonly text: (effect: string) => string;
  readonly value: number;
}

/** How many effects the sentence names; the table has the rest. */
const NAMED = 3;

/** A segment's name as data: isolated so a Persian name in English text (or the reverse) keeps its order. */
function segmentName(e: SegmentEffect, s: LocaleSettings, iso: (t: string) => string): string {
  if (e.others > 0) return tIn(s.locale, 'explain.others', { count: e.others });
  return iso(e.segment === null ? tIn(s.locale, 'explain.blank') : e.segment);
}

/** The separate effects, each a phrase: a segment's rate and its mix for a ratio, its change for a sum. */
function drivers(c: Contribution, s: LocaleSettings, iso: (t: string) => string): Driver[] {
  const out: Driver[] = [];
  for (const e of c.segments) {
    const segment = segmentName(e, s, iso);
    if (c.shape === 'additive') {
      out.push({ value: e.total, text: (effect) => tIn(s.locale, 'explain.segment', { segment, effect }) });
      continue;
    }
    out.push({ value: e.rate, text: (effect) => tIn(s.locale, 'explain.rate', { segment, effect }) });
    const key = e.shareB >= e.shareA ? 'explain.mixMore' : 'explain.mixFewer';
    out.push({ value: e.mix, text: (effect) => tIn(s.locale, key, { segment, effect }) });
  }
  return out.sort((x, y) => Math.abs(y.value) - Math.abs(x.value));
}

/**
 * The one-sentence summary of a contribution: "Win rate fell 9 pp from 2024-Q1 to 2024-Q2:
 * Enterprise’s rate −7 pp, more Mid in the mix +1.9 pp, …", naming the largest effects
 * (effects that round to zero are not named). Names from the data are isolated for
 * bidirectional text unless `isolate` is false.
 */
export function explainSentence(
  input: ExplainSentenceInput,
  s: LocaleSettings,
  { isolate = true }: { isolate?: boolean } = {},
): string {
  const { contribution: c } = input;
  // Plain text for an English terminal, where the marks would show as boxes.
  const iso = isolate ? isolated : (t: string) => t;
  const kpi = iso(input.kpi);
  const [a, b] = [formatPeriodLabel(input.a, s), formatPeriodLabel(input.b, s)];
  if (c.change === null) return tIn(s.locale, 'explain.noValue', { kpi, period: c.valueA === null ? a : b });
  const digits = input.percent
    ? { maximumFractionDigits: 1, minimumFractionDigits: 1 }
    : { maximumFractionDigits: 2 };
  const scale = input.percent ? 100 : 1;
  const unit = input.percent ? ` ${tIn(s.locale, 'kpiUnit.pp')}` : '';
  const signed = numberFormat({ ...digits, signDisplay: 'exceptZero' }, s);
  const plain = numberFormat(digits, s);
  // A true minus sign, as print writes it.
  const format = (v: number, f: Intl.NumberFormat) => `${f.format(v * scale).replace('-', '\u2212')}${unit}`;
  const isZero = (v: number) => plain.format(Math.abs(v * scale)) === plain.format(0);
  const change = format(Math.abs(c.change), plain);
  const headline = isZero(c.change)
    ? tIn(s.locale, 'explain.flat', { kpi, a, b })
    : tIn(s.locale, c.change > 0 ? 'explain.rose' : 'explain.fell', { kpi, change, a, b });
  const named = drivers(c, s, iso).filter((d) => !isZero(d.value));
  if (named.length === 0) return headline;
  const list = named
    .slice(0, NAMED)
    .map((d) => d.text(format(d.value, signed)))
    .join(tIn(s.locale, 'explain.listSeparator'));
  const more = named.length > NAMED ? tIn(s.locale, 'explain.more') : '';
  return tIn(s.locale, 'explain.drivers', { headline, drivers: `${list}${more}` });
}
