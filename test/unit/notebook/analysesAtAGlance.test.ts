import { describe, expect, it } from 'vitest';
import { funnelSteps } from '../../../src/core/analysis/funnel';
import { CELL_REGISTRY, createCell } from '../../../src/core/notebook/registry';
import type { NotebookContext } from '../../../src/core/notebook/types';
import { dialectNamed } from '../../../src/core/sql/dialects/registry';

const ctx = (over: Partial<NotebookContext> = {}): NotebookContext => ({
  tables: ['customers'],
  schema: {
    tables: [
      {
        name: 'customers',
        columns: [
          { name: 'customer_id', kind: 'text' },
          { name: 'created_at', kind: 'date' },
          { name: 'churned_at', kind: 'date' },
          { name: 'region', kind: 'text' },
          { name: 'segment', kind: 'text' },
        ],
      },
    ],
    relationships: [],
  },
  kpis: new Map(),
  inputs: new Map(),
  views: [],
  dialect: dialectNamed('duckdb'),
  ...over,
});

describe('funnel steps', () => {
  it('gives each stage its share of the stage before and of the leads', () => {
    // 200 leads → 80 MQL (80/200 = 40 %) → 20 SQL (20/80 = 25 %, 20/200 = 10 %) → 5 won (25 %, 2.5 %).
    expect(funnelSteps({ group: 'Organic', leads: 200, mql: 80, sql: 20, won: 5 })).toEqual([
      { stage: 'leads', count: 200, ofPrevious: null, ofFirst: null },
      { stage: 'mql', count: 80, ofPrevious: 0.4, ofFirst: 0.4 },
      { stage: 'sql', count: 20, ofPrevious: 0.25, ofFirst: 0.1 },
      { stage: 'won', count: 5, ofPrevious: 0.25, ofFirst: 0.025 },
    ]);
  });

  it('leaves a share blank when the stage it is a share of is empty', () => {
    const steps = funnelSteps({ leads: 3, mql: 0, sql: 0, won: 0 });
    expect(steps.map((s) => [s.ofPrevious, s.ofFirst])).toEqual([
      [null, null],
      [0, 0],
      [null, 0],
      [null, 0],
    ]);
    expect(funnelSteps({ leads: 0, mql: 0, sql: 0, won: 0 })[1]).toEqual({
      stage: 'mql',
      count: 0,
      ofPrevious: null,
      ofFirst: null,
    });
  });
});

describe('pivot fields', () => {
  const pivot = (config: Record<string, string>) => {
    const cell = createCell('pivot', 'p', []);
    return CELL_REGISTRY.pivot.plan({ ...cell, config: { ...cell.config, ...config } }, ctx());
  };

  it('says which field names a missing column, with the closest column', () => {
    const plan = pivot({ table: 'customers', rows: 'regoin', columns: 'segment', value: 'custmer_id' });
    expect(!plan.ok && plan.problems).toEqual([
      expect.objectContaining({
        code: 'unknown-field',
        params: { field: 'rows', table: 'customers', column: 'regoin', suggestion: 'region' },
      }),
      expect.objectContaining({
        code: 'unknown-field',
        params: { field: 'value', table: 'customers', column: 'custmer_id', suggestion: 'customer_id' },
      }),
    ]);
    expect(!plan.ok && plan.message).toBe(
      'rows: customers has no column regoin; did you mean region?\nvalue: customers has no column custmer_id; did you mean customer_id?',
    );
  });

  it('offers no guess when nothing is close, and takes names in any case', () => {
    const far = pivot({ table: 'customers', rows: 'xyz', columns: 'segment', value: 'customer_id' });
    expect(!far.ok && far.message).toBe('rows: customers has no column xyz');
    expect(pivot({ table: 'customers', rows: 'REGION', columns: 'Segment', value: 'customer_id' }).ok).toBe(
      true,
    );
  });
});

describe('cohorts in the workbook calendar', () => {
  it('reads Jalali months from the calendar table and labels its result Jalali', () => {
    const cell = createCell('cohort', 'c', []);
    const plan = CELL_REGISTRY.cohort.plan(cell, ctx({ calendar: 'jalali' }));
    expect(plan.ok && plan.plan.type === 'sql' && plan.plan.calendar?.kind).toBe('jalali');
    const sql = plan.ok && plan.plan.type === 'sql' ? plan.plan.result : '';
    expect(sql).toContain('"j_month_start"');
    expect(sql).not.toContain('"g_month_start"');
    // Rerun when the calendar changes.
    expect(CELL_REGISTRY.cohort.periodic).toBe(true);
  });
});
