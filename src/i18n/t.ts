import { en, type MessageKey } from './en';

export type MessageParams = Record<string, string | number>;

const plurals = new Intl.PluralRules('en');
const counts = new Intl.NumberFormat('en-US');

/** The message for `key`, with `{name}` placeholders filled; `count` picks plural forms. */
export function t(key: MessageKey, params: MessageParams = {}): string {
  const entry: string | { one: string; other: string } = en[key];
  let text: string;
  if (typeof entry === 'string') {
    text = entry;
  } else {
    const n = typeof params.count === 'number' ? params.count : Number(params.count ?? 0);
    text = plurals.select(n) === 'one' ? entry.one : entry.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? counts.format(v) : v;
  });
}
