import { describe, expect, it } from 'vitest';
import { tableNameFromFile, uniqueTableName } from '../../../src/core/ingest/tableName.ts';

describe('tableNameFromFile', () => {
  it.each([
    ['deals.csv', 'deals'],
    ['Deals Export 2023.CSV', 'deals_export_2023'],
    ['hubspot-deals.v2.xlsx', 'hubspot_deals_v2'],
    ['  odd  (copy).csv', 'odd_copy'],
    ['مشتریان.csv', 'مشتریان'],
    ['فروش ماهانه.xlsx', 'فروش_ماهانه'],
    ['می\u200cخواهم.csv', 'می\u200cخواهم'], // ZWNJ stays inside a Persian word
    ['2023 sales.csv', '_2023_sales'],
    ['Ünïcode Straße.csv', 'Ünïcode_straße'],
    ['C:\\exports\\Leads.csv', 'leads'],
    ['folder/leads.json', 'leads'],
    ['.csv', 'csv'],
    ['###.csv', 'table'],
    ['', 'table'],
  ])('%j → %j', (file, name) => {
    expect(tableNameFromFile(file)).toBe(name);
  });

  it('caps the length', () => {
    expect(tableNameFromFile(`${'a'.repeat(100)}.csv`)).toBe('a'.repeat(60));
  });
});

describe('uniqueTableName', () => {
  it('keeps a free name', () => {
    expect(uniqueTableName('deals.csv', ['leads'])).toBe('deals');
  });

  it('suffixes a taken name, comparing without case', () => {
    expect(uniqueTableName('deals.csv', ['Deals'])).toBe('deals_2');
    expect(uniqueTableName('Deals.csv', ['deals', 'deals_2', 'DEALS_3'])).toBe('deals_4');
    expect(uniqueTableName('مشتریان.csv', ['مشتریان'])).toBe('مشتریان_2');
  });
});
