import { DYNAMICS_PRESETS } from './dynamics';
import { HUBSPOT_PRESETS } from './hubspot';
import { PIPEDRIVE_PRESETS } from './pipedrive';
import type { MappingPreset } from './preset';
import { SALESFORCE_PRESETS } from './salesforce';
import { ZOHO_PRESETS } from './zoho';

export type { MappingPreset } from './preset';

/** Every CRM preset, tried in this order when two fit equally well. */
export const MAPPING_PRESETS: readonly MappingPreset[] = [
  ...HUBSPOT_PRESETS,
  ...SALESFORCE_PRESETS,
  ...DYNAMICS_PRESETS,
  ...PIPEDRIVE_PRESETS,
  ...ZOHO_PRESETS,
];
