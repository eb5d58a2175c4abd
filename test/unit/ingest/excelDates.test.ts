import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  excelSerialToTimestamp,
  isExcelSerialDay,
} from '../../../src/core/ingest/excelDates.ts';

describe('excelSerialToIso', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'], // after Excel's phantom 1900-02-29
    [45000, '2023-03-15'],
    [45000.75, '2023-03-15'],
    [44927, '2023-01-01'],
    [2958465, '9999-12-31'],
  ])('serial %d is %s', (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
  });

  it('refuses serial 60 (1900-02-29 never existed) and serials off the calendar', () => {
    for (const bad of [60, 0, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(isExcelSerialDay(bad)).toBe(false);
      expect(() => excelSerialToIso(bad)).toThrow(RangeError);
    }
  });
});

describe('excelSerialToTimestamp', () => {
  it('keeps the time of day, rounded to the second', () => {
    expect(excelSerialToTimestamp(45000.5)).toBe('2023-03-15 12:00:00');
    expect(excelSerialToTimestamp(45000.25 + 1 / 86400)).toBe('2023-03-15 06:00:01');
    expect(excelSerialToTimestamp(1.5)).toBe('1900-01-01 12:00:00');
  });
});
