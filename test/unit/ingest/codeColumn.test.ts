import { describe, expect, it } from 'vitest';
import { isCodeColumn } from '../../../src/core/ingest/codeColumn';

describe('columns that hold codes, not quantities', () => {
  it.each([
    'Year_Birth',
    'year',
    'Fiscal Year',
    'CustomerID',
    'customer_id',
    'ID',
    'Record ID',
    'Deal - ID',
    'hs_object_id',
    'EmployeeNumber',
    'Phone Number',
    'Ticket No',
    'zip',
    'Postal Code',
    'شناسه مشتری',
    'سال تولد',
    'کد',
  ])('%s is a code', (name) => expect(isCodeColumn(name)).toBe(true));

  it.each([
    'amount',
    'Number of Employees',
    'YearsAtCompany',
    'TotalWorkingYears',
    'paid',
    'Income',
    'MonthlyCharges',
    'idle_minutes',
    'مبلغ',
  ])('%s is a quantity', (name) => expect(isCodeColumn(name)).toBe(false));
});
