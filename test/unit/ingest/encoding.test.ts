import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../src/core/ingest/encoding.ts';
import { normalizePersianLetters } from '../../../src/core/ingest/letters.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

// "نام,شهر\nکیان,یزد" in Windows-1256, written out by hand from the code page table.
const PERSIAN_1256 = new Uint8Array([
  0xe4, 0xc7, 0xe3, 0x2c, 0xd4, 0xe5, 0xd1, 0x0a, 0x98, 0xed, 0xc7, 0xe4, 0x2c, 0xed, 0xd2, 0xcf,
]);

describe('detectEncoding', () => {
  it('reads byte order marks', () => {
    expect(detectEncoding(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('a,b')))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
    });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toEqual({
      encoding: 'utf-16be',
      bomLength: 2,
    });
  });

  it('takes valid UTF-8 (ASCII included, empty included) as UTF-8', () => {
    expect(detectEncoding(utf8('name,city\nکیان,یزد'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(new Uint8Array())).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });

  it('recognises Persian Windows-1256 bytes', () => {
    expect(detectEncoding(PERSIAN_1256)).toEqual({ encoding: 'windows-1256', bomLength: 0 });
  });

  it('takes Latin-1 for Windows-1252, not Windows-1256', () => {
    // "café,naïve" in Latin-1: é = 0xE9, ï = 0xEF are Latin letters in 1256 too.
    expect(
      detectEncoding(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x6e, 0x61, 0xef, 0x76, 0x65])).encoding,
    ).toBe('windows-1252');
  });

  it('ignores a multi-byte character cut by the 64 KB sample end, but not one cut at the file end', () => {
    const cut = concat(utf8('a'.repeat(65535)), utf8('ی'), utf8('b'));
    expect(cut[65535]).toBe(0xdb); // first byte of ی sits last in the sample
    expect(detectEncoding(cut).encoding).toBe('utf-8');
    // The same lone lead byte at the very end of a small file is not valid UTF-8: after a Latin word, Û.
    expect(detectEncoding(concat(utf8('ab'), new Uint8Array([0xdb]))).encoding).toBe('windows-1252');
  });
});

describe('decodeText', () => {
  it('decodes Windows-1256 Persian, whose only yeh is the Arabic one (U+064A)', () => {
    const text = decodeText(PERSIAN_1256, 'windows-1256');
    expect(text).toBe('نام,شهر\nک\u064aان,\u064aزد');
    expect(normalizePersianLetters(text)).toBe('نام,شهر\nکیان,یزد');
  });

  it('strips the BOM of each encoding', () => {
    expect(decodeText(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('Age,x')), 'utf-8')).toBe('Age,x');
    expect(decodeText(concat(new Uint8Array([0xff, 0xfe]), utf16le('نام,a')), 'utf-16le')).toBe('نام,a');
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x06, 0x33, 0, 0x41]), 'utf-16be')).toBe('سA');
  });

  it('keeps text without a BOM whole', () => {
    expect(decodeText(utf8('x'), 'utf-8')).toBe('x');
  });
});
