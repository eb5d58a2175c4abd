import { describe, expect, it } from 'vitest';
import type { TableMapping } from '../../../src/core/model/mapping';
import { validateMapping } from '../../../src/core/model/mappingValidate';
import { mappedColumns, mappingViewSql, viewColumnOf, viewLayout } from '../../../src/core/model/mappingView';
import { duckdb } from '../../../src/core/sql/dialects/registry';

const raw = [
  { name: 'Record ID', kind: 'number' as const },
  { name: 'Deal Name', kind: 'text' as const },
  { name: 'Deal Stage', kind: 'text' as const },
  { name: 'Amount', kind: 'number' as const },
  { name: 'Create Date', kind: 'timestamp' as const },
];

const good: TableMapping = {
  canonicalTable: 'deals',
  columns: { deal_id: 'Record ID', stage: 'Deal Stage', amount: 'Amount', created_at: 'Create Date' },
  stageOutcomes: { won: ['Closed Won'], lost: ['Closed Lost'] },
};

describe('validateMapping', () => {
  it('accepts a mapping that holds', () => {
    expect(validateMapping(good, raw)).toEqual([]);
  });

  it('says when text is mapped to an amount', () => {
    const m = { ...good, columns: { ...good.columns, amount: 'Deal Name' } };
    expect(validateMapping(m, raw)).toEqual([
      {
        target: 'deals.amount',
        severity: 'error',
        code: 'wrong-kind',
        params: {
          target: 'deals.amount',
          header: 'Deal Name',
          needs: 'number',
          holds: 'text',
          wonValues: false,
        },
        message: 'deals.amount needs numbers; column “Deal Name” holds text',
      },
    ]);
  });

  it('reports missing headers, missing required columns and contradicting outcomes', () => {
    const m: TableMapping = {
      canonicalTable: 'deals',
      columns: { deal_id: 'Record ID', stage: 'Stage', created_at: 'Create Date' },
      stageOutcomes: { won: ['Won'], lost: ['Won'] },
    };
    expect(validateMapping(m, raw).map((p) => p.message)).toEqual([
      'deals.stage is mapped to “Stage”, which the file does not have',
      'deals needs amount: choose the column that holds it',
      '“Won” cannot mean both won and lost',
    ]);
  });

  it('warns that won is unknown without outcome values', () => {
    const { stageOutcomes: _, ...m } = good;
    expect(validateMapping(m, raw)).toEqual([
      {
        target: 'deals.won',
        severity: 'warning',
        code: 'won-unknown',
        params: {},
        message:
          'deals.won is unknown until you say which stages mean won and lost; win rate and won amount wait for it',
      },
    ]);
  });
});

describe('mappingViewSql', () => {
  it('makes a view of cast, renamed columns with won derived from the stage', () => {
    expect(
      mappingViewSql(
        'hubspot_deals',
        good,
        raw.map((c) => c.name),
        { dialect: duckdb },
      ),
    ).toBe(
      [
        'CREATE OR REPLACE VIEW "deals" AS SELECT',
        '  TRY_CAST("Record ID" AS VARCHAR) AS "deal_id",',
        '  TRY_CAST("Deal Stage" AS VARCHAR) AS "stage",',
        '  TRY_CAST("Amount" AS DOUBLE) AS "amount",',
        '  TRY_CAST("Create Date" AS DATE) AS "created_at",',
        `  CASE WHEN CAST("Deal Stage" AS VARCHAR) IN ('Closed Won') THEN TRUE WHEN CAST("Deal Stage" AS VARCHAR) IN ('Closed Lost') THEN FALSE ELSE NULL END AS "won",`,
        // Every raw column stays reachable under its own name; Amount is amount (DuckDB
        // names ignore case), so it appears once, as the canonical column.
        '  "Record ID" AS "Record ID",',
        '  "Deal Name" AS "Deal Name",',
        '  "Deal Stage" AS "Deal Stage",',
        '  "Create Date" AS "Create Date"',
        'FROM "hubspot_deals"',
      ].join('\n'),
    );
    expect([...mappedColumns(good)].sort()).toEqual([
      'deals.amount',
      'deals.created_at',
      'deals.deal_id',
      'deals.stage',
      'deals.won',
    ]);
  });

  it('escapes names and values, and refuses to shadow the raw table', () => {
    const m: TableMapping = {
      canonicalTable: 'deals',
      columns: { deal_id: 'id"x', stage: 'st', amount: 'a', created_at: 'c' },
      stageOutcomes: { won: ["Won't lose"], lost: [] },
    };
    const sql = mappingViewSql('raw', m, ['id"x', 'st', 'a', 'c'], { dialect: duckdb });
    expect(sql).toContain('TRY_CAST("id""x" AS VARCHAR)');
    expect(sql).toContain("IN ('Won''t lose') THEN TRUE ELSE NULL END");
    expect(sql).toContain('"id""x" AS "id""x"');
    expect(() => mappingViewSql('deals', m, [], { dialect: duckdb })).toThrow(/replace the loaded table/);
  });
});

describe('viewLayout', () => {
  const m: TableMapping = {
    canonicalTable: 'deals',
    columns: { deal_id: 'deal_id', stage: 'Stage', amount: 'Amount USD', created_at: 'Created' },
  };
  const headers = ['deal_id', 'Stage', 'Amount USD', 'amount', 'AMOUNT_raw', 'Created', 'Satisfaction'];

  it('keeps every raw column once, canonical names first, a clash renamed with _raw', () => {
    const layout = viewLayout(m, headers);
    expect(layout.map((c) => c.name)).toEqual([
      'deal_id',
      'stage',
      'amount',
      'created_at',
      // deal_id and Stage already have (ignoring case, as DuckDB does) the canonical
      // name of the column they are mapped to: once each.
      'Amount USD',
      // amount was taken by the canonical amount (read from Amount USD): renamed, and
      // AMOUNT_raw, there first, keeps its name, so the rename moves on to _raw2.
      'amount_raw2',
      'AMOUNT_raw',
      'Created',
      'Satisfaction',
    ]);
    const names = layout.map((c) => c.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('finds the view column of a raw header', () => {
    const layout = viewLayout(m, headers);
    expect(viewColumnOf(layout, 'deal_id')?.name).toBe('deal_id');
    expect(viewColumnOf(layout, 'Stage')?.name).toBe('stage');
    expect(viewColumnOf(layout, 'Amount USD')?.name).toBe('Amount USD');
    expect(viewColumnOf(layout, 'amount')?.name).toBe('amount_raw2');
    expect(viewColumnOf(layout, 'missing')).toBeUndefined();
  });
});
