import type { MappingPreset } from './preset';

/** HubSpot exports use field labels; the internal names are accepted too. */
export const HUBSPOT_PRESETS: readonly MappingPreset[] = [
  {
    id: 'hubspot-deals',
    crm: 'HubSpot',
    object: 'Deals',
    label: 'HubSpot deals',
    table: 'deals',
    columns: {
      deal_id: ['Record ID', 'hs_object_id', 'Deal ID'],
      created_at: ['Create Date', 'createdate'],
      // Close Date is the expected close date while a deal is open; won comes from the stage.
      closed_at: ['Close Date', 'closedate'],
      stage: ['Deal Stage', 'dealstage'],
      amount: ['Amount', 'amount'],
      owner: ['Deal owner', 'hubspot_owner_id'],
      source: ['Original Source', 'hs_analytics_source'],
      customer_id: ['Associated Company (IDs)', 'Associated Company IDs', 'Associated Company ID'],
    },
  },
  {
    id: 'hubspot-contacts',
    crm: 'HubSpot',
    object: 'Contacts',
    label: 'HubSpot contacts',
    table: 'leads',
    columns: {
      lead_id: ['Record ID', 'Contact ID', 'hs_object_id'],
      created_at: ['Create Date', 'createdate'],
      status: ['Lifecycle Stage', 'lifecyclestage', 'Lead Status', 'hs_lead_status'],
      owner: ['Contact owner', 'hubspot_owner_id'],
      source: ['Original Source', 'hs_analytics_source'],
      customer_id: ['Associated Company ID', 'Associated Company (IDs)', 'associatedcompanyid'],
    },
  },
  {
    id: 'hubspot-tickets',
    crm: 'HubSpot',
    object: 'Tickets',
    label: 'HubSpot tickets',
    table: 'tickets',
    columns: {
      ticket_id: ['Ticket ID', 'Record ID', 'hs_object_id'],
      created_at: ['Create date', 'createdate'],
      resolved_at: ['Close date', 'closed_date'],
      agent: ['Ticket owner', 'hubspot_owner_id'],
      channel: ['Source', 'source_type'],
      priority: ['Priority', 'hs_ticket_priority'],
    },
  },
];
