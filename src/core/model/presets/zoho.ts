import type { MappingPreset } from './preset';

/** Zoho CRM exports use field labels; the API names differ mostly by underscores, which matching ignores. */
export const ZOHO_PRESETS: readonly MappingPreset[] = [
  {
    id: 'zoho-deals',
    crm: 'Zoho CRM',
    object: 'Deals',
    label: 'Zoho CRM deals',
    table: 'deals',
    columns: {
      deal_id: ['Record Id', 'id'],
      created_at: ['Created Time'],
      closed_at: ['Closing Date'],
      stage: ['Stage'],
      amount: ['Amount'],
      owner: ['Deal Owner', 'Owner'],
      source: ['Lead Source'],
      customer_id: ['Account Name'],
    },
  },
  {
    id: 'zoho-leads',
    crm: 'Zoho CRM',
    object: 'Leads',
    label: 'Zoho CRM leads',
    table: 'leads',
    columns: {
      lead_id: ['Record Id', 'id'],
      created_at: ['Created Time'],
      status: ['Lead Status'],
      owner: ['Lead Owner', 'Owner'],
      source: ['Lead Source'],
    },
  },
];
