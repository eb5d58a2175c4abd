import { describe, expect, it } from 'vitest';
import { emptyDocument, parseDocument } from '../../../src/core/model/document';
import { migrateForward } from '../../../src/core/model/migrations';

/** A format-1 document as the app wrote it before one percent convention. */
function v1(kpis: unknown[], benchmarks: unknown[] = []) {
  return JSON.parse(JSON.stringify({ ...emptyDocument('Old'), formatVersion: 1, kpis, benchmarks }));
}

const customRate = {
  id: 'reply_rate',
  label: 'Reply rate',
  formula: 'COUNTIF(tickets.agent = "a") / COUNT(tickets.ticket_id)',
  unit: '%',
  format: 'number',
  direction: 'up',
  family: 'operational',
  kind: 'kpi',
  target: 35,
  thresholds: { warning: 20, critical: 0.1 },
};

describe('migration v1 → v2: one percent convention', () => {
  it('turns a custom % KPI typed as 35 into the fraction 0.35, and writes it as a percent', () => {
    const r = parseDocument(v1([customRate]));
    if (!r.ok) throw new Error(r.error);
    expect(r.migratedFrom).toBe(1);
    expect(r.doc.formatVersion).toBe(2);
    const k = r.doc.kpis[0];
    expect(k.format).toBe('percent');
    expect(k.target).toBe(0.35);
    // 20 could only mean 20 %; 0.1 already was a fraction.
    expect(k.thresholds).toEqual({ warning: 0.2, critical: 0.1 });
  });

  it('rescales the user benchmarks filed under such a KPI, and no others', () => {
    const doc = v1(
      [customRate, { ...customRate, id: 'deals_won', unit: 'count', target: 35, thresholds: undefined }],
      [
        { key: 'user:reply_rate:1', label: 'reply_rate', value: 42, industry: null },
        { key: 'user:deals_won:1', label: 'deals_won', value: 42, industry: null },
      ],
    );
    const r = parseDocument(doc);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.benchmarks.map((b) => b.value)).toEqual([0.42, 42]);
    expect(r.doc.kpis[1]).toMatchObject({ unit: 'count', format: 'number', target: 35 });
  });

  it('leaves catalog-style % KPIs alone: their figures were already fractions', () => {
    const catalog = { ...customRate, id: 'win_rate', format: 'percent', target: 0.7, thresholds: undefined };
    const r = parseDocument(v1([catalog]));
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.kpis[0].target).toBe(0.7);
    expect(r.doc.kpis[0].format).toBe('percent');
  });

  it('assumes nothing of its input: odd entries pass through for the schema to judge', () => {
    const out = migrateForward({ formatVersion: 1, kpis: [3, { unit: '%', target: 'x' }] }, 1);
    expect(out.kpis).toEqual([3, { unit: '%', target: 'x', format: 'percent' }]);
    expect(migrateForward({ formatVersion: 1 }, 1)).toEqual({
      formatVersion: 2,
      kpis: [],
      benchmarks: undefined,
    });
  });
});
