import { describe, expect, it } from 'vitest';
import type { TableMapping } from '../../../src/core/model/mapping';
import { detectRelationships } from '../../../src/core/model/mappingRelations';
import { validateMapping } from '../../../src/core/model/mappingValidate';
import { mappedColumns, mappingViewSql } from '../../../src/core/model/mappingView';

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
    expect(mappingViewSql('hubspot_deals', good)).toBe(
      [
        'CREATE OR REPLACE VIEW "deals" AS SELECT',
        '  TRY_CAST("Record ID" AS VARCHAR) AS "deal_id",',
        '  TRY_CAST("Deal Stage" AS VARCHAR) AS "stage",',
        '  TRY_CAST("Amount" AS DOUBLE) AS "amount",',
        '  TRY_CAST("Create Date" AS DATE) AS "created_at",',
        `  CASE WHEN CAST("Deal Stage" AS VARCHAR) IN ('Closed Won') THEN TRUE WHEN CAST("Deal Stage" AS VARCHAR) IN ('Closed Lost') THEN FALSE ELSE NULL END AS "won"`,
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
    const sql = mappingViewSql('raw', m);
    expect(sql).toContain('TRY_CAST("id""x" AS VARCHAR)');
    expect(sql).toContain("IN ('Won''t lose') THEN TRUE ELSE NULL END");
    expect(() => mappingViewSql('deals', m)).toThrow(/replace the loaded table/);
  });
});

describe('detectRelationships', () => {
  it('links <thing>_id columns to the table named for the thing', () => {
    const tables = [
      { name: 'customers', columns: ['customer_id', 'created_at'] },
      { name: 'deals', columns: ['deal_id', 'customer_id', 'owner'] },
      { name: 'attendance', columns: ['employee_id', 'date'] },
      { name: 'employees', columns: ['employee_id', 'hired_at'] },
      { name: 'companies', columns: ['id', 'name'] },
      { name: 'contacts', columns: ['contact_id', 'Company ID'] },
    ];
    expect(detectRelationships(tables)).toEqual([
      { fromTable: 'deals', fromColumn: 'customer_id', toTable: 'customers', toColumn: 'customer_id' },
      { fromTable: 'attendance', fromColumn: 'employee_id', toTable: 'employees', toColumn: 'employee_id' },
      { fromTable: 'contacts', fromColumn: 'Company ID', toTable: 'companies', toColumn: 'id' },
    ]);
  });
});
