/**
 * Windows-1252's characters for bytes 0x80–0x9F (the WHATWG index; the five bytes it
 * leaves undefined keep their C1 control, as browsers decode them). Browsers' TextDecoder
 * gets these right, but Node's decodes the label as ISO-8859-1, so `’` (0x92) would be a
 * control character in tests and the CLI; the fix-up below makes both runtimes agree.
 */
const HIGH_CONTROLS =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const C1 = /[\u0080-\u009f]/g;

/** Text decoded as Windows-1252 by a decoder that may have read 0x80–0x9F as ISO-8859-1. */
function fixWindows1252(text: string): string {
  return text.replace(C1, (ch) => HIGH_CONTROLS[ch.charCodeAt(0) - 0x80]);
}

export function decodeWindows1252(bytes: Uint8Array): string {
  return fixWindows1252(new TextDecoder('windows-1252').decode(bytes));
}
