import type { CellClassParams, ColDef, ICellRendererParams, ValueSetterParams } from 'ag-grid-community';
import type { ToDate } from '../../app/scorecard/toDate';
import type { DateSpan } from '../../core/kpi/dateRange';
import { formatDate, formatPeriodLabel } from '../../i18n/format';
import { kpiDescription, kpiLabel } from '../../i18n/kpi';
import { isRtl } from '../../i18n/locale';
import { t } from '../../i18n/t';
import { type Period, SPARK_PERIODS } from '../../state/scorecardStore';
import { scorecardStore } from '../appRoot';
import { anomalyTip, periodCell } from './anomalyMark';
import {
  changeClass,
  editText,
  formatChange,
  formatKpiExact,
  formatKpiValue,
  readKpiFigure,
  unitLabel,
} from './formatKpi';
import { paceColumn } from './paceColumn';
import { periodName } from './periodName';
import { isKpi, type KpiRow, type Row } from './scorecardRows';
import type { ColumnSet } from './scorecardView';
import { Sparkline } from './sparkline';
import { StatusBadge } from './statusBadge';
import { type ThinWhere, thinText } from './thinText';
import { totalColumn } from './totalColumn';
import { unavailableText } from './unavailableText';

/** What a column needs to know to build itself; rebuilt when the periods change. */
interface ColumnContext {
  readonly periods: readonly Period[];
  /** The whole range the Total column covers (its header says which dates). */
  readonly range: DateSpan | null;
  /** The period the data has not finished; null when there is none. */
  readonly toDate: Pick<ToDate, 'period' | 'today'> | null;
}

/** One entry of the scorecard's column list: its set and how to build its definition(s). */
interface ScorecardColumn {
  readonly id: string;
  readonly set: ColumnSet;
  build(ctx: ColumnContext): ColDef<Row> | ColDef<Row>[];
}

const onlyKpi = (fn: (r: KpiRow) => unknown) => (p: { data?: Row }) => (isKpi(p.data) ? fn(p.data) : null);
/** Every digit of a value cell, where the cell itself shows the compact figure ($10M for 10,005,534). */
const exactTip = (p: { data?: Row; value?: unknown }): string | null =>
  isKpi(p.data) && typeof p.value === 'number' ? formatKpiExact(p.value, p.data.kpi) : null;
const blankClass = (v: unknown) =>
  v === null || v === undefined || v === '—' ? 'cell-blank' : 'cell-number';

// A change in points reads "▼ −3.8 pp" in English and "▼ −۳٫۸ واحد" in Persian (the tooltip
// writes "واحد درصد" out); with the tighter padding of .sc-tight both fit a 1280-pixel screen.
const changeWidth = () => (isRtl() ? 94 : 92);

/**
 * The at-a-glance columns share the width they are given (at least their minimum, so
 * a 1280-pixel screen holds them all) and wrap a long header onto a second line.
 */
const glance = (minWidth: number): ColDef<Row> => ({
  flex: 1,
  minWidth,
  wrapHeaderText: true,
  autoHeaderHeight: true,
});

function KpiCell(p: ICellRendererParams<Row>) {
  const r = p.data;
  if (r === undefined || (r.kind !== 'kpi' && r.kind !== 'unavailable')) return null;
  const label = r.kind === 'kpi' ? kpiLabel(r.kpi) : r.label;
  const unit = r.kind === 'kpi' ? unitLabel(r.kpi) : r.unit;
  return (
    <span className="sc-kpi" data-kpi={r.id}>
      {r.kind === 'kpi' && r.kpi.kind === 'kri' && <span className="sc-tag">{t('scorecard.kriTag')}</span>}
      <span className="sc-kpi-label">{label}</span>
      <span className="sc-unit">{unit}</span>
      {r.kind === 'kpi' && r.runFailure !== null && (
        <span className="sc-error-mark" title={r.runFailure}>
          {t('scorecard.runFailedShort')}
        </span>
      )}
      {r.kind === 'kpi' && r.failed && (
        <span className="sc-error-mark" title={t('scorecard.formulaError')}>
          {t('scorecard.formulaErrorShort')}
        </span>
      )}
    </span>
  );
}

/**
 * A comparison of the latest value with a base: "▲ +4.2 %", coloured by whether it is better.
 * `where` names a change between periods: one from too little data reads "n/a" and its
 * tooltip says why; otherwise the tooltip writes the unit out (the cell may abbreviate it).
 */
function change(
  id: string,
  header: string,
  of: (r: KpiRow) => Parameters<typeof formatChange>[0] | null,
  where?: ThinWhere,
): ColDef<Row> {
  const comparison = (r: Row | undefined) => (isKpi(r) && r.evaluation ? of(r) : null);
  return {
    colId: id,
    headerName: header,
    ...glance(changeWidth()),
    type: 'rightAligned',
    valueGetter: onlyKpi((r) => {
      const c = comparison(r);
      return c === null ? null : formatChange(c, r.kpi);
    }),
    tooltipValueGetter: (p) => {
      const c = comparison(p.data);
      if (c === null || !isKpi(p.data)) return null;
      const reason = where === undefined ? null : thinText(c, where, p.data.kpi.table);
      return reason ?? (c.change === null ? null : formatChange(c, p.data.kpi, true));
    },
    cellClass: (p) => {
      const c = comparison(p.data);
      return c === null ? 'sc-tight' : `sc-tight ${c.thin !== null ? 'delta sc-thin' : changeClass(c)}`;
    },
  };
}

type Editable = 'target' | 'warning' | 'critical';
const rawOf = (r: KpiRow, field: Editable) =>
  (field === 'target' ? r.kpi.target : r.kpi.thresholds?.[field]) ?? null;

/** A target or threshold typed into the grid; the cell holds the edit text (15 for 15 %), the display comes from the number. */
function editNumber(field: Editable): ColDef<Row> {
  return {
    colId: field,
    headerName: t(`scorecard.col.${field}`),
    width: 84,
    type: 'rightAligned',
    editable: (p) => isKpi(p.data),
    cellClass: (p: CellClassParams<Row>) => (isKpi(p.data) ? 'sc-editable cell-number' : ''),
    headerTooltip: t('scorecard.editHint'),
    cellDataType: false,
    valueGetter: onlyKpi((r) => editText(rawOf(r, field), r.kpi)),
    valueFormatter: (p) =>
      isKpi(p.data) ? formatKpiValue(rawOf(p.data, field), p.data.kpi).replace('—', '') : '',
    // Text that is not a figure keeps the old one (its edit text, a string) rather than clearing it.
    valueParser: (p) => {
      if (!isKpi(p.data)) return null;
      const r = readKpiFigure(String(p.newValue ?? ''), p.data.kpi);
      return r.ok ? r.value : p.oldValue;
    },
    valueSetter: (p: ValueSetterParams<Row>) => {
      if (!isKpi(p.data) || typeof p.newValue === 'string') return false;
      const v = typeof p.newValue === 'number' ? p.newValue : null;
      const s = scorecardStore.getState();
      if (field === 'target') s.setTarget(p.data.id, v);
      else s.setThresholds(p.data.id, { ...p.data.kpi.thresholds, [field]: v ?? undefined });
      return true;
    },
  };
}

/**
 * The scorecard's columns in order. A column is added by adding an entry here: its
 * set decides when it shows (`glance` always; the others behind the toggles above
 * the grid).
 */
const SCORECARD_COLUMNS: readonly ScorecardColumn[] = [
  {
    id: 'kpi',
    set: 'glance',
    build: () => ({
      colId: 'kpi',
      headerName: t('scorecard.col.kpi'),
      // At the start of the reading line: AG Grid keeps a pinned side where it is in RTL too.
      pinned: isRtl() ? 'right' : 'left',
      width: 224,
      cellRenderer: KpiCell,
      // The whole name too: a long one is cut short to keep the comparisons in view.
      tooltipValueGetter: (p) =>
        isKpi(p.data)
          ? `${kpiLabel(p.data.kpi)}: ${kpiDescription(p.data.kpi) || p.data.kpi.formula}`
          : p.data?.kind === 'unavailable'
            ? p.data.label
            : null,
    }),
  },
  {
    id: 'latest',
    set: 'glance',
    build: ({ periods }) => {
      const last = periods.at(-1);
      return {
        colId: 'latest',
        // Which period "latest" is (the last of the range, the same for every KPI), on a line
        // of its own: "Latest" over "Dec 2025".
        headerName: last
          ? `${t('scorecard.col.latest')}\n${periodName(last.label)}`
          : t('scorecard.col.latest'),
        headerTooltip: last
          ? `${formatDate(Date.parse(last.start))} – ${formatDate(Date.parse(last.end))}`
          : undefined,
        // Wide enough for a currency value in the tens of thousands with cents, and (with the
        // tighter padding) for Persian, which writes compact amounts in words (۲٫۳ میلیون دلار).
        ...glance(112),
        type: 'rightAligned',
        // A KPI whose tables have no date column has no periods: its one figure, over all
        // rows, is what "latest" means for it (the tooltip says so).
        valueGetter: onlyKpi((r) =>
          r.total?.dated === false ? r.total.value : (r.evaluation?.value ?? null),
        ),
        valueFormatter: (p) => (isKpi(p.data) ? formatKpiValue(p.value as number | null, p.data.kpi) : ''),
        tooltipValueGetter: (p) => {
          const exact = exactTip(p);
          return exact !== null && isKpi(p.data) && p.data.total?.dated === false
            ? `${exact} · ${t('detail.noPeriods')}`
            : exact;
        },
        cellClass: (p) => `${blankClass(p.value)} sc-latest sc-tight`,
        // The reason a KPI has no numbers takes the place of its latest value, status and changes.
        colSpan: (p) =>
          p.data?.kind === 'unavailable' || (isKpi(p.data) && p.data.runFailure !== null) ? 5 : 1,
        cellRenderer: (p: ICellRendererParams<Row>) =>
          p.data?.kind === 'unavailable' ? (
            <span className="sc-reason">{unavailableText(p.data.missing)}</span>
          ) : isKpi(p.data) && p.data.runFailure !== null ? (
            <span className="sc-reason sc-failure" data-testid="kpi-failure" title={p.data.runFailure}>
              {p.data.runFailure}
            </span>
          ) : (
            p.valueFormatted
          ),
      };
    },
  },
  {
    id: 'status',
    set: 'glance',
    build: () => ({
      colId: 'status',
      headerName: t('scorecard.col.status'),
      ...glance(92),
      valueGetter: onlyKpi((r) => r.evaluation?.status ?? 'none'),
      tooltipValueGetter: (p) =>
        isKpi(p.data) && p.data.basis !== null ? t(`statusBasis.${p.data.basis}`) : null,
      cellRenderer: (p: ICellRendererParams<Row>) =>
        isKpi(p.data) ? <StatusBadge status={p.data.evaluation?.status ?? 'none'} /> : null,
    }),
  },
  {
    id: 'prev',
    set: 'glance',
    build: () => change('prev', t('scorecard.col.prev'), (r) => r.evaluation!.previous, 'previous'),
  },
  {
    id: 'yoy',
    set: 'glance',
    build: () => change('yoy', t('scorecard.col.yoy'), (r) => r.evaluation!.lastYear, 'lastYear'),
  },
  {
    id: 'vsTarget',
    set: 'glance',
    build: () =>
      change('vsTarget', t('scorecard.col.vsTarget'), (r) =>
        r.kpi.target === null ? null : r.evaluation!.target,
      ),
  },
  {
    id: 'vsBenchmark',
    set: 'glance',
    build: () => ({
      ...change('vsBenchmark', t('scorecard.col.vsBenchmark'), (r) =>
        r.benchmarkValue ? r.evaluation!.benchmark : null,
      ),
      // The benchmark itself and where it comes from: "Median 42 % · SaaS, 2024 survey".
      tooltipValueGetter: (p) =>
        isKpi(p.data) && p.data.benchmarkValue
          ? [p.data.benchmarkValue, p.data.benchmarkTip].filter(Boolean).join(' · ')
          : null,
    }),
  },
  {
    // The unfinished period, which the period columns leave out: its value so far and pace.
    id: 'toDate',
    set: 'glance',
    build: ({ toDate }) => (toDate === null ? [] : paceColumn(toDate)),
  },
  {
    id: 'benchmark',
    set: 'targets',
    build: () => ({
      colId: 'benchmark',
      headerName: t('scorecard.col.benchmark'),
      width: 120,
      type: 'rightAligned',
      valueGetter: onlyKpi((r) => r.benchmarkValue || null),
      tooltipValueGetter: (p) => (isKpi(p.data) ? p.data.benchmarkTip : null),
      cellRenderer: (p: ICellRendererParams<Row>) => {
        if (!isKpi(p.data) || !p.data.benchmarkValue) return null;
        const q = p.data.evaluation?.benchmark.quartile;
        return (
          <span>
            {p.data.benchmarkValue}
            {q && <span className="sc-quartile"> · {t(`quartile.${q}`)}</span>}
          </span>
        );
      },
    }),
  },
  { id: 'target', set: 'targets', build: () => editNumber('target') },
  { id: 'warning', set: 'targets', build: () => editNumber('warning') },
  { id: 'critical', set: 'targets', build: () => editNumber('critical') },
  {
    // The whole range, of which the period columns are the parts: opened with them, so the
    // at-a-glance set still fits a 1280-pixel screen. The detail panel shows it too.
    id: 'total',
    set: 'periods',
    build: ({ range }) => ({
      ...totalColumn<Row>((r) => (isKpi(r) ? r : null), range),
      width: isRtl() ? 128 : 112,
    }),
  },
  {
    id: 'trend',
    set: 'periods',
    build: () => ({
      colId: 'trend',
      headerName: t('scorecard.col.trend', { n: SPARK_PERIODS }),
      width: 112,
      cellRenderer: (p: ICellRendererParams<Row>) =>
        isKpi(p.data) ? (
          <Sparkline
            values={p.data.values.slice(-SPARK_PERIODS)}
            label={t('scorecard.sparkLabel', { kpi: kpiLabel(p.data.kpi) })}
          />
        ) : null,
    }),
  },
  {
    id: 'periods',
    set: 'periods',
    build: ({ periods }) =>
      periods.map((p, i) => ({
        colId: `p${i}`,
        headerName: formatPeriodLabel(p.label),
        headerTooltip: `${formatDate(Date.parse(p.start))} – ${formatDate(Date.parse(p.end))}`,
        // Persian month names (اردیبهشت ۱۴۰۴) and digits run wider than 2025-05.
        width: isRtl() ? 108 : 88,
        type: 'rightAligned',
        valueGetter: onlyKpi((r) => r.values[i] ?? null),
        valueFormatter: (v) => (isKpi(v.data) ? formatKpiValue(v.value as number | null, v.data.kpi) : ''),
        tooltipValueGetter: (v) => anomalyTip(v.data, i) ?? exactTip(v),
        cellRenderer: periodCell(i),
        cellClass: (v) => blankClass(v.value),
      })),
  },
];

/** The column definitions of the sets shown, in the list's order. */
export function scorecardColumns(ctx: ColumnContext, shown: ReadonlySet<ColumnSet>): ColDef<Row>[] {
  return SCORECARD_COLUMNS.filter((c) => shown.has(c.set)).flatMap((c) => c.build(ctx));
}
