import type { MappingPreset } from './preset';

/** Pipedrive prefixes every header with its object ("Deal - Value"); API names are plain. */
export const PIPEDRIVE_PRESETS: readonly MappingPreset[] = [
  {
    id: 'pipedrive-deals',
    crm: 'Pipedrive',
    object: 'Deal',
    label: 'Pipedrive deals',
    table: 'deals',
    columns: {
      deal_id: ['Deal - ID', 'id'],
      created_at: ['Deal - Deal created', 'Deal - Add time', 'add_time'],
      closed_at: ['Deal - Closed on', 'close_time', 'Deal - Won time', 'won_time'],
      // Status is open / won / lost; the pipeline stage stays where it was when a deal closes.
      stage: ['Deal - Status', 'status', 'Deal - Stage', 'stage_id'],
      amount: ['Deal - Value', 'value'],
      owner: ['Deal - Owner', 'user_id'],
      source: ['Deal - Source'],
      customer_id: ['Deal - Organization', 'org_id'],
    },
  },
];
