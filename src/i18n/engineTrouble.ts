import { isEngineStopped, isOutOfMemory } from '../core/outOfMemory';
import { t } from './t';

/**
 * An engine failure that has nothing to do with what was asked, in the language shown:
 * the browser engine stopped, or it ran out of memory; both say to use `shakhes serve`.
 * Null for any other failure, which the caller words with the engine's own message.
 */
export function engineTroubleText(message: string): string | null {
  if (isEngineStopped(message)) return t('notebook.problem.engineStopped');
  if (isOutOfMemory(message)) return t('notebook.problem.outOfMemory');
  return null;
}

/**
 * The browser engine's stop only, in the language shown; null for any other failure. For
 * places that also run on `shakhes serve`, where a native out-of-memory is not the tab's.
 */
export function engineStoppedText(message: string): string | null {
  return isEngineStopped(message) ? t('notebook.problem.engineStopped') : null;
}
