import type { Schema } from '../../../src/core/formula/schema';

/** A small CRM-like schema shared by the unit tests. */
export const schema: Schema = {
  tables: [
    {
      name: 'deals',
      timeColumn: 'created_at',
      columns: [
        { name: 'deal_id', kind: 'number' },
        { name: 'customer_id', kind: 'number' },
        { name: 'amount', kind: 'number' },
        { name: 'stage', kind: 'text' },
        { name: 'source', kind: 'text' },
        { name: 'won', kind: 'boolean' },
        { name: 'created_at', kind: 'date' },
        { name: 'closed_at', kind: 'timestamp' },
      ],
    },
    {
      name: 'customers',
      columns: [
        { name: 'customer_id', kind: 'number' },
        { name: 'segment', kind: 'text' },
        { name: 'created_at', kind: 'date' },
        { name: 'churned_at', kind: 'date' },
      ],
    },
    {
      name: 'web',
      timeColumn: 'date',
      columns: [
        { name: 'date', kind: 'date' },
        { name: 'sessions', kind: 'number' },
      ],
    },
  ],
  relationships: [
    { fromTable: 'deals', fromColumn: 'customer_id', toTable: 'customers', toColumn: 'customer_id' },
  ],
};
