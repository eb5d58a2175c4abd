import { describe, expect, it } from 'vitest';
import {
  judgePlausibility,
  type Plausibility,
  plausibilityPlan,
  type SpanMeasure,
} from '../../../src/core/model/mappingPlausibility';
import { SPAN_RULES } from '../../../src/core/model/mappingSpans';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { plausibilityWarningText } from '../../../src/i18n/plausibility';

const rule = (id: string) => SPAN_RULES.find((r) => r.id === id)!;
const span = (id: string, m: Partial<SpanMeasure>): SpanMeasure => ({
  rule: rule(id),
  count: 10,
  median: 1,
  min: 0,
  max: 2,
  negative: 0,
  ...m,
});
const date = (column: string, filled = 10, future = 0) => ({
  column,
  filled,
  min: '2024-01-01',
  max: '2024-02-01',
  future,
});
const measured = (m: Partial<Plausibility>): Plausibility => ({
  rows: 10,
  today: '2024-06-01',
  dates: [],
  spans: [],
  ...m,
});

describe('judging a mapping’s dates and spans', () => {
  it('says nothing about plausible data', () => {
    const p = measured({
      dates: [date('created_at'), date('first_response_at')],
      spans: [span('first_response', { median: 5 })],
    });
    expect(judgePlausibility(p)).toEqual([]);
  });

  it('warns past each documented limit, and not at it', () => {
    const at = (id: string, median: number) =>
      judgePlausibility(measured({ spans: [span(id, { median })] })).map((w) => w.code);
    expect(at('first_response', 30 * 24)).toEqual([]);
    expect(at('first_response', 30 * 24 + 1)).toEqual(['span-long']);
    expect(at('first_response', 25_606)).toEqual(['span-long']);
    expect(at('sales_cycle', 1096)).toEqual(['span-long']);
    expect(at('sales_cycle', 1000)).toEqual([]);
    expect(at('tenure', 61 * 365.25)).toEqual(['span-long']);
    expect(at('tenure', 40 * 365.25)).toEqual([]);
    expect(at('resolution', 366 * 24)).toEqual(['span-long']);
  });

  it('gives the share of rows that end before they start, and of dates in the future', () => {
    const w = judgePlausibility(
      measured({
        dates: [date('closed_at', 8, 2)],
        spans: [span('sales_cycle', { count: 8, negative: 2, median: 10 })],
      }),
    );
    expect(w).toEqual([
      { code: 'date-future', column: 'closed_at', share: 0.25, today: '2024-06-01' },
      { code: 'span-negative', span: rule('sales_cycle'), share: 0.25 },
    ]);
  });

  it('reports an empty column once, not again as an empty span', () => {
    const w = judgePlausibility(
      measured({
        dates: [date('created_at'), date('first_response_at', 0)],
        spans: [span('first_response', { count: 0, median: null })],
      }),
    );
    expect(w).toEqual([{ code: 'date-empty', column: 'first_response_at' }]);
    const none = judgePlausibility(
      measured({
        dates: [date('created_at'), date('resolved_at')],
        spans: [span('resolution', { count: 0 })],
      }),
    );
    expect(none.map((x) => x.code)).toEqual(['span-empty']);
    // An empty file is not an empty column.
    expect(judgePlausibility(measured({ rows: 0, dates: [date('created_at', 0)] }))).toEqual([]);
  });
});

describe('the plausibility query', () => {
  it('measures only mapped dates, spans with both ends, over the would-be view', () => {
    const plan = plausibilityPlan(
      'raw "t"',
      { canonicalTable: 'deals', columns: { deal_id: 'Id', created_at: 'Created', closed_at: 'Closed' } },
      ['Id', 'Created', 'Closed'],
      { Id: 'text', Created: 'date', Closed: 'date' },
      '2024-06-01',
      duckdb,
    );
    expect(plan?.dates).toEqual(['created_at', 'closed_at']);
    expect(plan?.spans.map((s) => s.id)).toEqual(['sales_cycle']);
    expect(plan?.sql).toContain(`FROM "raw ""t"""`);
    expect(plan?.sql).toContain(`> DATE '2024-06-01'`);
    expect(plan?.sql).toContain('MEDIAN(s0) AS s0_median');
    expect(
      plausibilityPlan(
        'r',
        { canonicalTable: 'deals', columns: { deal_id: 'Id' } },
        ['Id'],
        {},
        '2024-06-01',
        duckdb,
      ),
    ).toBeNull();
  });
});

describe('plausibility warnings in words', () => {
  const long = { code: 'span-long', span: rule('first_response'), median: 25_606 } as const;
  const negative = { code: 'span-negative', span: rule('sales_cycle'), share: 0.25 } as const;

  it('read in English with the figures in the span’s unit', () => {
    setLocaleSettings({ locale: 'en' });
    expect(plausibilityWarningText(long, 'tickets')).toBe(
      'First response time: a median of 25,606 h is implausible (more than 720 h); check which column is tickets.created_at',
    );
    expect(plausibilityWarningText(negative, 'deals')).toBe(
      'Sales cycle: deals.closed_at is before deals.created_at in 25% of rows',
    );
    expect(
      plausibilityWarningText({ code: 'span-long', span: rule('tenure'), median: 70 * 365.25 }, 'employees'),
    ).toMatch(/a median of 70 years is implausible \(more than 60 years\)/);
  });

  it('read in Persian, the column names isolated and kept as written', () => {
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    const text = plausibilityWarningText(long, 'tickets');
    expect(text).toContain('زمان نخستین پاسخ');
    expect(text).toContain('\u2068tickets.created_at\u2069');
    expect(text).toContain('۷۲۰ ساعت');
    setLocaleSettings({ locale: 'en', persianDigits: false });
  });
});
