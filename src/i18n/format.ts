import type { ColumnKind } from '../engine/ingest/types';
import { t } from './t';

/** Display formats for cell values. Values arrive already converted from Arrow (see state/arrowRows). */

const integers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Number.isInteger(v) ? integers.format(v) : decimals.format(v);
}

/** Epoch milliseconds to YYYY-MM-DD. DuckDB dates carry no zone, so UTC is their calendar. */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function formatTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** Blank (null) becomes the faint dash; callers style it. */
export function formatValue(v: unknown, kind: ColumnKind): string {
  if (v === null || v === undefined) return t('value.blank');
  if (kind === 'date' && typeof v === 'number') return formatDate(v);
  if (kind === 'timestamp' && typeof v === 'number') return formatTimestamp(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? t('value.true') : t('value.false');
  return String(v);
}

export function formatBytes(n: number): string {
  if (n < 1024) return t('bytes.b', { n: String(n) });
  if (n < 1024 ** 2) return t('bytes.kb', { n: (n / 1024).toFixed(0) });
  if (n < 1024 ** 3) return t('bytes.mb', { n: (n / 1024 ** 2).toFixed(1) });
  return t('bytes.gb', { n: (n / 1024 ** 3).toFixed(2) });
}

export function formatCount(n: number): string {
  return integers.format(n);
}
