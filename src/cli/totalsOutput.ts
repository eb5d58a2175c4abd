import type { WorkbookKpi } from '../app/scorecard/workbookKpis';
import type { TotalFigure } from '../core/kpi/wholeRange';
import type { Cell } from '../engine/rows';
import { formatRows } from './output';

const HEADER = [
  'id',
  'label',
  'from',
  'to',
  'total',
  'previous',
  'vs_previous',
  'last_year',
  'vs_last_year',
  'no_data_in_range',
];

function row(k: WorkbookKpi, t: TotalFigure | undefined): Cell[] {
  return [
    k.id,
    k.label,
    t?.range?.from ?? null,
    t?.range?.to ?? null,
    t?.value ?? null,
    t?.previous.base ?? null,
    t?.previous.relative ?? null,
    t?.lastYear.base ?? null,
    t?.lastYear.relative ?? null,
    // Where the KPI's tables have their dates, when none falls in the range.
    t?.outside == null ? null : `${t.outside.from}..${t.outside.to}`,
  ];
}

const mdCell = (v: Cell) => (v === null ? '' : String(v).replaceAll('|', '\\|').replaceAll('\n', ' '));

/**
 * `run --grain total`: each KPI over the whole range with the previous range of equal
 * length and the same range last year; exact numbers (changes as fractions: 0.25 is +25 %).
 */
export function totalsOutput(
  format: 'json' | 'csv' | 'md',
  kpis: readonly WorkbookKpi[],
  totals: Readonly<Record<string, TotalFigure>>,
): string {
  const rows = kpis.map((k) => row(k, totals[k.id]));
  if (format === 'json')
    return JSON.stringify(
      { kpis: rows.map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i]]))) },
      null,
      2,
    );
  if (format === 'csv') return formatRows('csv', HEADER, rows);
  return [HEADER, HEADER.map(() => '---'), ...rows]
    .map((r) => `| ${r.map((c) => mdCell(c)).join(' | ')} |`)
    .join('\n');
}
