import { decodeWindows1252 } from './windows1252.ts';

/**
 * What the non-ASCII bytes of a file that is not UTF-8 say about its code page. Latin
 * text in Windows-1252 puts one accented letter or typographic mark inside an
 * ASCII-letter word ("José", "don’t"); Persian or Arabic text in Windows-1256 is made of
 * whole words of high bytes between spaces and commas. Frequencies alone cannot tell them
 * apart (0xE4 is ä in one and ن in the other), the company a byte keeps can.
 */

/** Letters Windows-1256 has for Persian and Arabic lacks: پ چ ژ گ ک. Next to no Latin text uses these bytes. */
const PERSIAN_BYTES = new Set([0x81, 0x8d, 0x8e, 0x90, 0x98]);
const MAX_EXAMPLES = 3;
const MAX_EXAMPLE_LENGTH = 24;

interface CodePageEvidence {
  /** Bytes 0x80–0xFF in the sample. */
  high: number;
  /** High bytes in a run that touches an ASCII letter: a Latin word with an accent or mark. */
  latin: number;
  /** High bytes in runs of two or more, all Arabic script in Windows-1256, touching no ASCII letter. */
  arabic: number;
  /** Of `arabic`, bytes only Persian uses (پ چ ژ گ ک). */
  persian: number;
  /** A few words of each kind, decoded, to show the user why. */
  latinWords: string[];
  arabicWords: string[];
}

const isAsciiLetter = (b: number | undefined) =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));

/** Arabic letters, marks and ZWNJ/ZWJ, which Windows-1256 words are made of. */
function isArabicScript(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0xfb50 && cp <= 0xfeff) || cp === 0x200c || cp === 0x200d;
}

/** The word around bytes [start, end): ASCII letters and high bytes on either side. */
function wordAround(sample: Uint8Array, start: number, end: number): string {
  let from = start;
  let to = end;
  const inWord = (b: number) => b >= 0x80 || isAsciiLetter(b);
  while (from > 0 && inWord(sample[from - 1]) && end - from < MAX_EXAMPLE_LENGTH) from--;
  while (to < sample.length && inWord(sample[to]) && to - start < MAX_EXAMPLE_LENGTH) to++;
  return decodeWindows1252(sample.subarray(from, to));
}

function addExample(list: string[], word: string) {
  if (list.length < MAX_EXAMPLES && !list.includes(word)) list.push(word);
}

/** Weighs every run of high bytes in the sample. */
export function codePageEvidence(sample: Uint8Array): CodePageEvidence {
  const arabicDecoder = new TextDecoder('windows-1256');
  const e: CodePageEvidence = { high: 0, latin: 0, arabic: 0, persian: 0, latinWords: [], arabicWords: [] };
  let i = 0;
  while (i < sample.length) {
    if (sample[i] < 0x80) {
      i++;
      continue;
    }
    const start = i;
    while (i < sample.length && sample[i] >= 0x80) i++;
    const run = sample.subarray(start, i);
    e.high += run.length;
    if (isAsciiLetter(sample[start - 1]) || isAsciiLetter(sample[i])) {
      e.latin += run.length;
      addExample(e.latinWords, wordAround(sample, start, i));
    } else if (run.length >= 2 && Array.from(arabicDecoder.decode(run)).every(isArabicScript)) {
      e.arabic += run.length;
      e.persian += run.filter((b) => PERSIAN_BYTES.has(b)).length;
      addExample(e.arabicWords, arabicDecoder.decode(run));
    }
  }
  return e;
}
