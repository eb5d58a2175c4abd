/** First code point of each digit run that stands for 0; the next nine are 1–9. */
const ZERO_DIGITS = [0x06f0 /* Persian ۰ */, 0x0660 /* Arabic-Indic ٠ */];

const SEPARATORS: Readonly<Record<string, string>> = {
  '\u066b': '.', // ٫ Arabic decimal separator
  '\u066c': ',', // ٬ Arabic thousands separator
};

const NON_ASCII_NUMERAL = /[\u0660-\u066c\u06f0-\u06f9]/g;

function asciiFor(ch: string): string {
  const cp = ch.codePointAt(0)!;
  for (const zero of ZERO_DIGITS) {
    if (cp >= zero && cp <= zero + 9) return String(cp - zero);
  }
  return SEPARATORS[ch] ?? ch;
}

/** Persian and Arabic-Indic digits (and the Arabic decimal and thousands separators) to ASCII. */
export function toAsciiDigits(s: string): string {
  return s.replace(NON_ASCII_NUMERAL, asciiFor);
}
