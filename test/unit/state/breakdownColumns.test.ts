import { describe, expect, it } from 'vitest';
import { breakdownColumns } from '../../../src/state/scorecardSchema';

describe('breakdown columns', () => {
  it("lists every table's text columns as table.column, keys left out", () => {
    const tables = [
      {
        name: 'deals',
        columns: [
          { name: 'deal_id', kind: 'text' as const },
          { name: 'stage', kind: 'text' as const },
          { name: 'amount', kind: 'number' as const },
          { name: 'Record ID', kind: 'text' as const },
          { name: 'AccountId', kind: 'text' as const },
          { name: 'Paid', kind: 'text' as const },
        ],
      },
      {
        name: 'accounts',
        columns: [
          { name: 'Account ID', kind: 'number' as const },
          { name: 'Industry', kind: 'text' as const },
          { name: 'name', kind: 'text' as const },
        ],
      },
    ];
    expect(breakdownColumns(tables)).toEqual(['deals.stage', 'deals.Paid', 'accounts.Industry']);
  });
});
