import { codePageEvidence } from './encodingEvidence.ts';
import type { EncodingName } from './types.ts';
import { decodeWindows1252 } from './windows1252.ts';

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

/**
 * Why an encoding was chosen: a byte-order mark; every byte valid UTF-8; Persian or
 * Arabic words in Windows-1256; Latin words with accents or typographic marks in
 * Windows-1252; or, for bytes that are not UTF-8 and say nothing more, Windows-1252
 * because it gives every byte a character.
 */
type EncodingReason = 'bom' | 'valid-utf8' | 'arabic-words' | 'latin-words' | 'not-utf8';

interface EncodingVerdict {
  encoding: EncodingName;
  bomLength: number;
  reason: EncodingReason;
  /** Words from the file that decided it, decoded (empty for a BOM or UTF-8). */
  examples: string[];
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function bomLengthFor(bytes: Uint8Array, encoding: EncodingName): number {
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

/**
 * Judges the encoding of a text file from its BOM, else from its first 64 KB: valid
 * UTF-8 is UTF-8. Otherwise the high bytes are weighed (see encodingEvidence): more of
 * them in Persian/Arabic words than in Latin words means Windows-1256, anything else
 * Windows-1252 (ISO-8859-1 as browsers read it, plus the typographic marks Windows adds),
 * which decodes every byte, so a stray byte from another code page never stops a load.
 */
export function judgeEncoding(bytes: Uint8Array): EncodingVerdict {
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes))
      return { encoding: bom.encoding, bomLength: bom.bytes.length, reason: 'bom', examples: [] };
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (isValidUtf8(sample, sample.length === bytes.length))
    return { encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8', examples: [] };
  const e = codePageEvidence(sample);
  if (e.arabic + e.persian > e.latin)
    return { encoding: 'windows-1256', bomLength: 0, reason: 'arabic-words', examples: e.arabicWords };
  if (e.latin > 0)
    return { encoding: 'windows-1252', bomLength: 0, reason: 'latin-words', examples: e.latinWords };
  return { encoding: 'windows-1252', bomLength: 0, reason: 'not-utf8', examples: [] };
}

/** The encoding `judgeEncoding` chooses, and the length of its BOM. */
export function detectEncoding(bytes: Uint8Array): { encoding: EncodingName; bomLength: number } {
  const { encoding, bomLength } = judgeEncoding(bytes);
  return { encoding, bomLength };
}

/** Decodes the whole buffer, dropping the encoding's BOM; invalid bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: EncodingName): string {
  const body = bytes.subarray(bomLengthFor(bytes, encoding));
  if (encoding === 'windows-1252') return decodeWindows1252(body);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}
