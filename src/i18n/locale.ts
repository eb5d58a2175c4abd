/**
 * The active language and how numbers and dates are written in it. Pure module state
 * (no DOM, no React) so t() and the formatters read it in Node tests as well; the
 * locale store (state/localeStore) is what changes it in the app.
 */

export type Locale = 'en' | 'fa';
export const LOCALES: readonly Locale[] = ['en', 'fa'];

/** Which calendar dates and period labels are shown in: the workbook's, set by the app. */
export type DisplayCalendar = 'gregorian' | 'jalali';

export interface LocaleSettings {
  readonly locale: Locale;
  /** Persian digits (۱۲۳) rather than Latin ones; only read when the locale is Persian. */
  readonly persianDigits: boolean;
  readonly calendar: DisplayCalendar;
  /** The workbook's currency (ISO code; IRT for the toman), which amounts are written in. */
  readonly currency: string;
}

let current: LocaleSettings = { locale: 'en', persianDigits: true, calendar: 'gregorian', currency: 'USD' };

export function localeSettings(): LocaleSettings {
  return current;
}

export function activeLocale(): Locale {
  return current.locale;
}

export function setLocaleSettings(next: Partial<LocaleSettings>): void {
  current = { ...current, ...next };
}

/** The BCP 47 tag Intl formats numbers with: Persian digits come from fa-IR's own numbering system. */
export function numberLocale(s: LocaleSettings = current): string {
  if (s.locale === 'en') return 'en-US';
  return s.persianDigits ? 'fa-IR' : 'fa-IR-u-nu-latn';
}

/** Whether text in this locale runs right to left. */
export function isRtl(locale: Locale = current.locale): boolean {
  return locale === 'fa';
}

/** The first language for a browser that has no saved choice: any Persian tag picks Persian. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  const first = languages.find((l) => /^(fa|en)\b/i.test(l));
  return first !== undefined && /^fa\b/i.test(first) ? 'fa' : 'en';
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Latin digits in already formatted text (a period label, an id) written as Persian ones when on. */
export function localizeDigits(text: string, s: LocaleSettings = current): string {
  if (s.locale !== 'fa' || !s.persianDigits) return text;
  return text.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]);
}
