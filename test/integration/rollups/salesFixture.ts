import type { KpiDef, Schema } from '../../../src/core/formula/schema';
import type { Engine } from '../../../src/engine/engine';

/** A sales table (dated, joined to customers) and KPIs over it, for the rollup tests. */
export const SCHEMA: Schema = {
  tables: [
    {
      name: 'sales',
      timeColumn: 'sold_at',
      columns: [
        { name: 'sold_at', kind: 'date' },
        { name: 'amount', kind: 'number' },
        { name: 'stage', kind: 'text' },
        { name: 'customer_id', kind: 'number' },
        { name: 'ended_at', kind: 'date' },
      ],
    },
    {
      name: 'customers',
      columns: [
        { name: 'customer_id', kind: 'number' },
        { name: 'segment', kind: 'text' },
      ],
    },
  ],
  relationships: [
    { fromTable: 'sales', fromColumn: 'customer_id', toTable: 'customers', toColumn: 'customer_id' },
  ],
};

/** Every aggregate a rollup merges, a KPI filter through a join, a rate, PREV, and two that stay raw. */
export const KPIS: KpiDef[] = [
  { id: 'total', label: 'Total', formula: 'SUM(sales.amount)' },
  { id: 'cnt', label: 'Count', formula: 'COUNT(sales.amount)' },
  { id: 'rows', label: 'Rows', formula: 'COUNTROWS(sales)' },
  { id: 'won', label: 'Won', formula: 'COUNTIF(sales.stage = "Won")' },
  { id: 'won_amount', label: 'Won amount', formula: 'SUMIF(sales.amount, sales.stage = "Won")' },
  { id: 'mean', label: 'Mean', formula: 'AVERAGE(sales.amount)' },
  { id: 'lost_mean', label: 'Lost mean', formula: 'AVERAGEIF(sales.amount, sales.stage = "Lost")' },
  { id: 'least', label: 'Least', formula: 'MIN(sales.amount)' },
  { id: 'last_sale', label: 'Last sale', formula: 'MAX(sales.sold_at)' },
  { id: 'seg_a', label: 'Segment A', formula: 'SUM(sales.amount)', filter: 'customers.segment = "A"' },
  { id: 'win_rate', label: 'Win rate', formula: 'COUNTIF(sales.stage = "Won") / COUNTROWS(sales)' },
  { id: 'growth', label: 'Growth', formula: 'total - PREV(total)' },
  { id: 'buyers', label: 'Buyers', formula: 'COUNTD(sales.customer_id)' },
  {
    id: 'won_buyers',
    label: 'Won buyers in A',
    formula: 'COUNTD(IF(sales.stage = "Won", sales.customer_id))',
    filter: 'customers.segment = "A"',
  },
  { id: 'median', label: 'Median', formula: 'MEDIAN(sales.amount)' },
  { id: 'open', label: 'Open', formula: 'ACTIVE(sales.sold_at, sales.ended_at)' },
  {
    id: 'open_won',
    label: 'Open and won',
    formula: 'ACTIVE(sales.sold_at, sales.ended_at)',
    filter: 'sales.stage = "Won"',
  },
];

const DAY_MS = 86_400_000;
const BASE = Date.parse('2023-01-01T00:00:00Z');
export const iso = (day: number) => new Date(BASE + day * DAY_MS).toISOString().slice(0, 10);

type Sale = {
  day: number | null;
  amount: number | null;
  stage: string | null;
  customer: number;
  /** Days from `day` to the day it ended; blank while it is open. */
  lasts?: number | null;
};

export async function loadSales(e: Engine, sales: readonly Sale[]): Promise<void> {
  await e.query(
    'CREATE OR REPLACE TABLE sales (sold_at DATE, amount DOUBLE, stage VARCHAR, customer_id INTEGER, ended_at DATE)',
  );
  if (sales.length === 0) return;
  const rows = sales.map(
    (s) =>
      `(${s.day === null ? 'NULL' : `DATE '${iso(s.day)}'`}, ${s.amount ?? 'NULL'}, ${s.stage === null ? 'NULL' : `'${s.stage}'`}, ${s.customer}, ${s.day === null || s.lasts == null ? 'NULL' : `DATE '${iso(s.day + s.lasts)}'`})`,
  );
  await e.query(`INSERT INTO sales VALUES ${rows.join(', ')}`);
}
