import type { PlausibilityWarning } from '../core/model/mappingPlausibility';
import { DAYS_PER_YEAR, type SpanRule } from '../core/model/mappingSpans';
import type { MessageKey } from './en';
import { formatDate, formatPercent, shortNumber } from './format';
import { isolated } from './isolate';
import { isRtl } from './locale';
import { t } from './t';

const SPAN_KEYS: Readonly<Record<SpanRule['id'], MessageKey>> = {
  first_response: 'mapping.span.firstResponse',
  resolution: 'mapping.span.resolution',
  sales_cycle: 'mapping.span.salesCycle',
  customer_lifetime: 'mapping.span.customerLifetime',
  tenure: 'mapping.span.tenure',
};

const UNIT_KEYS: Readonly<Record<SpanRule['shown'], MessageKey>> = {
  hours: 'mapping.unit.hours',
  days: 'mapping.unit.days',
  years: 'mapping.unit.years',
};

export function spanLabel(rule: SpanRule): string {
  return t(SPAN_KEYS[rule.id]);
}

/** A span measured in its function's unit, shown in the rule's: 25,606 h, 410 days, 7.5 years. */
export function spanValue(rule: SpanRule, v: number): string {
  const n = rule.shown === 'years' ? v / DAYS_PER_YEAR : v;
  return t(UNIT_KEYS[rule.shown], { n: shortNumber(n) });
}

/** An ISO day as the page writes dates (its calendar and digits). */
export function isoDay(iso: string): string {
  return formatDate(Date.parse(`${iso}T00:00:00Z`));
}

/** A canonical table.column inside a sentence: kept as written, isolated in a right-to-left page. */
const name = (table: string, column: string) => (isRtl() ? isolated : (s: string) => s)(`${table}.${column}`);

/** A plausibility warning in the language shown. */
export function plausibilityWarningText(w: PlausibilityWarning, table: string): string {
  switch (w.code) {
    case 'date-empty':
      return t('mapping.warn.dateEmpty', { column: name(table, w.column) });
    case 'date-future':
      return t('mapping.warn.dateFuture', {
        share: formatPercent(w.share, 0),
        column: name(table, w.column),
        today: isoDay(w.today),
      });
    case 'span-empty':
      return t('mapping.warn.spanEmpty', {
        span: spanLabel(w.span),
        start: name(table, w.span.start),
        end: name(table, w.span.end),
      });
    case 'span-negative':
      return t('mapping.warn.spanNegative', {
        span: spanLabel(w.span),
        start: name(table, w.span.start),
        end: name(table, w.span.end),
        share: formatPercent(w.share, 0),
      });
    case 'span-long':
      return t('mapping.warn.spanLong', {
        span: spanLabel(w.span),
        median: spanValue(w.span, w.median),
        limit: spanValue(w.span, w.span.limit),
        start: name(table, w.span.start),
      });
  }
}
