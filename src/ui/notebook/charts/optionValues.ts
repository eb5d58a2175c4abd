import { periodLabel } from '../format';

/** Reading a result cell as a chart value: numbers that are numbers, text that is text. */
export const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Month and quarter labels that analyses write in SQL (`2024-03`, `2025-Q4`): Gregorian, named as the scorecard names them. */
const GREGORIAN_PERIOD = /^\d{4}-(\d{2}|Q[1-4])$/;
export const gregorianPeriod = (v: unknown) =>
  GREGORIAN_PERIOD.test(str(v)) ? periodLabel(v, { calendar: 'gregorian' }) : str(v);
