import type { GuardRefusalFormatters, GuardRefusalRef } from '../core/sql/guard';
import { guardRefusalsEn } from './guardRefusals.en';
import { guardRefusalsFa } from './guardRefusals.fa';
import { activeLocale, type Locale } from './locale';

/** Every language's sentence for every refusal of the SQL guard. */
export const GUARD_REFUSAL_CATALOGUES: Readonly<Record<Locale, GuardRefusalFormatters>> = {
  en: guardRefusalsEn,
  fa: guardRefusalsFa,
};

/** A guard refusal in a given language. */
function guardRefusalTextIn(locale: Locale, r: GuardRefusalRef): string {
  const format = GUARD_REFUSAL_CATALOGUES[locale][r.code] as (p: GuardRefusalRef['params']) => string;
  return format(r.params);
}

/** A guard refusal in the language shown (what the page shows instead of its English `message`). */
export function guardRefusalText(r: GuardRefusalRef): string {
  return guardRefusalTextIn(activeLocale(), r);
}
