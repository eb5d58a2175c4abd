import { describe, expect, it } from 'vitest';
import { CURRENT_FORMAT_VERSION, emptyDocument, parseDocument } from '../../../src/core/model/document';
import { CalendarSchema, GrainSchema, type WorkbookKpi } from '../../../src/core/model/documentSchema';
import { MIGRATIONS, migrateForward } from '../../../src/core/model/migrations';
import { CALENDARS, GRAINS } from '../../../src/core/sql/calendarSchema';

const kpi: WorkbookKpi = {
  id: 'win_rate',
  label: 'Win rate',
  formula: 'COUNTIF(deals.won) / COUNT(deals.deal_id)',
  unit: '%',
  format: 'percent',
  direction: 'up',
  family: 'sales',
  kind: 'kpi',
  target: 0.3,
  thresholds: { warning: 0.2, critical: 0.1 },
};

const errorOf = (json: unknown) => {
  const r = parseDocument(json);
  if (r.ok) throw new Error('expected a refusal');
  return r;
};

describe('parseDocument', () => {
  it('accepts the empty document and a full one unchanged', () => {
    const doc = {
      ...emptyDocument('Sales'),
      kpis: [kpi],
      datasets: [
        {
          id: 'deals',
          table: 'hubspot_deals',
          sourceName: 'hubspot_deals.csv',
          format: 'csv' as const,
          options: { delimiter: ';', decimalComma: true, dateOrder: 'jalali' as const },
          columns: [{ name: 'amount', kind: 'number' as const, sqlType: 'DOUBLE' }],
          rows: 3,
          mapping: {
            canonicalTable: 'deals' as const,
            columns: { amount: 'Amount' },
            stageOutcomes: { won: ['Won'], lost: ['Lost'] },
          },
          embedded: false,
        },
      ],
      relationships: [
        { fromTable: 'deals', fromColumn: 'customer_id', toTable: 'customers', toColumn: 'customer_id' },
      ],
      benchmarks: [{ key: 'saas.win_rate', label: 'SaaS win rate', value: 0.25, industry: 'saas' }],
    };
    expect(parseDocument(doc)).toEqual({ ok: true, doc });
    expect(parseDocument(emptyDocument())).toEqual({ ok: true, doc: emptyDocument() });
  });

  it("keeps a mapping's constants and derived columns, and refuses a source that is both", () => {
    const dataset = (computed: unknown) => ({
      ...emptyDocument(),
      datasets: [
        {
          id: 'ads',
          table: 'ads',
          sourceName: 'ads.csv',
          format: 'csv',
          options: {},
          columns: [],
          rows: 0,
          mapping: { canonicalTable: 'marketing', columns: { date: 'Day' }, computed },
          embedded: false,
        },
      ],
    });
    const good = dataset({
      channel: { constant: "x'); DROP TABLE ads; --" },
      spend: { formula: 'Cost * 2' },
    });
    expect(parseDocument(good)).toEqual({ ok: true, doc: good });
    expect(errorOf(dataset({ channel: { constant: 'a', formula: 'b' } })).error).toMatch(
      /^This workbook's contents are not valid: datasets\[0\]\.mapping\.computed\.channel/,
    );
  });

  it('refuses a newer format in words a person understands', () => {
    expect(errorOf({ ...emptyDocument(), formatVersion: 7 })).toEqual({
      ok: false,
      reason: 'newer-version',
      error: `This workbook was made by a newer Shakhes (format 7); this version reads up to format ${CURRENT_FORMAT_VERSION}. Update Shakhes to open it.`,
    });
  });

  it('refuses JSON that is not a workbook at all', () => {
    expect(errorOf([1, 2]).reason).toBe('not-a-workbook');
    expect(errorOf({ title: 'x' }).error).toBe(
      'This is not a Shakhes workbook: its workbook.json has no format version.',
    );
    expect(errorOf({ formatVersion: '1' }).error).toBe(
      'This workbook has an impossible format version ("1").',
    );
  });

  it('names the path of each problem and counts the rest', () => {
    const bad = {
      ...emptyDocument(),
      locale: 'de',
      kpis: [{ ...kpi, direction: 'sideways' }],
      settings: { ...emptyDocument().settings, currency: 'dollars' },
    };
    expect(errorOf(bad).error).toBe(
      'This workbook\'s contents are not valid: locale: Invalid option: expected one of "en"|"fa"; settings.currency: expected a three-letter currency code such as USD; kpis[0].direction: Invalid option: expected one of "up"|"down"|"context".',
    );
    const worse = { ...bad, calendar: 'lunar', title: 7 };
    expect(errorOf(worse).error).toMatch(/\(and 2 more problems\)\.$/);
  });

  it('refuses duplicate ids, which would make references ambiguous', () => {
    const doc = { ...emptyDocument(), kpis: [kpi, { ...kpi, label: 'Again' }] };
    expect(errorOf(doc).error).toBe(
      'This workbook\'s contents are not valid: kpis[1]: two KPI ids are both "win_rate".',
    );
  });

  it('refuses dataset ids that could not be zip entry names', () => {
    const ds = {
      ...emptyDocument(),
      datasets: [
        {
          id: '../x',
          table: 't',
          sourceName: 't.csv',
          format: 'csv',
          options: {},
          columns: [],
          rows: 0,
          embedded: false,
        },
      ],
    };
    expect(errorOf(ds).error).toBe(
      'This workbook\'s contents are not valid: datasets[0].id: a dataset id is 1 to 64 letters, digits, "_" or "-".',
    );
  });

  it('keeps its grains and calendars in step with the calendar table', () => {
    expect(GrainSchema.options).toEqual([...GRAINS]);
    expect(CalendarSchema.options).toEqual([...CALENDARS]);
  });
});

describe('migrations', () => {
  it('has one step for every format before the current one', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual([...Array(CURRENT_FORMAT_VERSION).keys()]);
  });

  it('v0 → v1: KPIs from a map to a list, one scorecard sheet showing them, no benchmarks', () => {
    const { id: _, ...v0Kpi } = kpi;
    const v0 = {
      ...emptyDocument('Old'),
      formatVersion: 0,
      kpis: { win_rate: v0Kpi },
      sheets: undefined,
      benchmarks: undefined,
    };
    const r = parseDocument(JSON.parse(JSON.stringify(v0)));
    expect(r).toEqual({
      ok: true,
      migratedFrom: 0,
      doc: {
        ...emptyDocument('Old'),
        kpis: [kpi],
        benchmarks: [],
        sheets: [
          {
            id: 'scorecard',
            name: 'Scorecard',
            kind: 'scorecard',
            cells: [{ id: 'kpi-win_rate', kind: 'kpi', source: 'win_rate' }],
          },
        ],
      },
    });
  });

  it('v0 → v1 refuses a KPI map that is not a map', () => {
    expect(() => migrateForward({ formatVersion: 0, kpis: [1] }, 0)).toThrow(
      'The workbook (format 0) should list its KPIs by id, but "kpis" is not a map.',
    );
    expect(errorOf({ formatVersion: 0, kpis: { a: 3 } }).error).toBe(
      'The workbook (format 0) has a KPI "a" that is not an object.',
    );
  });
});
