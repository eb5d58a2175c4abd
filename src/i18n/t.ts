import { en, type MessageKey } from './en';
import { fa } from './fa';
import { activeLocale, type Locale, numberLocale } from './locale';

export type MessageParams = Record<string, string | number>;

/** One message: plain text, or plural forms chosen by the `count` parameter. */
export type Message = string | { readonly one: string; readonly other: string };

/**
 * Every catalogue by language. Persian is typed partial so a key another feature adds to
 * English never stops the build; test/unit/i18n fails until it is translated, and until
 * then t() falls back to the English text.
 */
export const CATALOGUES: Record<Locale, Partial<Record<MessageKey, Message>>> = { en, fa };

const plurals = new Map<string, Intl.PluralRules>();
const counts = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** The message for `key` in the active language, with `{name}` placeholders filled; `count` picks plural forms. */
export function t(key: MessageKey, params: MessageParams = {}): string {
  return tIn(activeLocale(), key, params);
}

/** The message in a given language, whichever is active (formatters handed explicit settings). */
export function tIn(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const entry: Message = CATALOGUES[locale][key] ?? en[key];
  const numbers = numberLocale();
  let text: string;
  if (typeof entry === 'string') {
    text = entry;
  } else {
    const n = typeof params.count === 'number' ? params.count : Number(params.count ?? 0);
    const rules = cached(plurals, locale, () => new Intl.PluralRules(locale));
    text = rules.select(n) === 'one' ? entry.one : entry.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number'
      ? cached(counts, numbers, () => new Intl.NumberFormat(numbers)).format(v)
      : v;
  });
}

/**
 * Whether `text` is the message `key` in some language: a default the app wrote (the
 * untitled workbook's name), which is shown in the current language rather than kept.
 */
export function isDefaultText(key: MessageKey, text: string): boolean {
  return Object.values(CATALOGUES).some((c) => c[key] === text);
}
