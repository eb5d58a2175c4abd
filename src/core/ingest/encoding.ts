import type { EncodingName } from './types.ts';

/** Enough bytes to judge a file without decoding all of it. */
const SAMPLE_BYTES = 64 * 1024;

interface ByteOrderMark {
  encoding: EncodingName;
  bytes: readonly number[];
}

const BOMS: readonly ByteOrderMark[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

export function bomLengthFor(bytes: Uint8Array, encoding: EncodingName): number {
  const bom = BOMS.find((b) => b.encoding === encoding);
  return bom && startsWith(bytes, bom.bytes) ? bom.bytes.length : 0;
}

function isValidUtf8(sample: Uint8Array, isWholeFile: boolean): boolean {
  try {
    // `stream: true` lets a multi-byte sequence cut by the sample's end pass as incomplete.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !isWholeFile });
    return true;
  } catch {
    return false;
  }
}

/** Arabic-script letters, ZWNJ and Arabic punctuation: what a Windows-1256 Persian export is made of. */
function isArabicScript(codePoint: number): boolean {
  return (
    (codePoint >= 0x0600 && codePoint <= 0x06ff) ||
    (codePoint >= 0xfb50 && codePoint <= 0xfeff) ||
    codePoint === 0x200c ||
    codePoint === 0x200d
  );
}

/**
 * Share of non-ASCII bytes that Windows-1256 maps to Arabic script. Latin-1 or random
 * bytes land mostly on the code page's accented Latin letters and symbols instead.
 */
function arabicShareAs1256(sample: Uint8Array): number {
  const text = new TextDecoder('windows-1256').decode(sample);
  let high = 0;
  let arabic = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    high++;
    if (isArabicScript(cp)) arabic++;
  }
  return high === 0 ? 0 : arabic / high;
}

const MIN_ARABIC_SHARE = 0.6;

/**
 * Guesses the encoding of a text file from its BOM, else from its first 64 KB:
 * valid UTF-8 is UTF-8; bytes that read as Arabic script in Windows-1256 are that;
 * anything else falls back to UTF-8 (the decoder then shows replacement characters).
 */
export function detectEncoding(bytes: Uint8Array): { encoding: EncodingName; bomLength: number } {
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) return { encoding: bom.encoding, bomLength: bom.bytes.length };
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (isValidUtf8(sample, sample.length === bytes.length)) return { encoding: 'utf-8', bomLength: 0 };
  if (arabicShareAs1256(sample) >= MIN_ARABIC_SHARE) return { encoding: 'windows-1256', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** Decodes the whole buffer, dropping the encoding's BOM; invalid bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: EncodingName): string {
  const body = bytes.subarray(bomLengthFor(bytes, encoding));
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}
