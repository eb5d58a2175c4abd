import type { NameClashFormatters } from '../core/model/tableNames';
import { quotedCode as code, quotedName as name } from './isolate';

/**
 * Refusals of workbooks whose dataset tables clash with the app's own names, in Persian;
 * one per code of core/model/tableNames.ts (the compiler fails when a code has none).
 * File, table, view and sheet names keep their own direction.
 */

const REFUSED = 'این کارپوشه پذیرفته نشد:';
const LOADED = (p: { dataset: string; table: string }) =>
  `داده‌های ${name(p.dataset)} در جدولی به نام ${name(p.table)} بار می‌شد`;

export const nameClashesFa: NameClashFormatters = {
  'internal-name': (p) =>
    `${REFUSED} ${LOADED(p)}، و شاخص این نام را برای جدول‌های خودش نگه می‌دارد (نام‌هایی که با ${code('_')} و یک حرف آغاز می‌شوند یا ${code('__')} دارند).`,
  'duplicate-table': (p) =>
    `${REFUSED} داده‌های ${name(p.other)} و ${name(p.dataset)} هر دو در جدولی به نام ${name(p.table)} بار می‌شدند.`,
  'mapping-view': (p) =>
    `${REFUSED} ${LOADED(p)}، که نام نمایی است که نگاشت ستون‌های ${name(p.mapped)} می‌سازد.`,
  'cell-name': (p) => `${REFUSED} ${LOADED(p)}، که نام یکی از سلول‌های دفترچه در برگهٔ ${name(p.sheet)} است.`,
};
