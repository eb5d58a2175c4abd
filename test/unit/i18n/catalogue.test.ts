import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/core/kpi/catalog';
import { CATALOG_FA, kpiLabelIn } from '../../../src/core/kpi/catalogFa';
import { en } from '../../../src/i18n/en';
import { fa } from '../../../src/i18n/fa';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { t } from '../../../src/i18n/t';

const I18N = join(__dirname, '../../../src/i18n');
const placeholders = (m: unknown) => [...JSON.stringify(m).matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('the message catalogues', () => {
  it('have the same keys in English and Persian', () => {
    const enKeys = Object.keys(en).sort();
    const faKeys = Object.keys(fa).sort();
    expect(
      enKeys.filter((k) => !(k in fa)),
      'missing in Persian',
    ).toEqual([]);
    expect(
      faKeys.filter((k) => !(k in en)),
      'missing in English',
    ).toEqual([]);
  });

  it('have a Persian part for every English part, with the same keys', async () => {
    const parts = readdirSync(I18N).filter((f) => /\.en\.ts$/.test(f));
    for (const part of parts) {
      const faFile = part.replace(/\.en\.ts$/, '.fa.ts');
      expect(readdirSync(I18N), `${faFile} mirrors ${part}`).toContain(faFile);
      const enMod: Record<string, Record<string, unknown>> = await import(join(I18N, part));
      const faMod: Record<string, Record<string, unknown>> = await import(join(I18N, faFile));
      const enPart = Object.values(enMod)[0] ?? {};
      const faPart = Object.values(faMod)[0] ?? {};
      expect(Object.keys(faPart).sort(), faFile).toEqual(Object.keys(enPart).sort());
    }
  });

  it('use the same placeholders and plural shape in both languages', () => {
    for (const [key, m] of Object.entries(en)) {
      const p = (fa as Record<string, unknown>)[key];
      if (p === undefined) continue;
      expect(typeof p, key).toBe(typeof m);
      expect(placeholders(p), key).toEqual(placeholders(m));
    }
  });

  it('translate: Persian messages are written in Persian letters', () => {
    const latinOnly = Object.entries(fa).filter(([, m]) => {
      const text = typeof m === 'string' ? m : `${m?.one} ${m?.other}`;
      const words = text.replace(/\{\w+\}/g, '');
      return /\p{L}/u.test(words) && !/[\u0600-\u06ff]/.test(words);
    });
    // Names of formats and abbreviations read the same in Persian.
    const allowed = /^(SQL|KRI|MQL|PNG|CSV|Parquet|English|\+|\{file\}: \{message\}|\{period\})$/;
    expect(
      latinOnly
        .map(([k, m]) => `${k}: ${String(m)}`)
        .filter((x) => !allowed.test(x.split(': ').slice(1).join(': '))),
    ).toEqual([]);
  });

  it('t() picks the active language and falls back to nothing missing', () => {
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    expect(t('tabs.scorecard')).toBe('کارنامه');
    expect(t('data.rows', { count: 1200 })).toBe('۱٬۲۰۰ سطر');
    setLocaleSettings({ locale: 'fa', persianDigits: false });
    expect(t('data.rows', { count: 1200 })).toBe('1,200 سطر');
    setLocaleSettings({ locale: 'en' });
    expect(t('tabs.scorecard')).toBe('Scorecard');
    expect(t('data.rows', { count: 1 })).toBe('1 row');
  });
});

describe('the Persian KPI catalog', () => {
  it('has a label and a description for every catalog KPI', () => {
    for (const k of CATALOG) {
      expect(CATALOG_FA[k.id]?.label, k.id).toMatch(/[\u0600-\u06ff]/);
      expect(CATALOG_FA[k.id]?.description, k.id).toMatch(/[\u0600-\u06ff]/);
    }
    expect(Object.keys(CATALOG_FA).filter((id) => !CATALOG.some((k) => k.id === id))).toEqual([]);
  });

  it('translates catalog labels but keeps what the user typed', () => {
    expect(kpiLabelIn('fa', { id: 'churn_rate', label: 'Churn rate' })).toBe('نرخ ریزش');
    expect(kpiLabelIn('fa', { id: 'churn_rate', label: 'Our churn' })).toBe('Our churn');
    expect(kpiLabelIn('en', { id: 'churn_rate', label: 'Churn rate' })).toBe('Churn rate');
    expect(kpiLabelIn('fa', { id: 'custom_1', label: 'نرخ من' })).toBe('نرخ من');
  });
});
