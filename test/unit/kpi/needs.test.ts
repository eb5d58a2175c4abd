import { describe, expect, it } from 'vitest';
import { formulaNames } from '../../../src/core/kpi/needs';

describe('formulaNames', () => {
  it('splits qualified columns, bare names and whole tables', () => {
    const n = formulaNames(
      'DIVIDE(SUMIF(deals.amount, won), COUNTROWS(tickets)) + [My KPI] + deals.[Close Date]',
    );
    expect([...n.columns].sort()).toEqual(['deals.Close Date', 'deals.amount']);
    expect([...n.bare].sort()).toEqual(['My KPI', 'won']);
    expect([...n.tables]).toEqual(['tickets']);
  });
});
