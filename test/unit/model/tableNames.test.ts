import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { tableNameFromFile } from '../../../src/core/ingest/tableName';
import { emptyDocument } from '../../../src/core/model/document';
import type { Dataset } from '../../../src/core/model/documentSchema';
import {
  isInternalName,
  NAME_CLASH_FORMATTERS,
  type NameClashCode,
  type NameClashParams,
  nameClash,
  nameClashes,
  RESTORE_STAGING_PREFIX,
} from '../../../src/core/model/tableNames';
import { CALENDAR_TABLE } from '../../../src/core/sql/calendarSchema';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { NAME_CLASH_CATALOGUES, nameClashText } from '../../../src/i18n/nameClashes';

afterEach(() => setLocaleSettings({ locale: 'en', persianDigits: true }));

const dataset = (table: string, extra: Partial<Dataset> = {}): Dataset => ({
  id: table.replace(/\W/g, '-'),
  table,
  sourceName: `${table}.csv`,
  format: 'csv',
  options: {},
  columns: [],
  rows: 0,
  embedded: false,
  ...extra,
});

describe('the name rules', () => {
  it('keep the app’s own names: the calendar, staging tables, import intermediates', () => {
    for (const name of [
      CALENDAR_TABLE,
      `${CALENDAR_TABLE}_jalali`,
      '_CALENDAR',
      `${RESTORE_STAGING_PREFIX}ab12_0`,
      '__restore_2',
      '__staging_1',
      '__open_deals',
      'deals__sample',
      'deals__dates',
      '_x',
      '_تقویم',
    ])
      expect(isInternalName(name), name).toBe(true);
    for (const name of ['deals', '_2024_deals', 'a_b', 'فروش_۱۴۰۲', 'customers'])
      expect(isInternalName(name), name).toBe(false);
  });

  it('never refuse a name the importer makes from a file name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (file) => {
        expect(isInternalName(tableNameFromFile(file)), tableNameFromFile(file)).toBe(false);
      }),
      { numRuns: 2000 },
    );
    expect(tableNameFromFile('__calendar.csv')).toBe('calendar');
    expect(tableNameFromFile('2024 deals.csv')).toBe('_2024_deals');
  });

  it('name each clash with the dataset and what it clashes with, the first one first', () => {
    const doc = {
      ...emptyDocument(),
      datasets: [
        dataset('hubspot_deals', { mapping: { canonicalTable: 'deals', columns: {} } }),
        dataset('_calendar'),
        dataset('DEALS'),
        dataset('hubspot_DEALS', { sourceName: 'again.csv' }),
        dataset('Top'),
        dataset('plain'),
      ],
      sheets: [
        {
          id: 's',
          name: 'Notes',
          kind: 'notebook' as const,
          cells: [{ id: 'c', kind: 'sql' as const, name: 'top', source: 'SELECT 1' }],
        },
      ],
    };
    expect(nameClashes(doc).map((c) => [c.code, c.params])).toEqual([
      ['internal-name', { dataset: '_calendar.csv', table: '_calendar' }],
      ['mapping-view', { dataset: 'DEALS.csv', table: 'DEALS', mapped: 'hubspot_deals.csv' }],
      ['duplicate-table', { dataset: 'again.csv', other: 'hubspot_deals.csv', table: 'hubspot_DEALS' }],
      ['cell-name', { dataset: 'Top.csv', table: 'Top', sheet: 'Notes' }],
    ]);
    expect(nameClashes({ ...doc, datasets: [dataset('plain'), dataset('deals')] })).toEqual([]);
  });
});

const SAMPLES: { [C in NameClashCode]: NameClashParams[C] } = {
  'internal-name': { dataset: '__restore_2.csv', table: '__restore_2' },
  'duplicate-table': { dataset: 'orders (2).csv', other: 'سفارش‌ها.csv', table: 'orders' },
  'mapping-view': { dataset: 'deals.csv', table: 'deals', mapped: 'hubspot_deals.csv' },
  'cell-name': { dataset: 'top.csv', table: 'top', sheet: 'تحلیل' },
};

describe('name clash messages', () => {
  const all = () =>
    (Object.keys(SAMPLES) as NameClashCode[]).map((code) => nameClash(code, SAMPLES[code] as never));

  it('each code has a message in every language, and a sample here', () => {
    const codes = Object.keys(NAME_CLASH_FORMATTERS).sort();
    expect(Object.keys(NAME_CLASH_CATALOGUES.fa).sort()).toEqual(codes);
    expect(Object.keys(SAMPLES).sort()).toEqual(codes);
  });

  it('read in Persian with only the names, isolated, in Latin letters', () => {
    setLocaleSettings({ locale: 'fa' });
    for (const c of all()) {
      const text = nameClashText(c);
      expect(text, c.code).toMatch(/^این کارپوشه پذیرفته نشد:/);
      expect(text.replace(/[\u2066\u2068][^\u2069]*\u2069/g, ''), text).not.toMatch(/[A-Za-z0-9]/);
      for (const v of Object.values(c.params)) expect(text, c.code).toContain(`\u2068${v}\u2069`);
    }
    setLocaleSettings({ locale: 'en' });
    for (const c of all()) expect(nameClashText(c)).toBe(c.message);
  });
});
