import { t } from '../i18n/t';
import type { GoneTable } from '../state/autosaveStatus';

/** What brings each gone table back, said once for the files given to the command and once for those dropped on the page. */
export function goneTablesText(gone: readonly GoneTable[]): string {
  const say = (dropped: boolean, key: 'autosave.gone' | 'autosave.goneDropped') => {
    const tables = gone.filter((g) => g.dropped === dropped).map((g) => g.table);
    return tables.length === 0 ? [] : [t(key, { tables: tables.join(', ') })];
  };
  return [...say(false, 'autosave.gone'), ...say(true, 'autosave.goneDropped')].join(' ');
}
