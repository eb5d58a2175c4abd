import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AG_GRID_FA, agGridText } from '../../../src/i18n/agGridFa';
import { setLocaleSettings } from '../../../src/i18n/locale';

/**
 * AG Grid writes its own filter menus, overlays and pagination. The Persian table must
 * cover every text of the filter menu the installed AG Grid has (read from its source, so
 * an upgrade that adds one fails here), and the overlays the app's grids show.
 */
const agGridSource = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('ag-grid-community')), 'main.esm.mjs'),
  'utf8',
);

function filterTextKeys(): string[] {
  const start = agGridSource.indexOf('var FILTER_LOCALE_TEXT = {');
  const block = agGridSource.slice(start, agGridSource.indexOf('\n};', start));
  const keys: string[] = [];
  for (const line of block.split('\n')) {
    const m = /^\s+(\w+): (?:"(.*)"|\(variableValues\) => `(.*)`),?$/.exec(line);
    if (!m) continue;
    // Texts with words need a translation; symbols (=, >=, quotes) read the same.
    const text = (m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, '');
    if (/\p{L}/u.test(text)) keys.push(m[1]);
  }
  return keys;
}

afterEach(() => setLocaleSettings({ locale: 'en', persianDigits: true }));

describe("AG Grid's texts in Persian", () => {
  it('cover every worded text of the filter menu and the overlays', () => {
    const keys = filterTextKeys();
    expect(keys.length).toBeGreaterThan(40);
    const needed = [...keys, 'noRowsToShow', 'loadingOoo', 'noMatchingRows', 'page', 'of', 'to'];
    expect(needed.filter((k) => AG_GRID_FA[k] === undefined && k !== 'dateFormatOoo')).toEqual([]);
  });

  it('are written in Persian', () => {
    const latin = Object.entries(AG_GRID_FA).filter(
      ([k, v]) => k !== 'dateFormatOoo' && !/[\u0600-\u06ff]/.test(v),
    );
    expect(latin).toEqual([]);
  });

  it('fill in values with the digits shown, and leave English to AG Grid', () => {
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    expect(agGridText('fa', 'noRowsToShow', 'No Rows To Show')).toBe('سطری برای نمایش نیست');
    expect(agGridText('fa', 'maxValueValidation', 'Must be less than or equal to 12', ['12'])).toBe(
      'باید کمتر یا برابر با ۱۲ باشد',
    );
    expect(agGridText('fa', 'last7Days', 'Last 7 Days')).toBe('۷ روز گذشته');
    setLocaleSettings({ locale: 'fa', persianDigits: false });
    expect(agGridText('fa', 'last7Days', 'Last 7 Days')).toBe('7 روز گذشته');
    expect(agGridText('en', 'noRowsToShow', 'No Rows To Show')).toBe('No Rows To Show');
    expect(agGridText('fa', 'someNewKey', 'Some new text')).toBe('Some new text');
  });
});
