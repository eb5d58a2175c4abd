import type { CellKindDef } from '../types';
import { NO_DEPS } from './shared';

export const markdownKind: CellKindDef = {
  kind: 'markdown',
  namePrefix: 'text',
  create: () => ({ source: '## A heading\n\nWrite what the numbers below say.', config: {} }),
  dependencies: () => NO_DEPS,
  plan: () => ({ ok: true, plan: { type: 'none' } }),
};
