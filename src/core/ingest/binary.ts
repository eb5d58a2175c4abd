import { detectEncoding } from './encoding.ts';

const SAMPLE_BYTES = 64 * 1024;
/** Text files have next to no control characters; random or packed bytes have one in ten or more. */
const MAX_CONTROL_SHARE = 0.05;
/** Tab, line feed, vertical tab, form feed, carriage return: controls that text does contain. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

/**
 * True when the bytes are not text in any encoding we read (a zip, an image, a database
 * file renamed .csv): more than 5% of the decoded sample is NULs, other control
 * characters or undecodable bytes. A UTF-16 file with its BOM is text, though half its
 * bytes are zero, because the sample is decoded first.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const { encoding, bomLength } = detectEncoding(bytes);
  const sample = bytes.subarray(bomLength, SAMPLE_BYTES);
  if (sample.length === 0) return false;
  const text = new TextDecoder(encoding).decode(sample);
  let chars = 0;
  let bad = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    chars++;
    if ((cp < 0x20 && !TEXT_CONTROLS.has(cp)) || cp === 0x7f || cp === 0xfffd) bad++;
  }
  return bad > MAX_CONTROL_SHARE * chars;
}
