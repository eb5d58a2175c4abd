import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScorecard } from '../../../src/core/formula/compile';
import type { KpiDef, Schema, SchemaColumn } from '../../../src/core/formula/schema';
import { duckdb } from '../../../src/core/sql/dialects/registry';

const cols = (spec: string): SchemaColumn[] =>
  spec.split(' ').map((s) => {
    const [name, kind] = s.split(':');
    return { name, kind: (kind ?? 'text') as SchemaColumn['kind'] };
  });

/** The canonical CRM model's tables used by docs/kpis.md. */
const canonical: Schema = {
  tables: [
    {
      name: 'customers',
      timeColumn: 'created_at',
      columns: cols('customer_id:number created_at:date churned_at:date segment'),
    },
    {
      name: 'deals',
      timeColumn: 'created_at',
      columns: cols('deal_id:number created_at:date stage amount:number closed_at:date customer_id:number'),
    },
    {
      name: 'orders',
      timeColumn: 'ordered_at',
      columns: cols('order_id:number customer_id:number ordered_at:date revenue:number cost:number'),
    },
    {
      name: 'surveys',
      timeColumn: 'answered_at',
      columns: cols('response_id:number answered_at:date nps:number csat:number'),
    },
    { name: 'marketing', timeColumn: 'date', columns: cols('date:date channel spend:number') },
    { name: 'social', timeColumn: 'date', columns: cols('date:date platform followers:number') },
    {
      name: 'attendance',
      timeColumn: 'date',
      columns: cols('employee_id:number date:date scheduled_hours:number absent_hours:number'),
    },
  ],
  relationships: [
    { fromTable: 'deals', fromColumn: 'customer_id', toTable: 'customers', toColumn: 'customer_id' },
  ],
};

describe('docs/kpis.md', () => {
  const text = readFileSync(new URL('../../../docs/kpis.md', import.meta.url), 'utf8');
  const kpis: KpiDef[] = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));

  it('writes out the ten KPIs of the issue', () => {
    const ids = kpis.map((k) => k.id);
    for (const id of [
      'nps_score',
      'win_rate',
      'churn_rate',
      'retention_rate',
      'cac',
      'avg_deal_size',
      'median_cycle',
      'absenteeism',
      'follower_growth',
      'gross_margin',
    ]) {
      expect(ids).toContain(id);
    }
    expect(kpis.find((k) => k.id === 'churn_rate')?.formula).toContain('ACTIVE(');
  });

  it('compiles all of them into one monthly query without a diagnostic', () => {
    const out = compileScorecard({ dialect: duckdb, kpis, schema: canonical, grain: 'month' });
    expect(out.diagnostics.map((d) => `${d.kpiId}: ${d.message}`)).toEqual([]);
    expect(out.sql.match(/^WITH /gm)).toHaveLength(1);
  });
});
