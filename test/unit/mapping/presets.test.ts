import { describe, expect, it } from 'vitest';
import { type CanonicalTableName, requiredColumns } from '../../../src/core/model/canonical';
import { suggestMapping } from '../../../src/core/model/mapping';
import { normalizeHeader } from '../../../src/core/model/mappingMatch';

/** Header rows as each CRM writes them (crm-exports.md), with the columns such files carry besides. */
const EXPORTS: {
  name: string;
  headers: string[];
  table: CanonicalTableName;
  preset: string;
  expect: Record<string, string>;
}[] = [
  {
    name: 'HubSpot deals',
    headers: [
      'Record ID',
      'Deal Name',
      'Pipeline',
      'Deal Stage',
      'Amount',
      'Create Date',
      'Close Date',
      'Deal owner',
      'Original Source',
      'Associated Company (IDs)',
    ],
    table: 'deals',
    preset: 'hubspot-deals',
    expect: {
      deal_id: 'Record ID',
      created_at: 'Create Date',
      stage: 'Deal Stage',
      amount: 'Amount',
      closed_at: 'Close Date',
      owner: 'Deal owner',
      customer_id: 'Associated Company (IDs)',
    },
  },
  {
    name: 'HubSpot contacts',
    headers: [
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Lifecycle Stage',
      'Create Date',
      'Contact owner',
      'Original Source',
      'Associated Company ID',
    ],
    table: 'leads',
    preset: 'hubspot-contacts',
    expect: { lead_id: 'Record ID', created_at: 'Create Date', status: 'Lifecycle Stage' },
  },
  {
    name: 'HubSpot tickets',
    headers: [
      'Ticket ID',
      'Ticket name',
      'Pipeline',
      'Ticket status',
      'Create date',
      'Close date',
      'Ticket owner',
      'Source',
      'Priority',
    ],
    table: 'tickets',
    preset: 'hubspot-tickets',
    expect: {
      ticket_id: 'Ticket ID',
      created_at: 'Create date',
      resolved_at: 'Close date',
      agent: 'Ticket owner',
    },
  },
  {
    name: 'Salesforce opportunities, report labels',
    headers: [
      'Opportunity ID',
      'Opportunity Name',
      'Account Name',
      'Stage',
      'Amount',
      'Probability (%)',
      'Created Date',
      'Close Date',
      'Opportunity Owner',
      'Lead Source',
      'Closed',
      'Won',
    ],
    table: 'deals',
    preset: 'salesforce-opportunity-labels',
    expect: {
      deal_id: 'Opportunity ID',
      created_at: 'Created Date',
      stage: 'Stage',
      amount: 'Amount',
      closed_at: 'Close Date',
      source: 'Lead Source',
    },
  },
  {
    name: 'Salesforce opportunities, Data Loader',
    headers: [
      'Id',
      'AccountId',
      'Name',
      'StageName',
      'Amount',
      'CloseDate',
      'CreatedDate',
      'IsClosed',
      'IsWon',
      'OwnerId',
      'LeadSource',
    ],
    table: 'deals',
    preset: 'salesforce-opportunity-api',
    expect: {
      deal_id: 'Id',
      created_at: 'CreatedDate',
      stage: 'StageName',
      amount: 'Amount',
      customer_id: 'AccountId',
    },
  },
  {
    name: 'Salesforce leads, Data Loader',
    headers: [
      'Id',
      'FirstName',
      'LastName',
      'Company',
      'Status',
      'LeadSource',
      'CreatedDate',
      'ConvertedDate',
      'IsConverted',
      'ConvertedAccountId',
      'OwnerId',
    ],
    table: 'leads',
    preset: 'salesforce-lead-api',
    expect: {
      lead_id: 'Id',
      created_at: 'CreatedDate',
      converted_at: 'ConvertedDate',
      customer_id: 'ConvertedAccountId',
    },
  },
  {
    name: 'Salesforce cases, report labels',
    headers: [
      'Case Number',
      'Subject',
      'Status',
      'Priority',
      'Case Origin',
      'Date/Time Opened',
      'Date/Time Closed',
      'Case Owner',
      'Account Name',
    ],
    table: 'tickets',
    preset: 'salesforce-case-labels',
    expect: {
      ticket_id: 'Case Number',
      created_at: 'Date/Time Opened',
      resolved_at: 'Date/Time Closed',
      channel: 'Case Origin',
    },
  },
  {
    name: 'Salesforce accounts, report labels',
    headers: [
      'Account ID',
      'Account Name',
      'Type',
      'Industry',
      'Annual Revenue',
      'Account Owner',
      'Account Source',
      'Created Date',
    ],
    table: 'customers',
    preset: 'salesforce-account-labels',
    expect: {
      customer_id: 'Account ID',
      created_at: 'Created Date',
      name: 'Account Name',
      industry: 'Industry',
    },
  },
  {
    name: 'Dynamics 365 opportunities',
    headers: [
      '(Do Not Modify) Opportunity',
      '(Do Not Modify) Row Checksum',
      '(Do Not Modify) Modified On',
      'Topic',
      'Potential Customer',
      'Est. Revenue',
      'Actual Revenue',
      'Status',
      'Status Reason',
      'Actual Close Date',
      'Owner',
      'Created On',
    ],
    table: 'deals',
    preset: 'dynamics-opportunity',
    expect: {
      deal_id: '(Do Not Modify) Opportunity',
      created_at: 'Created On',
      stage: 'Status',
      amount: 'Est. Revenue',
      closed_at: 'Actual Close Date',
      customer_id: 'Potential Customer',
    },
  },
  {
    name: 'Dynamics 365 cases',
    headers: [
      'Case Number',
      'Case Title',
      'Priority',
      'Origin',
      'Customer',
      'Status',
      'Status Reason',
      'Owner',
      'Created On',
    ],
    table: 'tickets',
    preset: 'dynamics-case',
    expect: {
      ticket_id: 'Case Number',
      created_at: 'Created On',
      channel: 'Origin',
      customer_id: 'Customer',
    },
  },
  {
    name: 'Pipedrive deals',
    headers: [
      'Deal - ID',
      'Deal - Title',
      'Deal - Value',
      'Deal - Currency',
      'Deal - Organization',
      'Deal - Stage',
      'Deal - Status',
      'Deal - Owner',
      'Deal - Deal created',
      'Deal - Won time',
      'Deal - Lost time',
      'Deal - Closed on',
    ],
    table: 'deals',
    preset: 'pipedrive-deals',
    expect: {
      deal_id: 'Deal - ID',
      created_at: 'Deal - Deal created',
      stage: 'Deal - Status',
      amount: 'Deal - Value',
      closed_at: 'Deal - Closed on',
      customer_id: 'Deal - Organization',
    },
  },
  {
    name: 'Zoho CRM deals',
    headers: [
      'Record Id',
      'Deal Name',
      'Account Name',
      'Stage',
      'Amount',
      'Closing Date',
      'Deal Owner',
      'Lead Source',
      'Created Time',
      'Probability (%)',
    ],
    table: 'deals',
    preset: 'zoho-deals',
    expect: {
      deal_id: 'Record Id',
      created_at: 'Created Time',
      stage: 'Stage',
      amount: 'Amount',
      closed_at: 'Closing Date',
      owner: 'Deal Owner',
    },
  },
  {
    name: 'Zoho CRM leads',
    headers: [
      'Record Id',
      'First Name',
      'Last Name',
      'Company',
      'Lead Status',
      'Lead Source',
      'Lead Owner',
      'Created Time',
    ],
    table: 'leads',
    preset: 'zoho-leads',
    expect: { lead_id: 'Record Id', created_at: 'Created Time', status: 'Lead Status', owner: 'Lead Owner' },
  },
];

describe('CRM presets', () => {
  for (const x of EXPORTS) {
    it(`maps a ${x.name} export onto ${x.table} with every required column`, () => {
      const s = suggestMapping(x.headers);
      expect(s.table).toBe(x.table);
      expect(s.preset?.id).toBe(x.preset);
      expect(s.missingRequired).toEqual([]);
      for (const c of requiredColumns(x.table)) expect(s.mapping.columns[c.name], c.name).toBeDefined();
      expect(s.mapping.columns).toMatchObject(x.expect);
      // Headers alone, no values: the preset makes it likely, not certain.
      expect(s.confidence).toBeGreaterThan(0.7);
    });
  }

  it('matches headers ignoring case, spaces, dashes and underscores', () => {
    expect(normalizeHeader('Deal - Value')).toBe('dealvalue');
    expect(normalizeHeader('CREATE_DATE')).toBe('createdate');
    const s = suggestMapping(['record_id', 'DEAL-STAGE', 'amount', 'createdate', 'CloseDate']);
    expect(s.preset?.id).toBe('hubspot-deals');
    expect(s.mapping.columns).toEqual({
      deal_id: 'record_id',
      created_at: 'createdate',
      closed_at: 'CloseDate',
      stage: 'DEAL-STAGE',
      amount: 'amount',
    });
  });
});

describe('suggestMapping without a preset', () => {
  it('recognises files already in the canonical shape', () => {
    const s = suggestMapping([
      'deal_id',
      'created_at',
      'stage',
      'amount',
      'closed_at',
      'won',
      'customer_id',
      'owner',
      'source',
    ]);
    expect(s.table).toBe('deals');
    expect(s.preset).toBeNull();
    expect(Object.values(s.matches).every((m) => m.by === 'exact')).toBe(true);
    const tickets = suggestMapping([
      'ticket_id',
      'created_at',
      'customer_id',
      'type',
      'priority',
      'channel',
      'agent',
    ]);
    expect(tickets.table).toBe('tickets');
  });

  it('suggests similar names for the rest, keeping text out of number slots', () => {
    const headers = ['Expense Date', 'Total', 'Category'];
    const s = suggestMapping(headers, { 'Expense Date': 'date', Total: 'number', Category: 'text' });
    expect(s.table).toBe('expenses');
    expect(s.mapping.columns).toEqual({ date: 'Expense Date', amount: 'Total', category: 'Category' });
    expect(s.matches.category.by).toBe('exact');
    expect(s.matches.amount.by).toBe('similar');
    expect(s.confidence).toBeLessThan(1);
    expect(s.confidence).toBeGreaterThan(0.6);

    const textTotal = suggestMapping(headers, { 'Expense Date': 'date', Total: 'text', Category: 'text' });
    expect(textTotal.mapping.columns.amount).toBeUndefined();
  });
});
