import { afterEach, describe, expect, it } from 'vitest';
import {
  IMPORT_MESSAGE_FORMATTERS,
  type ImportMessageCode,
  type ImportMessageParams,
  importMessage,
} from '../../../src/core/ingest/messages';
import { notebookMessage } from '../../../src/core/notebook/messages';
import {
  GUARD_REASONS,
  GUARD_REFUSAL_FORMATTERS,
  type GuardRefusalCode,
  type GuardRefusalParams,
  type GuardRefusalRef,
  guardRefusal,
} from '../../../src/core/sql/guard';
import { GUARD_REFUSAL_CATALOGUES, guardRefusalText } from '../../../src/i18n/guardRefusals';
import { IMPORT_MESSAGE_CATALOGUES, importMessageText } from '../../../src/i18n/importMessages';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { notebookMessageText } from '../../../src/i18n/notebookMessages';

/** What is left of a message once the user's own text and other programs' words (isolated) are taken out. */
const outsideIsolates = (text: string) =>
  text.replace(/[\u2066\u2068][^\u2069]*\u2069/g, '').replace(/\bSQL\b/g, '');
const PERSIAN = /[\u0600-\u06ff]/;
const LATIN = /[A-Za-z]/;
const LATIN_DIGIT = /[0-9]/;

afterEach(() => setLocaleSettings({ locale: 'en', persianDigits: true }));

/** Parameters for every load problem and note, with each branch of its sentence. */
const IMPORT_SAMPLES: { [C in ImportMessageCode]: ImportMessageParams[C][] } = {
  'empty-file': [{ file: 'empty.csv' }],
  'not-text': [{ file: 'garbage.csv', format: 'CSV' }],
  'ragged-row': [{ file: 'ragged.csv', line: 4, fields: 5, expected: 3 }],
  'unclosed-quote': [{ file: 'فروش.csv', line: 3 }],
  'unreadable-text': [{ file: 'x.tsv', format: 'TSV', detail: 'Invalid Input Error: bad' }],
  'invalid-json': [
    { file: 'invalid.json', line: 3, column: 28, detail: 'Unexpected token }' },
    { file: 'r.ndjson', line: 2, column: null, detail: 'Unexpected end' },
    { file: 'x.json', line: null, column: null, detail: 'Unexpected end' },
  ],
  'json-not-object': [{ file: 'a.json', record: 2 }],
  'json-no-fields': [{ file: 'a.json' }],
  'unreadable-xlsx': [{ file: 'b.xlsx', detail: 'invalid zip' }],
  'no-such-sheet': [{ file: 'b.xlsx', sheet: 'Sales', sheets: ['Deals', 'فروش'] }],
  'no-sheet-data': [{ file: 'b.xlsx' }],
  'unreadable-parquet': [{ file: 'truncated.parquet', detail: 'Invalid: Parquet magic bytes not found' }],
  'too-large': [{ file: 'huge.csv' }],
  'over-limit': [
    { file: 'deals.parquet', what: 'rows', amount: 30_000_000, limit: 20_000_000 },
    { file: 'deals.parquet', what: 'bytes', amount: 4.4 * 1024 ** 3, limit: 1.5 * 1024 ** 3 },
    { file: 'bomb.parquet', what: 'decoded', amount: 4.4 * 1024 ** 3, limit: 1.5 * 1024 ** 3 },
    { file: 'big.json', what: 'text', amount: 600 * 1024 ** 2, limit: 256 * 1024 ** 2 },
  ],
  'load-failed': [{ file: 'x.csv', detail: 'Conversion Error: x' }],
  unexpected: [{ file: 'x.csv', detail: 'The engine did not start' }],
  'header-no-rows': [{ file: 'header-only.csv' }],
  'title-rows-skipped': [
    { count: 1, sheet: 'Deals' },
    { count: 12, sheet: 'فروش' },
  ],
  'encoding-detected': [
    { file: 'survey.csv', encoding: 'windows-1252', reason: 'latin-words', examples: ['José', 'don’t'] },
    { file: 'فروش.csv', encoding: 'windows-1256', reason: 'arabic-words', examples: ['نام'] },
    { file: 'x.csv', encoding: 'windows-1252', reason: 'not-utf8', examples: [] },
  ],
  'encoding-chosen': [{ file: 'x.csv', encoding: 'utf-8', detected: 'windows-1252' }],
  'currency-numbers': [
    { column: 'Amount', currency: '$' },
    { column: 'مبلغ', currency: 'ریال' },
  ],
  'mixed-currencies': [{ column: 'Price', currencies: ['$', '€'] }],
  'read-as-blank': [
    { count: 12, tokens: ['-', 'NA'], columns: ['amount', 'closed'] },
    { count: 1, tokens: ['NULL'], columns: ['score'] },
  ],
  'row-number-column': [{ column: 'row' }],
};

const allImport = () =>
  (Object.keys(IMPORT_SAMPLES) as ImportMessageCode[]).flatMap((code) =>
    (IMPORT_SAMPLES[code] as ImportMessageParams[typeof code][]).map((p) => importMessage(code, p as never)),
  );

describe('load errors and notes', () => {
  it('each code has a message in every language, and a sample here', () => {
    const codes = Object.keys(IMPORT_MESSAGE_FORMATTERS).sort();
    expect(Object.keys(IMPORT_MESSAGE_CATALOGUES.fa).sort(), 'Persian').toEqual(codes);
    expect(Object.keys(IMPORT_MESSAGE_CATALOGUES.en).sort(), 'English').toEqual(codes);
    expect(Object.keys(IMPORT_SAMPLES).sort(), 'samples in this test').toEqual(codes);
  });

  it('read in English as the importer writes them', () => {
    for (const m of allImport()) expect(importMessageText(m), m.code).toBe(m.message);
    expect(importMessage('ragged-row', IMPORT_SAMPLES['ragged-row'][0]).message).toBe(
      'ragged.csv could not be read: line 4 has 5 fields, but the header has 3.',
    );
  });

  it('read in Persian, with only names and other programs’ words (isolated) in Latin letters', () => {
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    for (const m of allImport()) {
      const text = importMessageText(m);
      expect(text, m.code).toMatch(PERSIAN);
      expect(outsideIsolates(text), `${m.code}: ${text}`).not.toMatch(LATIN);
      expect(outsideIsolates(text), `${m.code}: ${text}`).not.toMatch(LATIN_DIGIT);
    }
  });

  it('keep the file name in its own direction and write numbers in the digits chosen', () => {
    const ragged = importMessage('ragged-row', IMPORT_SAMPLES['ragged-row'][0]);
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    expect(importMessageText(ragged)).toBe(
      '«\u2068ragged.csv\u2069» خوانده نشد: سطر ۴ دارای ۵ فیلد است، اما سطر سرستون ۳ فیلد دارد.',
    );
    setLocaleSettings({ locale: 'fa', persianDigits: false });
    expect(importMessageText(ragged)).toContain('سطر 4 دارای 5 فیلد');
  });
});

/** Parameters for every refusal of the SQL guard. */
const GUARD_SAMPLES: { [C in GuardRefusalCode]: GuardRefusalParams[C][] } = {
  empty: [{}],
  'nul-character': [{}],
  'multiple-statements': [{ count: 2 }],
  'not-a-query': [{ word: 'DESCRIBE' }],
  'forbidden-keyword': [{ keyword: 'DROP', text: 'drop' }],
  'forbidden-function': [{ name: 'read_csv' }],
  'table-function': [{ name: 'main.foo' }],
  'file-as-table': [{ text: "'secrets.csv'" }],
  'unknown-table': [
    { table: '"x.csv"', tables: ['deals', 'customers'] },
    { table: 'x', tables: [] },
  ],
  'file-access': [{ path: '/etc/passwd' }],
  'settings-locked': [{}],
};

const allGuard = (): GuardRefusalRef[] =>
  (Object.keys(GUARD_SAMPLES) as GuardRefusalCode[]).flatMap((code) =>
    (GUARD_SAMPLES[code] as object[]).map((params) => ({ code, params }) as GuardRefusalRef),
  );

describe('SQL guard refusals', () => {
  it('each code has a reason, a message in every language, and a sample here', () => {
    const codes = Object.keys(GUARD_REFUSAL_FORMATTERS).sort();
    expect(Object.keys(GUARD_REASONS).sort()).toEqual(codes);
    expect(Object.keys(GUARD_REFUSAL_CATALOGUES.fa).sort(), 'Persian').toEqual(codes);
    expect(Object.keys(GUARD_REFUSAL_CATALOGUES.en).sort(), 'English').toEqual(codes);
    expect(Object.keys(GUARD_SAMPLES).sort(), 'samples in this test').toEqual(codes);
  });

  it('read in English as the guard writes them', () => {
    for (const ref of allGuard()) {
      const r = guardRefusal(ref.code, ref.params as never);
      expect(guardRefusalText(r), r.code).toBe(r.message);
    }
  });

  it('read in Persian, naming what was refused as written', () => {
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    for (const r of allGuard()) {
      const text = guardRefusalText(r);
      expect(text, r.code).toMatch(PERSIAN);
      expect(outsideIsolates(text), `${r.code}: ${text}`).not.toMatch(LATIN);
      expect(outsideIsolates(text), `${r.code}: ${text}`).not.toMatch(LATIN_DIGIT);
    }
    expect(guardRefusalText({ code: 'forbidden-function', params: { name: 'read_csv' } })).toContain(
      '«\u2066read_csv()\u2069»',
    );
    expect(guardRefusalText({ code: 'multiple-statements', params: { count: 2 } })).toContain('۲ دستور');
  });

  it('make a whole Persian sentence of a refused SQL cell', () => {
    const r = guardRefusal('unknown-table', { table: 'secrets', tables: ['deals'] });
    const m = notebookMessage('sql-refused', {
      reason: r.reason,
      message: r.message,
      tables: ['deals'],
      refusal: { code: r.code, params: r.params } as GuardRefusalRef,
    });
    expect(notebookMessageText(m)).toBe(r.message);
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    const text = notebookMessageText(m);
    expect(text).toBe(
      'این SQL پذیرفته نشد: «\u2068secrets\u2069» جدولی از این کارپوشه نیست؛ SQL کارپوشه فقط این‌ها را می‌تواند بخواند: «\u2068deals\u2069».',
    );
    expect(outsideIsolates(text)).not.toMatch(LATIN);
  });
});
