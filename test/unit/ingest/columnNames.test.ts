import { describe, expect, it } from 'vitest';
import { columnNames } from '../../../src/core/ingest/columnNames.ts';

describe('columnNames', () => {
  it('names blanks by position and suffixes repeats ignoring case', () => {
    expect(columnNames(['\ufeffid', ' Amount ', '', 'amount', 'AMOUNT', 'نام', 'نام'])).toEqual([
      'id',
      'Amount',
      'column_3',
      'amount_2',
      'AMOUNT_3',
      'نام',
      'نام_2',
    ]);
  });

  it('does not reuse a name that a later header already has', () => {
    expect(columnNames(['a', 'a', 'a_2'])).toEqual(['a', 'a_2', 'a_2_2']);
  });
});
