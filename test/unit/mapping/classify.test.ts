import { describe, expect, it } from 'vitest';
import { suggestMapping, suggestMappingFor } from '../../../src/core/model/mapping';
import { profileColumn } from './profileCsv';

describe('preset claims', () => {
  it('does not call a generic pipeline a HubSpot export for sharing a few HubSpot-like names', () => {
    const s = suggestMapping([
      'Deal ID',
      'Deal Name',
      'Deal Stage',
      'Close Date',
      'Amount',
      'Rep',
      'Created',
    ]);
    expect(s.table).toBe('deals');
    expect(s.preset).toBeNull();
    expect(s.mapping.columns).toMatchObject({
      deal_id: 'Deal ID',
      stage: 'Deal Stage',
      created_at: 'Created',
    });
  });

  it('claims HubSpot when most of its own headers are there', () => {
    const s = suggestMapping([
      'Record ID',
      'Deal Stage',
      'Amount',
      'Create Date',
      'Close Date',
      'Deal owner',
    ]);
    expect(s.preset?.label).toBe('HubSpot deals');
  });
});

describe('owner, agent and account', () => {
  it('keeps an account column out of the owner slot', () => {
    const s = suggestMappingFor('deals', ['Deal Id', 'Account Name', 'Stage', 'Amount', 'Created']);
    expect(s.mapping.columns.owner).toBeUndefined();
    expect(s.mapping.columns.customer_id).toBe('Account Name');
    // "Account" is close to "account manager", an owner synonym: still not an owner.
    const twoAccounts = suggestMappingFor('deals', [
      'Deal Id',
      'Account ID',
      'Account',
      'Stage',
      'Amount',
      'Created',
    ]);
    expect(twoAccounts.mapping.columns.owner).toBeUndefined();
    expect(twoAccounts.mapping.columns.customer_id).toBe('Account ID');
    const withRep = suggestMappingFor('deals', [
      'Deal Id',
      'Account',
      'Stage',
      'Amount',
      'Created',
      'Sales Agent',
    ]);
    expect(withRep.mapping.columns).toMatchObject({ owner: 'Sales Agent', customer_id: 'Account' });
  });

  it('finds the agent of a ticket and keeps the customer apart', () => {
    const s = suggestMappingFor('tickets', [
      'Case Number',
      'Customer',
      'Assigned To',
      'Date Created',
      'Priority',
    ]);
    expect(s.mapping.columns).toMatchObject({
      ticket_id: 'Case Number',
      agent: 'Assigned To',
      customer_id: 'Customer',
      created_at: 'Date Created',
    });
  });
});

describe('id and created columns of generic files', () => {
  it.each([
    ['deals', ['Opportunity_ID', 'Stage', 'Amount', 'Created'], 'Opportunity_ID', 'Created'],
    ['deals', ['Deal Id', 'Stage', 'Amount', 'Date Created'], 'Deal Id', 'Date Created'],
    ['leads', ['Lead Number', 'Source', 'Lead Creation Date'], 'Lead Number', 'Lead Creation Date'],
  ] as const)('%s from %j', (table, headers, id, created) => {
    const s = suggestMappingFor(table, headers);
    const key = table === 'deals' ? 'deal_id' : 'lead_id';
    expect(s.mapping.columns[key]).toBe(id);
    expect(s.mapping.columns.created_at).toBe(created);
  });

  it('finds them by values when the names say nothing: the unique column, the fullest earliest date', () => {
    const n = 30;
    const col = (name: string, f: (i: number) => string) =>
      profileColumn(
        name,
        Array.from({ length: n }, (_, i) => f(i)),
      );
    const profiles = [
      col('Ref', (i) => `X${1000 + i}`),
      col('Status', (i) => ['Won', 'Lost', 'Negotiation', 'Proposal'][i % 4]),
      col('Worth', (i) => String(1000 + i * 10)),
      col('Logged', (i) => `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`),
      col('Followed up', (i) => (i % 3 === 0 ? '' : `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`)),
    ];
    const headers = profiles.map((p) => p.name);
    const kinds = Object.fromEntries(profiles.map((p) => [p.name, p.kind]));
    const s = suggestMapping(headers, kinds, profiles);
    expect(s.table).toBe('deals');
    expect(s.mapping.columns).toMatchObject({ deal_id: 'Ref', created_at: 'Logged', stage: 'Status' });
    expect(s.matches.deal_id.by).toBe('values');
  });

  it('never guesses a purchase or close date as the day a record began', () => {
    const n = 20;
    const profiles = [
      profileColumn(
        'Ticket ID',
        Array.from({ length: n }, (_, i) => String(i + 1)),
      ),
      profileColumn(
        'Date of Purchase',
        Array.from({ length: n }, (_, i) => `2023-02-${String(i + 1).padStart(2, '0')}`),
      ),
    ];
    const s = suggestMappingFor('tickets', ['Ticket ID', 'Date of Purchase'], undefined, profiles);
    expect(s.mapping.columns.created_at).toBeUndefined();
    expect(s.missingRequired).toEqual(['created_at']);
  });
});
