import { describe, expect, it } from 'vitest';
import { breakdownColumns } from '../../../src/core/model/scorecardSchema';

describe('breakdown columns', () => {
  it("lists every table's text columns as table.column, keys left out", () => {
    const table = (name: string, columns: Record<string, 'text' | 'number'>) => ({
      name,
      columns: Object.entries(columns).map(([column, kind]) => ({ name: column, kind })),
    });
    const tables = [
      table('deals', {
        deal_id: 'text',
        stage: 'text',
        amount: 'number',
        'Record ID': 'text',
        AccountId: 'text',
        Paid: 'text',
      }),
      table('accounts', { 'Account ID': 'number', Industry: 'text', name: 'text' }),
    ];
    expect(breakdownColumns(tables)).toEqual(['deals.stage', 'deals.Paid', 'accounts.Industry']);
  });
});
