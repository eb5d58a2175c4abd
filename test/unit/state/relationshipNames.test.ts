import { describe, expect, it } from 'vitest';
import {
  type AppliedMapping,
  currentRelationship,
  declaredRelationship,
  scorecardLinks,
} from '../../../src/app/mapping/mappingTables';
import type { TableMapping } from '../../../src/core/model/mapping';

const columns = (kinds: Record<string, 'text' | 'number' | 'date'>) =>
  Object.entries(kinds).map(([name, kind]) => ({ name, kind }));
const loaded = [
  {
    name: 'pipeline',
    columns: columns({
      'Deal ID': 'text',
      Account: 'number',
      customer_id: 'text',
      Stage: 'text',
      Value: 'number',
      Created: 'date',
    }),
  },
  { name: 'accounts', columns: columns({ id: 'number' }) },
];
const mapping: TableMapping = {
  canonicalTable: 'deals',
  // The file has its own customer_id, but the user mapped Account onto it.
  columns: {
    deal_id: 'Deal ID',
    customer_id: 'Account',
    stage: 'Stage',
    amount: 'Value',
    created_at: 'Created',
  },
};
const applied: Record<string, AppliedMapping> = { pipeline: { raw: 'pipeline', mapping, auto: null } };
const m = { loaded, applied };
const link = (fromTable: string, fromColumn: string) => ({
  fromTable,
  fromColumn,
  toTable: 'accounts',
  toColumn: 'id',
});

describe('a relationship in raw or canonical names', () => {
  it('is kept in the raw names behind the view columns', () => {
    expect(declaredRelationship(link('deals', 'customer_id'), m)).toEqual(link('pipeline', 'Account'));
    expect(declaredRelationship(link('deals', 'customer_id_raw'), m)).toEqual(
      link('pipeline', 'customer_id'),
    );
    expect(declaredRelationship(link('deals', 'Account'), m)).toEqual(link('pipeline', 'Account'));
    // A table no mapping names stays as written.
    expect(declaredRelationship(link('orders', 'x'), m)).toEqual(link('orders', 'x'));
  });

  it("resolves to today's view columns, the file's own column under its own name or its rename", () => {
    expect(currentRelationship(link('pipeline', 'Account'), m)).toEqual(link('deals', 'Account'));
    expect(currentRelationship(link('pipeline', 'customer_id'), m)).toEqual(link('deals', 'customer_id_raw'));
    // Written in canonical names against the raw table, or already in the view's names.
    expect(currentRelationship(link('pipeline', 'deal_id'), m)).toEqual(link('deals', 'deal_id'));
    expect(currentRelationship(link('deals', 'customer_id'), m)).toEqual(link('deals', 'customer_id'));
    // Unmapped: the raw names again.
    expect(currentRelationship(link('pipeline', 'Account'), { loaded, applied: {} })).toEqual(
      link('pipeline', 'Account'),
    );
  });

  it('declared links come before found ones, one per pointing column and table', () => {
    const links = scorecardLinks(
      [link('pipeline', 'Account')],
      [link('deals', 'Account'), link('deals', 'Value')],
      loaded,
      applied,
    );
    expect(links).toEqual([link('deals', 'Account'), link('deals', 'Value')]);
  });
});
