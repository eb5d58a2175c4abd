import { type BenchmarkRow, comparableValue } from '../kpi/benchmarks';
import { KPI_FAMILIES } from '../kpi/catalog';
import { type Comparison, evaluate, type PeriodValue } from '../kpi/evaluate';
import { STATUS_SIGNS, type Status, statusOf } from '../kpi/status';
import type { KpiDirection, KpiFamily, KpiFormat, KpiKind, KpiThresholds, KpiUnit } from '../kpi/types';
import type { CalendarKind, Grain } from '../sql/calendarSchema';
import { toCsv } from './csv';

/**
 * The scorecard as a report: every KPI in every period with its comparisons and
 * status. Built from what the scorecard store holds (its series, benchmarks and
 * latest evaluations), so the CLI, the exports and the printed report say what the
 * grid says. Pure: the store's state is passed in.
 */

export interface ReportKpi {
  readonly id: string;
  readonly label: string;
  readonly unit: KpiUnit;
  readonly format: KpiFormat;
  readonly direction: KpiDirection;
  readonly family: KpiFamily;
  readonly kind: KpiKind;
  readonly target: number | null;
  readonly thresholds?: KpiThresholds;
}

export interface ReportPeriod {
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

export interface ReportSettings {
  readonly grain: Grain;
  readonly calendar: CalendarKind;
  readonly from: string | null;
  readonly to: string | null;
  readonly industry: string;
  readonly breakdown: string | null;
}

export interface ReportInput {
  readonly title: string;
  readonly settings: ReportSettings;
  readonly periods: readonly ReportPeriod[];
  readonly kpis: readonly ReportKpi[];
  readonly series: Readonly<Record<string, readonly (number | null)[]>>;
  /** What each value rests on (thinBase.ts), aligned with `series`; a change from too little is left out. */
  readonly bases?: Readonly<Record<string, readonly (number | null)[]>>;
  readonly benchmarks: Readonly<Record<string, BenchmarkRow | undefined>>;
  /** Why a KPI has no values, by id: the engine refused it or its formula has an error. */
  readonly failures?: Readonly<Record<string, string>>;
}

/** What the scorecard store holds about KPIs that did not compute. */
interface FailureSource {
  readonly failures?: Readonly<Record<string, { readonly message: string; readonly via: string | null }>>;
  readonly diagnostics?: Readonly<
    Record<string, readonly { readonly severity: string; readonly message: string }[]>
  >;
}

export interface PeriodResult {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly value: number | null;
  readonly previous: Comparison;
  readonly lastYear: Comparison;
  readonly target: Comparison;
  readonly benchmark: Comparison;
  readonly status: Status;
  readonly statusSign: string;
  readonly statusLabel: string;
}

export interface KpiReport {
  readonly kpi: ReportKpi;
  /** Why the KPI has no values, or null when it computed. */
  readonly failure: string | null;
  readonly benchmark: number | null;
  readonly periods: readonly PeriodResult[];
}

export interface ReportGroup {
  /** A family, or 'kri' for the risk indicators listed apart. */
  readonly key: KpiFamily | 'kri';
  readonly kpis: readonly KpiReport[];
}

/** The report's input from a scorecard's state (extra fields left behind). */
export function reportInput(
  title: string,
  s: Omit<ReportInput, 'title' | 'failures'> & FailureSource,
): ReportInput {
  return {
    title,
    settings: s.settings,
    periods: s.periods,
    kpis: s.kpis,
    series: s.series,
    bases: s.bases,
    benchmarks: s.benchmarks,
    failures: failureMessages(s.kpis, s),
  };
}

/** One sentence per KPI that did not compute: the engine's refusal, else its formula's first error. */
function failureMessages(kpis: readonly ReportKpi[], s: FailureSource): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of kpis) {
    const f = s.failures?.[k.id];
    const error = s.diagnostics?.[k.id]?.find((d) => d.severity === 'error');
    if (f !== undefined) {
      out[k.id] =
        f.via === null
          ? `the engine refused it: ${f.message}`
          : `it uses ${f.via}, which failed: ${f.message}`;
    } else if (error !== undefined) {
      out[k.id] = `the formula has an error: ${error.message}`;
    }
  }
  return out;
}

/** Whether any KPI computed: false when there were KPIs and each one failed. */
export function anyComputed(input: ReportInput): boolean {
  return input.kpis.length === 0 || input.kpis.some((k) => input.failures?.[k.id] === undefined);
}

/**
 * A status as the scorecard store judges it: thresholds, else the target, else (with
 * neither) the published benchmark.
 */
function judge(value: number | null, kpi: ReportKpi, status: Status, bench: number | null): Status {
  const judged = kpi.thresholds?.critical !== undefined || kpi.thresholds?.warning !== undefined;
  if (status !== 'none' || judged || kpi.target !== null || bench === null || value === null) return status;
  return statusOf(value, kpi.direction, null, bench);
}

/** Each period of one KPI evaluated as if it were the latest: its comparisons and status then. */
function kpiReport(input: ReportInput, kpi: ReportKpi): KpiReport {
  const values = input.series[kpi.id] ?? [];
  const row = input.benchmarks[kpi.id];
  const bench = row === undefined ? null : comparableValue(row);
  const bases = input.bases?.[kpi.id];
  const series: PeriodValue[] = input.periods.map((p, i) => ({
    period: p.label,
    value: values[i] ?? null,
    base: bases?.[i],
  }));
  const periods = series.map((_, i): PeriodResult => {
    const e = evaluate(series.slice(0, i + 1), {
      direction: kpi.direction,
      grain: input.settings.grain,
      thresholds: kpi.thresholds ?? null,
      target: kpi.target,
      benchmark: row ?? null,
    });
    const status = judge(e.value, kpi, e.status, bench);
    const p = input.periods[i];
    return {
      period: p.label,
      start: p.start,
      end: p.end,
      value: e.value,
      previous: e.previous,
      lastYear: e.lastYear,
      target: e.target,
      benchmark: e.benchmark,
      status,
      statusSign: STATUS_SIGNS[status].sign,
      statusLabel: STATUS_SIGNS[status].label,
    };
  });
  return { kpi, failure: input.failures?.[kpi.id] ?? null, benchmark: bench, periods };
}

/** KPIs grouped by family in the catalog's order, KRIs last: the grid's order. */
export function scorecardReport(input: ReportInput): ReportGroup[] {
  const groups: ReportGroup[] = [];
  for (const f of KPI_FAMILIES) {
    const kpis = input.kpis.filter((k) => k.kind === 'kpi' && k.family === f);
    if (kpis.length > 0) groups.push({ key: f, kpis: kpis.map((k) => kpiReport(input, k)) });
  }
  const kris = input.kpis.filter((k) => k.kind === 'kri');
  if (kris.length > 0) groups.push({ key: 'kri', kpis: kris.map((k) => kpiReport(input, k)) });
  return groups;
}

const plainComparison = (c: Comparison) => ({ base: c.base, change: c.change, relative: c.relative });

/** The report as JSON-able data: what `shakhes run --format json` prints. */
export function reportJson(input: ReportInput) {
  return {
    title: input.title,
    settings: input.settings,
    periods: input.periods,
    failures: input.kpis.flatMap((k) => {
      const message = input.failures?.[k.id];
      return message === undefined ? [] : [{ id: k.id, label: k.label, message }];
    }),
    kpis: scorecardReport(input).flatMap((g) =>
      g.kpis.map((r) => ({
        id: r.kpi.id,
        label: r.kpi.label,
        failure: r.failure,
        family: r.kpi.family,
        kind: r.kpi.kind,
        unit: r.kpi.unit,
        direction: r.kpi.direction,
        target: r.kpi.target,
        benchmark: r.benchmark,
        thresholds: r.kpi.thresholds ?? null,
        periods: r.periods.map((p) => ({
          period: p.period,
          start: p.start,
          end: p.end,
          value: p.value,
          vsPrevious: plainComparison(p.previous),
          vsLastYear: plainComparison(p.lastYear),
          vsTarget: plainComparison(p.target),
          vsBenchmark: plainComparison(p.benchmark),
          status: p.status,
        })),
      })),
    ),
  };
}

const CSV_HEADER = [
  'kpi',
  'label',
  'family',
  'kind',
  'unit',
  'period',
  'period_start',
  'period_end',
  'value',
  'previous',
  'change_vs_previous',
  'last_year',
  'change_vs_last_year',
  'target',
  'change_vs_target',
  'benchmark',
  'change_vs_benchmark',
  'status',
  'failure',
];

/** One line per KPI and period; text neutralised like every CSV the product writes. */
export function reportCsv(input: ReportInput): string {
  const rows = scorecardReport(input).flatMap((g) =>
    g.kpis.flatMap((r) =>
      r.periods.map((p) => [
        r.kpi.id,
        r.kpi.label,
        r.kpi.family,
        r.kpi.kind,
        r.kpi.unit,
        p.period,
        p.start,
        p.end,
        p.value,
        p.previous.base,
        p.previous.change,
        p.lastYear.base,
        p.lastYear.change,
        p.target.base,
        p.target.change,
        p.benchmark.base,
        p.benchmark.change,
        p.status,
        r.failure,
      ]),
    ),
  );
  return toCsv(CSV_HEADER, rows);
}

const FAMILY_TITLES: Record<KpiFamily | 'kri', string> = {
  customer: 'Customer',
  sales: 'Sales and marketing',
  social: 'Social media',
  employee: 'Employee',
  financial: 'Financial',
  operational: 'Operational',
  custom: 'Custom',
  kri: 'Risk indicators (KRI)',
};

const fixed = (v: number, digits: number) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** A value as a reader of a plain-text report expects it: 25.3 %, $1,200, 4.2. */
function plainValue(v: number | null, format: KpiFormat): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (format === 'percent') return `${fixed(v * 100, 1)} %`;
  if (format === 'currency') return `$${fixed(v, Math.abs(v) >= 100 ? 0 : 2)}`;
  if (format === 'integer') return fixed(v, 0);
  return fixed(v, Math.abs(v) >= 100 ? 0 : 2);
}

/** A change: percentage points for percentages, a relative % otherwise, with its arrow. */
function plainChange(c: Comparison, format: KpiFormat): string {
  if (c.thin !== null) return `n/a (${c.thin.count} < ${c.thin.min} rows)`;
  if (c.change === null) return '—';
  const signed = (n: number, digits: number) => `${n > 0 ? '+' : ''}${fixed(n, digits)}`;
  if (format === 'percent') return `${c.sign} ${signed(c.change * 100, 1)} pp`;
  if (c.relative === null) return `${c.sign} ${signed(c.change, 2)}`;
  return `${c.sign} ${signed(c.relative * 100, 1)} %`;
}

function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

/** The settings in one line: grain, calendar, range, industry. */
function settingsLine(s: ReportSettings, periods: readonly ReportPeriod[]): string {
  const from = s.from ?? periods[0]?.start ?? '…';
  const to = s.to ?? periods.at(-1)?.end ?? '…';
  return `${s.grain} · ${s.calendar} · ${from} – ${to} · industry: ${s.industry}`;
}

/**
 * Markdown: per family, the latest period of each KPI with its comparisons and
 * status; then every KPI's value in every period.
 */
export function reportMarkdown(input: ReportInput): string {
  const groups = scorecardReport(input);
  const out = [`# ${mdCell(input.title)}`, '', settingsLine(input.settings, input.periods), ''];
  const failed = groups.flatMap((g) => g.kpis.filter((r) => r.failure !== null));
  if (failed.length > 0) {
    out.push('## Could not be computed', '');
    for (const r of failed)
      out.push(`- **${mdCell(r.kpi.label)}** (${mdCell(r.kpi.id)}): ${mdCell(r.failure ?? '')}`);
    out.push('');
  }
  for (const g of groups) {
    out.push(`## ${FAMILY_TITLES[g.key]}`, '');
    const rows = g.kpis.map((r) => {
      const p = r.periods.at(-1);
      const f = r.kpi.format;
      return [
        r.kpi.label,
        p?.period ?? '—',
        plainValue(p?.value ?? null, f),
        p ? plainChange(p.previous, f) : '—',
        p ? plainChange(p.lastYear, f) : '—',
        plainValue(r.kpi.target, f),
        p ? plainChange(p.target, f) : '—',
        plainValue(r.benchmark, f),
        p ? plainChange(p.benchmark, f) : '—',
        r.failure !== null ? '✕ Failed' : p && p.status !== 'none' ? `${p.statusSign} ${p.statusLabel}` : '—',
      ];
    });
    out.push(
      mdTable(
        [
          'KPI',
          'Period',
          'Value',
          'vs previous',
          'vs last year',
          'Target',
          'vs target',
          'Benchmark',
          'vs benchmark',
          'Status',
        ],
        rows,
      ),
      '',
    );
  }
  out.push('## Every period', '');
  out.push(
    mdTable(
      ['KPI', ...input.periods.map((p) => p.label)],
      groups.flatMap((g) =>
        g.kpis.map((r) => [r.kpi.label, ...r.periods.map((p) => plainValue(p.value, r.kpi.format))]),
      ),
    ),
  );
  return out.join('\n');
}
