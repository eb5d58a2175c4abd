import { describe, expect, it } from 'vitest';
import {
  CANONICAL_TABLE_NAMES,
  CANONICAL_TABLES,
  canonicalColumn,
  canonicalTable,
  isCanonicalTableName,
  missingRequiredColumns,
  requiredColumns,
} from '../../../src/core/model/canonical';

/** The starred columns of DESIGN.md's table, copied by hand. */
const REQUIRED: Record<string, string[]> = {
  customers: ['customer_id', 'created_at'],
  leads: ['lead_id', 'created_at'],
  deals: ['deal_id', 'created_at', 'stage', 'amount'],
  orders: ['order_id', 'customer_id', 'ordered_at', 'revenue'],
  tickets: ['ticket_id', 'created_at'],
  surveys: ['response_id', 'answered_at'],
  marketing: ['date', 'channel', 'spend'],
  web: ['date', 'sessions'],
  social: ['date', 'platform', 'followers'],
  employees: ['employee_id', 'hired_at'],
  attendance: ['employee_id', 'date', 'scheduled_hours', 'absent_hours'],
  training: ['employee_id', 'date', 'hours'],
  expenses: ['date', 'amount'],
};

/** Every column of DESIGN.md's table, in its order. */
const ALL: Record<string, string[]> = {
  customers: [
    'customer_id',
    'created_at',
    'churned_at',
    'name',
    'segment',
    'region',
    'industry',
    'channel',
    'owner',
  ],
  leads: [
    'lead_id',
    'created_at',
    'source',
    'status',
    'mql_at',
    'sql_at',
    'converted_at',
    'customer_id',
    'owner',
  ],
  deals: ['deal_id', 'created_at', 'stage', 'amount', 'closed_at', 'won', 'customer_id', 'owner', 'source'],
  orders: ['order_id', 'customer_id', 'ordered_at', 'revenue', 'cost', 'quantity'],
  tickets: [
    'ticket_id',
    'created_at',
    'customer_id',
    'type',
    'priority',
    'channel',
    'agent',
    'first_response_at',
    'resolved_at',
    'contacts_to_resolve',
  ],
  surveys: ['response_id', 'answered_at', 'customer_id', 'nps', 'csat', 'ces'],
  marketing: ['date', 'channel', 'spend', 'campaign', 'impressions', 'clicks', 'leads'],
  web: ['date', 'sessions', 'users', 'pageviews', 'conversions', 'source'],
  social: ['date', 'platform', 'followers', 'posts', 'impressions', 'reach', 'engagements', 'clicks'],
  employees: ['employee_id', 'hired_at', 'left_at', 'department', 'team'],
  attendance: ['employee_id', 'date', 'scheduled_hours', 'absent_hours'],
  training: ['employee_id', 'date', 'hours'],
  expenses: ['date', 'amount', 'category'],
};

describe('the canonical CRM model', () => {
  it('has the 13 tables of DESIGN.md, in its order', () => {
    expect(CANONICAL_TABLES.map((t) => t.name)).toEqual(Object.keys(ALL));
    expect([...CANONICAL_TABLE_NAMES]).toEqual(Object.keys(ALL));
  });

  it.each(Object.entries(ALL))('%s has exactly the columns of DESIGN.md', (name, columns) => {
    expect(canonicalTable(name)?.columns.map((c) => c.name)).toEqual(columns);
  });

  it.each(Object.entries(REQUIRED))('%s requires exactly the starred columns', (name, required) => {
    if (!isCanonicalTableName(name)) throw new Error(`not canonical: ${name}`);
    expect(requiredColumns(name).map((c) => c.name)).toEqual(required);
  });

  it('gives every column a kind and a one-line description', () => {
    for (const table of CANONICAL_TABLES) {
      for (const column of table.columns) {
        expect(['number', 'text', 'boolean', 'date', 'timestamp']).toContain(column.kind);
        expect(column.description.length).toBeGreaterThan(5);
        expect(column.description).not.toContain('\n');
      }
    }
  });

  it('types the columns KPIs compute with', () => {
    expect(canonicalColumn('deals', 'amount')?.kind).toBe('number');
    expect(canonicalColumn('deals', 'won')?.kind).toBe('boolean');
    expect(canonicalColumn('deals', 'closed_at')?.kind).toBe('date');
    expect(canonicalColumn('tickets', 'created_at')?.kind).toBe('timestamp');
    expect(canonicalColumn('tickets', 'first_response_at')?.kind).toBe('timestamp');
    expect(canonicalColumn('tickets', 'resolved_at')?.kind).toBe('timestamp');
    expect(canonicalColumn('customers', 'customer_id')?.kind).toBe('text');
  });

  it('records the survey scales', () => {
    expect(canonicalColumn('surveys', 'nps')?.scale).toEqual({ min: 0, max: 10 });
    expect(canonicalColumn('surveys', 'csat')?.scale).toEqual({ min: 1, max: 5 });
    expect(canonicalColumn('surveys', 'ces')?.scale).toEqual({ min: 1, max: 7 });
    expect(canonicalTable('surveys')?.extraNumericColumnsAre).toBe('driver scores');
    expect(canonicalTable('deals')?.extraNumericColumnsAre).toBeUndefined();
  });

  it('points every reference at a column that exists', () => {
    const refs = CANONICAL_TABLES.flatMap((t) =>
      t.columns.flatMap((c) => (c.references ? [c.references] : [])),
    );
    expect(refs.length).toBe(7);
    for (const ref of refs) expect(canonicalColumn(ref.table, ref.column)).toBeDefined();
    expect(canonicalColumn('deals', 'customer_id')?.references).toEqual({
      table: 'customers',
      column: 'customer_id',
    });
  });

  it('gives every table a time column of a date or timestamp kind', () => {
    for (const table of CANONICAL_TABLES) {
      const kind = canonicalColumn(table.name, table.timeColumn)?.kind;
      expect(['date', 'timestamp']).toContain(kind);
    }
  });

  it('looks names up exactly', () => {
    expect(canonicalTable('deals')?.name).toBe('deals');
    expect(canonicalTable('Deals')).toBeUndefined();
    expect(canonicalTable('toString')).toBeUndefined();
    expect(isCanonicalTableName('web')).toBe(true);
    expect(isCanonicalTableName('constructor')).toBe(false);
    expect(canonicalColumn('deals', 'ammount')).toBeUndefined();
    expect(canonicalColumn('nope', 'amount')).toBeUndefined();
  });

  it('names the required columns a mapping still lacks', () => {
    expect(missingRequiredColumns('deals', ['deal_id', 'amount', 'owner'])).toEqual(['created_at', 'stage']);
    expect(missingRequiredColumns('expenses', ['date', 'amount', 'category'])).toEqual([]);
  });
});
