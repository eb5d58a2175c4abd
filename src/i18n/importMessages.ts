import type { ImportMessageFormatters, ImportMessageRef } from '../core/ingest/messages';
import { importMessagesEn } from './importMessages.en';
import { importMessagesFa } from './importMessages.fa';
import { activeLocale, type Locale } from './locale';

/** Every language's sentence for every load error and note. */
export const IMPORT_MESSAGE_CATALOGUES: Readonly<Record<Locale, ImportMessageFormatters>> = {
  en: importMessagesEn,
  fa: importMessagesFa,
};

/** A load error or note in a given language. */
function importMessageTextIn(locale: Locale, m: ImportMessageRef): string {
  const format = IMPORT_MESSAGE_CATALOGUES[locale][m.code] as (p: ImportMessageRef['params']) => string;
  return format(m.params);
}

/**
 * A load error or note in the language shown: what the page shows instead of its
 * `message` (the importer's English, for the CLI and tests).
 */
export function importMessageText(m: ImportMessageRef): string {
  return importMessageTextIn(activeLocale(), m);
}
