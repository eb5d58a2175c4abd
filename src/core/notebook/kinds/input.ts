import { configNumber, configString } from '../config';
import type { CellKindDef, InputValue, NotebookCell } from '../types';
import { NO_DEPS } from './shared';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isoOrNull = (s: string) => (ISO.test(s) ? s : null);

/** What an input cell gives the cells that read it; blanks become NULL in SQL. */
export function inputValue(cell: NotebookCell): InputValue {
  const type = configString(cell.config, 'type', 'text');
  if (type === 'number') {
    const v = cell.config.value;
    return { type: 'number', value: typeof v === 'number' ? configNumber(cell.config, 'value', 0) : null };
  }
  if (type === 'dateRange')
    return {
      type: 'dateRange',
      from: isoOrNull(configString(cell.config, 'from', '')),
      to: isoOrNull(configString(cell.config, 'to', '')),
    };
  const text = configString(cell.config, 'value', '');
  return { type: 'text', value: text === '' ? null : text };
}

export const inputKind: CellKindDef = {
  kind: 'input',
  namePrefix: 'input',
  create: () => ({ source: '', config: { type: 'text', value: '' } }),
  dependencies: () => NO_DEPS,
  plan: () => ({ ok: true, plan: { type: 'none' } }),
};
