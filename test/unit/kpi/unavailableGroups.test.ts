import { describe, expect, it } from 'vitest';
import { groupUnavailable, type UnavailableItem } from '../../../src/core/kpi/unavailableGroups';

const item = (
  id: string,
  family: UnavailableItem['family'],
  missing: string[],
  kind: 'kpi' | 'kri' = 'kpi',
) => ({
  id,
  family,
  kind,
  missing,
});

describe('groupUnavailable', () => {
  it('folds one line per family, in the scorecard order, KRIs last', () => {
    const groups = groupUnavailable(
      [
        item('roas', 'sales', ['marketing.spend']),
        item('nps', 'customer', ['surveys.nps', 'surveys.answered_at']),
        item('complaints', 'customer', ['tickets.type'], 'kri'),
        item('churn', 'customer', ['customers.churned_at', 'customers.customer_id']),
      ],
      new Set(),
    );
    expect(groups.map((g) => [g.family, g.ids])).toEqual([
      ['customer', ['nps', 'churn']],
      ['sales', ['roas']],
      ['risk', ['complaints']],
    ]);
  });

  it('names absent tables once per KPI, the most needed first, and missing columns of present tables apart', () => {
    const [g] = groupUnavailable(
      [
        item('nps', 'customer', ['surveys.nps', 'surveys.answered_at']),
        item('csat', 'customer', ['surveys.csat', 'surveys.answered_at']),
        item('churn', 'customer', ['customers.churned_at', 'customers.customer_id']),
        item('frt', 'customer', ['tickets.first_response_at']),
        item('res', 'customer', ['tickets.resolved_at', 'tickets.first_response_at']),
      ],
      new Set(['tickets']),
    );
    expect(g.tables).toEqual(['surveys', 'customers']);
    expect(g.columns).toEqual(['tickets.first_response_at', 'tickets.resolved_at']);
    expect(g.ids).toHaveLength(5);
  });

  it('leaves out families with nothing unavailable', () => {
    expect(groupUnavailable([], new Set(['deals']))).toEqual([]);
  });
});
