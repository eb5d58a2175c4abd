import type { ErrorEntry } from '../app/data/importJobs';
import { engineStoppedText } from '../i18n/engineTrouble';
import { importMessageText } from '../i18n/importMessages';
import { isolated } from '../i18n/isolate';
import { t } from '../i18n/t';

/**
 * A load error in the language shown, from its code and parameters; and where in the file,
 * when the sentence does not say so itself. An error without a code (none the importer
 * makes) is shown as its English. A load that failed because the tab's engine had stopped
 * says that, as every other place the engine is asked does (engineTrouble.ts), not
 * "could not be loaded" around DuckDB-WASM's English.
 */
export function importErrorText(e: ErrorEntry): { text: string; where: string[] } {
  const stopped = engineStoppedText(e.message);
  if (stopped !== null)
    return { text: t('errors.engineStopped', { file: isolated(e.file), stopped }), where: [] };
  const params = (e.problem?.params ?? {}) as Record<string, unknown>;
  const says = (name: 'line' | 'column', value: string) =>
    e.problem ? params[name] !== undefined && params[name] !== null : e.message.includes(value);
  const where = [
    e.line !== undefined && !says('line', `line ${e.line}`) ? t('errors.where.line', { line: e.line }) : null,
    e.column && !says('column', e.column) ? t('errors.where.column', { column: e.column }) : null,
  ].filter((w): w is string => w !== null);
  const english = e.message;
  return { text: e.problem ? importMessageText(e.problem) : english, where };
}
