import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScorecard } from '../../../src/core/formula/compile';
import {
  DIAGNOSTIC_FORMATTERS,
  type DiagnosticCode,
  type DiagnosticParams,
  diagnostic,
} from '../../../src/core/formula/diagnostics';
import { PARAM_WORDS, TYPE_WORDS } from '../../../src/core/formula/typeRules';
import { CATALOG } from '../../../src/core/kpi/catalog';
import { CATALOG_FA, kpiLabelIn } from '../../../src/core/kpi/catalogFa';
import { CANONICAL_TABLES } from '../../../src/core/model/canonical';
import {
  MAPPING_PROBLEM_FORMATTERS,
  type MappingProblemCode,
  type MappingProblemParams,
  mappingProblem,
} from '../../../src/core/model/mappingValidate';
import { notebookMessage } from '../../../src/core/notebook/messages';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import {
  CANONICAL_FA,
  canonicalColumnDescriptionIn,
  canonicalTableDescriptionIn,
} from '../../../src/i18n/canonicalFa';
import { DIAGNOSTIC_CATALOGUES, diagnosticText } from '../../../src/i18n/diagnostics';
import { en } from '../../../src/i18n/en';
import { fa } from '../../../src/i18n/fa';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { MAPPING_PROBLEM_KEYS, mappingProblemText } from '../../../src/i18n/mappingProblems';
import { NOTEBOOK_MESSAGE_KEYS, notebookMessageText } from '../../../src/i18n/notebookMessages';
import { t } from '../../../src/i18n/t';
import { schema as formulaSchema } from '../formula/fixtures';

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

/** What is left of a message once the user's own text (isolated names and formula pieces) is taken out. */
const outsideIsolates = (text: string) =>
  text.replace(/[\u2066\u2068][^\u2069]*\u2069/g, '').replace(/\bCRM\b/g, '');
const PERSIAN = /[\u0600-\u06ff]/;
const LATIN = /[A-Za-z]/;

/** Parameters for every diagnostic code, with each branch of its sentence. */
const DIAGNOSTIC_SAMPLES: { [C in DiagnosticCode]: DiagnosticParams[C][] } = {
  'unexpected-character': [{ char: '@' }, { char: '\u0007' }],
  'unterminated-text': [{}],
  'unterminated-name': [{}],
  'expected-value': [{ found: 'the end of the formula' }, { found: '`)`' }, { found: 'text' }],
  'unexpected-token': [{ found: '`amount`' }],
  'missing-close-paren': [{ opened: '(' }],
  'bad-date': [{ text: '2024-13-01' }],
  'bad-name': [{ text: '[]' }],
  'empty-formula': [{}],
  'unknown-name': [
    { name: 'amont', table: null, suggestion: null },
    { name: 'amont', table: null, suggestion: 'amount' },
    { name: 'amont', table: 'deals', suggestion: 'amount' },
  ],
  'unknown-table': [
    { table: 'deal', suggestion: 'deals' },
    { table: 'x', suggestion: null },
  ],
  'unknown-column': [{ table: 'deals', column: 'ammount', suggestion: 'amount' }],
  'ambiguous-name': [{ name: 'revenue', table: 'deals' }],
  'unknown-function': [{ name: 'SUMM', suggestion: 'SUM' }],
  'needs-parentheses': [{ name: 'TODAY' }],
  'arg-count': [
    { fn: 'SUM', min: 1, max: 1, found: 2 },
    { fn: 'IF', min: 2, max: 3, found: 0 },
    { fn: 'MAX', min: 1, max: null, found: 0 },
  ],
  'arg-type': [{ fn: 'SUM', param: 'values', expected: 'a number', found: 'text' }],
  'operator-type': [
    { op: 'NOT', left: 'a number', right: null },
    { op: '+', left: 'a date', right: 'text' },
  ],
  'mixed-types': [{ fn: 'IF', first: 'a number', other: 'text' }],
  'constant-required': [{ fn: 'ROLLING', param: 'periods' }],
  'bare-column': [{ column: 'amount' }, { column: 'مبلغ' }],
  'nested-aggregate': [{ outer: 'SUM', inner: 'AVERAGE' }],
  'time-needs-kpi': [{ fn: 'PREVIOUS' }],
  'nested-time': [{ outer: 'PREVIOUS', inner: 'ROLLING' }],
  'time-needs-grain': [{ fn: 'PREVIOUS' }],
  'kpi-cycle': [{ path: ['a', 'b', 'a'] }],
  'kpi-has-errors': [{ id: 'win_rate' }],
  'unknown-kpi-table': [{ table: 'deal', suggestion: 'deals' }],
  'bad-time-column': [
    { table: 'deals', column: 'closed', found: null },
    { table: '(no table)', column: 'closed', found: null },
    { table: 'deals', column: 'stage', found: 'text' },
  ],
  'filter-not-condition': [{ found: 'a number' }],
  'filter-aggregate': [{}],
  'unlinked-tables': [{ tables: ['deals', 'activities'] }],
  'no-source-table': [{ fn: 'COUNTROWS' }],
  'not-a-table': [{ fn: 'COUNTROWS' }],
  'breakdown-unknown': [{ table: 'customers', column: 'segmnt', suggestion: 'segment' }],
  'breakdown-unreachable': [{ kpi: 'win_rate', from: 'deals', to: 'tickets' }],
  'bad-range': [{ text: '2024/01/01' }],
  'duplicate-kpi': [{ id: 'k' }],
  'arg-range': [
    { fn: 'PREV', param: 'n', min: 1, max: 1000, whole: true, found: '1e999' },
    { fn: 'PERCENTILE', param: 'p', min: 0, max: 1, whole: false, found: '7' },
  ],
  'control-character': [
    { char: 'U+0000', within: 'text' },
    { char: 'U+0000', within: 'name' },
  ],
  'lookback-too-long': [{ years: 100 }],
  'text-no-match': [
    { column: 'deals.stage', text: 'lost', suggestion: 'Lost', caseOnly: true },
    { column: 'deals.stage', text: 'Lots', suggestion: 'Lost', caseOnly: false },
    { column: 'LOWER(deals.stage)', text: 'gone', suggestion: null, caseOnly: false },
  ],
  'not-row-level': [{ fn: 'SUM' }],
};

describe('formula diagnostics', () => {
  const span = { start: 0, end: 1 };
  const all = () =>
    (Object.keys(DIAGNOSTIC_SAMPLES) as DiagnosticCode[]).flatMap((code) =>
      (DIAGNOSTIC_SAMPLES[code] as DiagnosticParams[typeof code][]).map((p) =>
        diagnostic(code, p as never, span),
      ),
    );

  it('each code has a message in every language, and a sample here', () => {
    const codes = Object.keys(DIAGNOSTIC_FORMATTERS).sort();
    expect(Object.keys(DIAGNOSTIC_CATALOGUES.fa).sort(), 'Persian').toEqual(codes);
    expect(Object.keys(DIAGNOSTIC_CATALOGUES.en).sort(), 'English').toEqual(codes);
    expect(Object.keys(DIAGNOSTIC_SAMPLES).sort(), 'samples in this test').toEqual(codes);
  });

  it('read in English as core writes them', () => {
    setLocaleSettings({ locale: 'en' });
    for (const d of all()) expect(diagnosticText(d), d.code).toBe(d.message);
  });

  it('read in Persian, with only the user’s own text (isolated) in Latin letters', () => {
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    for (const d of all()) {
      const text = diagnosticText(d);
      expect(text, d.code).toMatch(PERSIAN);
      expect(outsideIsolates(text), `${d.code}: ${text}`).not.toMatch(LATIN);
    }
    setLocaleSettings({ locale: 'en' });
  });

  it('translate every type word core puts into a message', () => {
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    for (const w of [...Object.values(TYPE_WORDS), ...Object.values(PARAM_WORDS)]) {
      const text = diagnosticText(diagnostic('filter-not-condition', { found: w }, span));
      expect(outsideIsolates(text), w).not.toMatch(LATIN);
    }
    setLocaleSettings({ locale: 'en' });
  });

  it('keep formula pieces whole and left to right in a Persian sentence', () => {
    const out = compileScorecard({
      dialect: duckdb,
      kpis: [{ id: 'k', label: 'K', formula: 'SUM(deals.ammount', table: 'deals' }],
      schema: formulaSchema,
      grain: 'month',
    });
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    const texts = out.diagnostics.map(diagnosticText);
    setLocaleSettings({ locale: 'en' });
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).toMatch(PERSIAN);
      expect(outsideIsolates(text), text).not.toMatch(LATIN);
    }
    expect(texts.join('\n')).toContain('«\u2066(\u2069»');
    const arity = diagnostic('arg-count', { fn: 'IF', min: 2, max: 3, found: 4 }, span);
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    expect(diagnosticText(arity)).toBe(
      'تابع \u2066IF\u2069 ۲ تا ۳ آرگومان می‌گیرد، اما ۴ آرگومان داده شده است',
    );
    setLocaleSettings({ locale: 'en' });
  });
});

describe('a KPI cell’s formula problem in the notebook', () => {
  it('is written from the diagnostic, in the language shown', () => {
    const d = diagnostic(
      'unknown-column',
      { table: 'deals', column: 'ammount', suggestion: 'amount' },
      { start: 0, end: 1 },
    );
    const m = notebookMessage('kpi-formula', {
      kpi: 'k',
      message: d.message,
      diagnostic: { code: d.code, params: d.params },
    });
    setLocaleSettings({ locale: 'en' });
    expect(notebookMessageText(m)).toBe(m.message);
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    expect(notebookMessageText(m)).toBe(`شاخص k: ${diagnosticText(d)}`);
    expect(notebookMessageText(m)).toMatch(/ستونی با نام/);
    setLocaleSettings({ locale: 'en' });
  });
});

/** Parameters for every mapping problem code. */
const MAPPING_SAMPLES: { [C in MappingProblemCode]: MappingProblemParams[C][] } = {
  'not-canonical-table': [{ table: 'orders' }],
  'no-such-column': [{ table: 'deals', column: 'colour' }],
  'header-missing': [{ target: 'deals.stage', header: 'Stage' }],
  'wrong-kind': [
    { target: 'deals.amount', header: 'Deal Name', needs: 'number', holds: 'text', wonValues: false },
    { target: 'deals.won', header: 'نتیجه', needs: 'boolean', holds: 'text', wonValues: true },
    { target: 'deals.created_at', header: 'Created', needs: 'timestamp', holds: 'date', wonValues: false },
  ],
  'required-missing': [{ table: 'deals', column: 'amount' }],
  'won-and-lost': [{ value: 'Won' }],
  'won-unknown': [{}],
  'table-is-view': [{ view: 'deals' }],
  'view-name-taken': [{ view: 'deals' }],
  'already-mapped': [{ other: 'hubspot_deals', view: 'deals' }],
  'not-loaded': [{ table: 'x' }],
  'view-failed': [{ message: 'Binder Error: x' }],
  'constant-invalid': [{ target: 'marketing.spend', value: 'lots', needs: 'number' }],
  'formula-invalid': [
    {
      target: 'marketing.channel',
      formula: 'UPPER(chanel)',
      at: 7,
      diagnostic: {
        code: 'unknown-name',
        params: { name: 'chanel', table: 'ads', suggestion: 'channel' },
        message: 'no KPI or column `chanel` in ads; did you mean `channel`?',
      },
    },
  ],
  'formula-kind': [{ target: 'marketing.spend', needs: 'number', holds: 'text' }],
};

describe('mapping problems', () => {
  const all = () =>
    (Object.keys(MAPPING_SAMPLES) as MappingProblemCode[]).flatMap((code) =>
      (MAPPING_SAMPLES[code] as MappingProblemParams[typeof code][]).map((p) =>
        mappingProblem('deals', 'error', code, p as never),
      ),
    );

  it('each code has a message in English and Persian, and a sample here', () => {
    const codes = Object.keys(MAPPING_PROBLEM_FORMATTERS).sort();
    expect(Object.keys(MAPPING_PROBLEM_KEYS).sort()).toEqual(codes);
    expect(Object.keys(MAPPING_SAMPLES).sort(), 'samples in this test').toEqual(codes);
    for (const [code, key] of Object.entries(MAPPING_PROBLEM_KEYS)) {
      expect(en[key], code).toBeDefined();
      expect(fa[key], code).toBeDefined();
    }
  });

  it('read in English as core writes them', () => {
    setLocaleSettings({ locale: 'en' });
    for (const p of all()) expect(mappingProblemText(p), p.code).toBe(p.message);
  });

  it('read in Persian, names kept as written', () => {
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    for (const p of all()) {
      const text = mappingProblemText(p);
      expect(text, p.code).toMatch(PERSIAN);
      expect(outsideIsolates(text), `${p.code}: ${text}`).not.toMatch(LATIN);
    }
    expect(mappingProblemText(all()[3])).toBe(
      '\u2068deals.amount\u2069 عدد می‌خواهد؛ ستون «\u2068Deal Name\u2069» متن دارد',
    );
    setLocaleSettings({ locale: 'en' });
  });
});
