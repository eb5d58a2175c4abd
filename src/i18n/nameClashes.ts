import type { NameClash, NameClashFormatters } from '../core/model/tableNames';
import { activeLocale, type Locale } from './locale';
import { nameClashesEn } from './nameClashes.en';
import { nameClashesFa } from './nameClashes.fa';

/** Every language's sentence for every dataset name clash that refuses a workbook. */
export const NAME_CLASH_CATALOGUES: Readonly<Record<Locale, NameClashFormatters>> = {
  en: nameClashesEn,
  fa: nameClashesFa,
};

/** A name clash in a given language. */
export function nameClashTextIn(locale: Locale, c: NameClash): string {
  const format = NAME_CLASH_CATALOGUES[locale][c.code] as (p: NameClash['params']) => string;
  return format(c.params);
}

/** A name clash in the language shown (what the page shows instead of its English `message`). */
export function nameClashText(c: NameClash): string {
  return nameClashTextIn(activeLocale(), c);
}
