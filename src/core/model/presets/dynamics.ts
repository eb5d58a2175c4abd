import type { MappingPreset } from './preset';

/**
 * Dynamics 365 "Export to Excel" uses display names and adds a hidden
 * "(Do Not Modify) <entity>" column holding the record id; schema names are
 * accepted too.
 */
export const DYNAMICS_PRESETS: readonly MappingPreset[] = [
  {
    id: 'dynamics-opportunity',
    crm: 'Dynamics 365',
    object: 'Opportunity',
    label: 'Dynamics 365 opportunities',
    table: 'deals',
    columns: {
      deal_id: ['(Do Not Modify) Opportunity', 'opportunityid'],
      created_at: ['Created On', 'createdon'],
      // Est. Close Date is what a plain export shows; Actual Close Date only once closed.
      closed_at: ['Actual Close Date', 'actualclosedate', 'Est. Close Date', 'estimatedclosedate'],
      // Status (statecode) is Open / Won / Lost: the outcome lives there, not in a stage.
      stage: ['Status', 'statecode', 'Status Reason', 'statuscode'],
      // Est. Revenue is filled on every opportunity; Actual Revenue only once won.
      amount: ['Est. Revenue', 'estimatedvalue', 'Actual Revenue', 'actualvalue'],
      owner: ['Owner', 'ownerid'],
      source: ['Source Campaign', 'campaignid'],
      customer_id: ['Potential Customer', 'customerid'],
    },
  },
  {
    id: 'dynamics-lead',
    crm: 'Dynamics 365',
    object: 'Lead',
    label: 'Dynamics 365 leads',
    table: 'leads',
    columns: {
      lead_id: ['(Do Not Modify) Lead', 'leadid'],
      created_at: ['Created On', 'createdon'],
      status: ['Status', 'statecode'],
      owner: ['Owner', 'ownerid'],
      source: ['Lead Source', 'leadsourcecode'],
    },
  },
  {
    id: 'dynamics-case',
    crm: 'Dynamics 365',
    object: 'Case',
    label: 'Dynamics 365 cases',
    table: 'tickets',
    columns: {
      ticket_id: ['Case Number', 'ticketnumber', '(Do Not Modify) Case', 'incidentid'],
      created_at: ['Created On', 'createdon'],
      priority: ['Priority', 'prioritycode'],
      agent: ['Owner', 'ownerid'],
      channel: ['Origin', 'caseorigincode'],
      customer_id: ['Customer', 'customerid'],
    },
  },
];
