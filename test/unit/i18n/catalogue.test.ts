import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/core/kpi/catalog';
import { CATALOG_FA, kpiLabelIn } from '../../../src/core/kpi/catalogFa';
import { CANONICAL_TABLES } from '../../../src/core/model/canonical';
import { notebookMessage } from '../../../src/core/notebook/messages';
import {
  CANONICAL_FA,
  canonicalColumnDescriptionIn,
  canonicalTableDescriptionIn,
} from '../../../src/i18n/canonicalFa';
import { en } from '../../../src/i18n/en';
import { fa } from '../../../src/i18n/fa';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { NOTEBOOK_MESSAGE_KEYS, notebookMessageText } from '../../../src/i18n/notebookMessages';
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

describe('the canonical CRM model in Persian', () => {
  const persian = /[\u0600-\u06ff]/;

  it('describes every canonical table and column, and nothing else', () => {
    for (const table of CANONICAL_TABLES) {
      const fa = CANONICAL_FA[table.name];
      expect(fa?.description, table.name).toMatch(persian);
      for (const c of table.columns) expect(fa?.columns[c.name], `${table.name}.${c.name}`).toMatch(persian);
      expect(
        Object.keys(fa?.columns ?? {}).filter((n) => !table.columns.some((c) => c.name === n)),
        `${table.name}: Persian for columns the model does not have`,
      ).toEqual([]);
    }
    expect(Object.keys(CANONICAL_FA).filter((n) => !CANONICAL_TABLES.some((t) => t.name === n))).toEqual([]);
  });

  it('shows the Persian in Persian and the model’s own English in English', () => {
    expect(canonicalTableDescriptionIn('fa', 'deals')).toBe('هر سطر یک فرصت فروش (معامله).');
    expect(canonicalTableDescriptionIn('en', 'deals')).toBe('One row per sales opportunity.');
    expect(canonicalColumnDescriptionIn('fa', 'customers', 'churned_at')).toMatch(/ریزش/);
    expect(canonicalColumnDescriptionIn('en', 'customers', 'customer_id')).toBe(
      'Unique key of the customer.',
    );
    expect(canonicalColumnDescriptionIn('fa', 'customers', 'no_such_column')).toBe('');
  });
});

describe('notebook problems', () => {
  it('each has a message in English and Persian', () => {
    for (const [code, key] of Object.entries(NOTEBOOK_MESSAGE_KEYS)) {
      expect(en[key], code).toBeDefined();
      expect(fa[key], code).toBeDefined();
    }
  });

  it('read in the language shown, lists joined the way it joins them', () => {
    const missing = notebookMessage('missing-columns', {
      table: 'orders',
      columns: ['customer_id', 'revenue'],
    });
    setLocaleSettings({ locale: 'en' });
    // The catalogue's English is the sentence core writes (tests and the CLI read that one).
    expect(notebookMessageText(missing)).toBe(missing.message);
    const none = notebookMessage('no-table', { table: 'x', known: [] });
    expect(notebookMessageText(none)).toBe(none.message);
    const param = notebookMessage('part-needs-range', { name: 'n', part: 'from' });
    expect(notebookMessageText(param)).toBe(param.message);
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    expect(notebookMessageText(missing)).toBe('جدول orders ستون customer_id، revenue را ندارد.');
    expect(notebookMessageText(none)).toMatch(/هنوز هیچ/);
    expect(notebookMessageText(notebookMessage('cycle', { path: ['a', 'b', 'a'] }))).toMatch(/a → b → a/);
    expect(notebookMessageText(notebookMessage('unknown-param', { name: 'who' }))).toMatch(/^\{\{who\}\} /);
    setLocaleSettings({ locale: 'en' });
  });
});
