import { DEFAULT_RFM_MAP } from '../analysis/rfm';
import { CELL_REGISTRY } from './registry';
import type { CellConfig, CellKind, NotebookCell } from './types';

/** A cell with its kind's defaults under the demo's own settings, so every field shows its value. */
const cell = (id: string, kind: CellKind, name: string, config: CellConfig, source = ''): NotebookCell => ({
  id,
  kind,
  name,
  source,
  config: { ...CELL_REGISTRY[kind].create().config, ...config },
});

/** Canonical tables the demo notebook reads; it is offered only when all are loaded. */
export const DEMO_NOTEBOOK_TABLES = [
  'customers',
  'orders',
  'surveys',
  'leads',
  'marketing',
  'deals',
] as const;

const md = (id: string, name: string, source: string): NotebookCell => ({
  id,
  kind: 'markdown',
  name,
  source,
  config: {},
});

/**
 * The demo's notebook: a short story a consultant can walk a client through, each
 * question answered by a cell that a reader can open and change.
 */
export function demoNotebook(): NotebookCell[] {
  return [
    md(
      'demo-intro',
      'intro',
      '# The quarter in review\n\nQuestions about **Kestrelwood Analytics**, each answered by a cell below. Edit any cell and press `Shift+Enter`: only the cells that read it run again.',
    ),
    md('demo-h-changed', 'changed_note', '## What changed this quarter'),
    cell('demo-changed', 'kpiTable', 'this_quarter', {
      kpis: ['total_revenue', 'new_customers', 'churn_rate', 'win_rate', 'csat', 'nps', 'cost_per_lead'],
      grain: 'quarter',
    }),
    md(
      'demo-h-churn',
      'churn_note',
      '## Which segment churns\n\nQuarterly churn rate by customer segment, averaged over the last four quarters.',
    ),
    cell('demo-churn', 'segmentCompare', 'churn_by_segment', {
      kpi: 'churn_rate',
      breakdown: 'customers.segment',
      grain: 'quarter',
      periods: 4,
    }),
    md(
      'demo-h-drivers',
      'drivers_note',
      '## Which driver moves satisfaction\n\nEach survey driver: how strongly it moves CSAT (correlation) against how well we score on it. Top left is where to act.',
    ),
    cell('demo-drivers', 'keyDrivers', 'csat_drivers', { table: 'surveys', outcome: 'csat' }),
    md(
      'demo-h-channels',
      'channels_note',
      '## Which channel acquires cheapest\n\nPaid spend per lead, by channel.',
    ),
    {
      id: 'demo-channels',
      kind: 'sql',
      name: 'channel_costs',
      source:
        'SELECT channel,\n  sum(spend) AS spend,\n  sum(leads) AS leads,\n  round(sum(spend) / nullif(sum(leads), 0), 2) AS cost_per_lead\nFROM marketing\nGROUP BY channel\nORDER BY cost_per_lead',
      config: {},
    },
    {
      id: 'demo-cheapest',
      kind: 'sql',
      name: 'cheapest_channel',
      source:
        'SELECT channel, cost_per_lead,\n  round(cost_per_lead / (SELECT avg(cost_per_lead) FROM channel_costs WHERE channel <> c.channel), 2) AS vs_other_channels\nFROM channel_costs c\nORDER BY cost_per_lead\nLIMIT 1',
      config: {},
    },
    md(
      'demo-h-rfm',
      'rfm_note',
      '## Who our best customers are\n\nRFM segments from order history: recency, frequency and spend, scored in quintiles.',
    ),
    cell('demo-rfm', 'rfm', 'rfm_segments', { map: [...DEFAULT_RFM_MAP] }),
    md(
      'demo-h-cohorts',
      'cohort_note',
      '## How long customers stay\n\nShare of each signup month still a customer, by months since signup.',
    ),
    cell('demo-cohorts', 'cohort', 'retention_cohorts', { cohorts: 24 }),
    md('demo-h-funnel', 'funnel_note', '## Where leads drop out\n\nLeads reaching each stage, by source.'),
    cell('demo-funnel', 'funnel', 'lead_funnel', { groupBy: 'source' }),
    md(
      'demo-h-pivot',
      'pivot_note',
      '## Where our customers are\n\nCustomers by region and segment, with totals.',
    ),
    cell('demo-pivot', 'pivot', 'customers_by_region', {
      table: 'customers',
      rows: 'region',
      columns: 'segment',
      value: 'customer_id',
      aggregate: 'count',
    }),
  ];
}
