/**
 * Arabic letter forms that Persian text often carries from Arabic keyboards and old
 * systems; without folding them, "كيان" and "کیان" would be two different customers.
 */
const PERSIAN_FORMS: Readonly<Record<string, string>> = {
  '\u064a': '\u06cc', // ي Arabic yeh → ی Farsi yeh
  '\u0643': '\u06a9', // ك Arabic kaf → ک keheh
};

const ARABIC_FORMS = /[\u064a\u0643]/g;

export function normalizePersianLetters(s: string): string {
  return s.replace(ARABIC_FORMS, (ch) => PERSIAN_FORMS[ch] ?? ch);
}
