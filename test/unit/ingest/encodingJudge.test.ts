import { describe, expect, it } from 'vitest';
import { decodeText, judgeEncoding } from '../../../src/core/ingest/encoding.ts';
import { codePageEvidence } from '../../../src/core/ingest/encodingEvidence.ts';
import { decodeWindows1252 } from '../../../src/core/ingest/windows1252.ts';

/** Text as Windows-1252 or Windows-1256 bytes, by inverting the app's own decoders. */
function encoder(decode: (b: Uint8Array) => string) {
  const byChar = new Map<string, number>();
  for (let b = 255; b >= 0; b--) byChar.set(decode(new Uint8Array([b])), b);
  byChar.set('\u06cc', 0xed); // Farsi yeh is written as the Arabic one, as Windows does
  return (text: string) =>
    Uint8Array.from(Array.from(text), (ch) => {
      const b = byChar.get(ch);
      if (b === undefined) throw new Error(`no byte for ${ch}`);
      return b;
    });
}
const cp1252 = encoder(decodeWindows1252);
const cp1256 = encoder((b) => new TextDecoder('windows-1256').decode(b));

describe('judgeEncoding tells Windows-1252 from Windows-1256 by the company bytes keep', () => {
  it('reads accents inside Latin words as Windows-1252, naming the words', () => {
    const bytes = cp1252('name,city\nJosé,Málaga\nZoë,Köln\n');
    expect(judgeEncoding(bytes)).toEqual({
      encoding: 'windows-1252',
      bomLength: 0,
      reason: 'latin-words',
      examples: ['José', 'Málaga', 'Zoë'],
    });
  });

  it('reads whole words of high bytes as Windows-1256 Persian', () => {
    const bytes = cp1256('نام,شهر,مبلغ\nکیان,تهران,1200\nپگاه,گرگان,850\n');
    const v = judgeEncoding(bytes);
    expect(v.encoding).toBe('windows-1256');
    expect(v.reason).toBe('arabic-words');
    expect(v.examples).toEqual(['نام', 'شهر', 'مبلغ']);
  });

  it('counts the bytes only Persian uses (پ چ ژ گ ک) as Persian evidence', () => {
    const e = codePageEvidence(cp1256('کیان,پگاه,چیز\n'));
    expect(e.persian).toBe(4); // ک, پ, گ, چ
    expect(e.arabic).toBe(11); // 4 + 4 + 3 letters
    expect(e.latin).toBe(0);
  });

  it('is not misled by bytes the two code pages share: ä/ن (0xE4), á/ل (0xE1), í/ي (0xED)', () => {
    // The same three bytes: inside Latin words they are accents, as a word of their own Arabic letters.
    expect(judgeEncoding(cp1252('Mäller,Gálvez,Martínez\n')).encoding).toBe('windows-1252');
    expect(judgeEncoding(new Uint8Array([0xe4, 0xe1, 0xed, 0x2c, 0x31, 0x0a])).encoding).toBe('windows-1256');
  });

  it('reads Windows punctuation (’ – €) and a stray DOS byte as Windows-1252', () => {
    const bytes = new Uint8Array([...cp1252('note\ndon’t – €40\nGr'), 0x81, ...cp1252('n\n')]);
    const v = judgeEncoding(bytes);
    expect(v).toMatchObject({ encoding: 'windows-1252', reason: 'latin-words' });
    expect(decodeText(bytes, v.encoding)).toBe('note\ndon’t – €40\nGr\u0081n\n');
  });

  it('falls back to Windows-1252, which decodes every byte, when the high bytes say nothing', () => {
    // Only a lone 0xA0 (no-break space) between digits: not UTF-8, no word either way.
    expect(judgeEncoding(new Uint8Array([0x31, 0xa0, 0x32, 0x0a]))).toEqual({
      encoding: 'windows-1252',
      bomLength: 0,
      reason: 'not-utf8',
      examples: [],
    });
  });

  it('keeps UTF-8 and byte-order marks ahead of any code page', () => {
    expect(judgeEncoding(new TextEncoder().encode('José,نام\n'))).toMatchObject({
      encoding: 'utf-8',
      reason: 'valid-utf8',
    });
    expect(judgeEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toMatchObject({
      encoding: 'utf-16le',
      reason: 'bom',
    });
  });
});

describe('decodeWindows1252', () => {
  it('gives 0x80–0x9F their Windows characters in every runtime (Node reads them as ISO-8859-1)', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0xe9]))).toBe(
      '€’“”–—™é',
    );
    // The five bytes Windows-1252 leaves undefined keep their C1 control, as browsers decode them.
    expect(decodeWindows1252(new Uint8Array([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe(
      '\u0081\u008d\u008f\u0090\u009d',
    );
  });
});
