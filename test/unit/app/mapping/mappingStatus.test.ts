import { describe, expect, it } from 'vitest';
import { mappingStatus } from '../../../../src/app/mapping/mappingStatus';

/**
 * Issue 16 follow-up: the Data tab said "Not mapped to the CRM model" for a served `deals`
 * table while the scorecard computed from it. A table with a canonical name is read as
 * loaded (scorecardSchema.ts); the line says so, and which required columns it lacks.
 */
const cols = (...names: string[]) => names.map((name) => ({ name }));

describe('mappingStatus', () => {
  it('a table named and shaped like the model’s is read as it', () => {
    const deals = { name: 'deals', columns: cols('deal_id', 'created_at', 'stage', 'amount', 'won') };
    expect(mappingStatus(deals, undefined)).toEqual({ kind: 'canonical', table: 'deals', missing: [] });
  });

  it('names the required columns such a table lacks', () => {
    expect(mappingStatus({ name: 'deals', columns: cols('id', 'amount') }, undefined)).toEqual({
      kind: 'canonical',
      table: 'deals',
      missing: ['deal_id', 'created_at', 'stage'],
    });
  });

  it('a mapping wins; any other name is not read by the catalog', () => {
    const applied = {
      raw: 'hubspot',
      mapping: { canonicalTable: 'deals' as const, columns: {} },
      auto: null,
    };
    expect(mappingStatus({ name: 'hubspot', columns: [] }, applied)).toEqual({ kind: 'mapped', applied });
    expect(mappingStatus({ name: 'hubspot', columns: [] }, undefined)).toEqual({ kind: 'none' });
  });
});
