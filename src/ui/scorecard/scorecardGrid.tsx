import {
  AllCommunityModule,
  type CellClassParams,
  type CellFocusedEvent,
  type ColDef,
  type GetRowIdParams,
  type ICellRendererParams,
  type IsFullWidthRowParams,
  ModuleRegistry,
  type RowClassParams,
  type RowClassRules,
  type RowClickedEvent,
  type ValueSetterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { benchmarkTooltip } from '../../core/kpi/benchmarks';
import { KPI_FAMILIES } from '../../core/kpi/catalog';
import type { Evaluation } from '../../core/kpi/evaluate';
import type { KpiFamily } from '../../core/kpi/types';
import type { TotalFigure } from '../../core/kpi/wholeRange';
import { formatCount, formatDate, formatNumber, formatPeriodLabel } from '../../i18n/format';
import { kpiDescription, kpiLabel } from '../../i18n/kpi';
import { isRtl } from '../../i18n/locale';
import { t } from '../../i18n/t';
import { SPARK_PERIODS, type WorkbookKpi } from '../../state/scorecardStore';
import { gridTheme } from '../gridTheme';
import { failureText } from './failureText';
import { familyLabel } from './families';
import {
  changeClass,
  editText,
  formatChange,
  formatKpiExact,
  formatKpiValue,
  readKpiFigure,
  unitLabel,
} from './formatKpi';
import { scorecardStore, useScorecard } from './scorecardApp';
import { Sparkline } from './sparkline';
import { StatusBadge } from './statusBadge';
import { totalColumn } from './totalColumn';
import { unavailableText } from './unavailableText';

ModuleRegistry.registerModules([AllCommunityModule]);

// Grid options kept out of render: a new object or function each render makes AG Grid
// rebuild its columns, which costs more than the update itself on every store change.
const DEFAULT_COL: ColDef<Row> = { sortable: false, resizable: true, suppressMovable: true };
const rowId = (p: GetRowIdParams<Row>) => p.data.id;
const isGroupRow = (p: IsFullWidthRowParams<Row>) => p.rowNode.data?.kind === 'group';
// Rules, not getRowClass: they are applied again when a row's data changes.
const ROW_CLASSES: RowClassRules<Row> = {
  'sc-unavailable': (p: RowClassParams<Row>) => p.data?.kind === 'unavailable',
  'sc-selected': (p: RowClassParams<Row>) => p.data?.kind === 'kpi' && p.data.selected,
  'sc-failed': (p: RowClassParams<Row>) => p.data?.kind === 'kpi' && p.data.runFailure !== null,
};
const selectClicked = (e: RowClickedEvent<Row>) => {
  if (isKpi(e.data)) scorecardStore.getState().select(e.data.id);
};
const selectFocused = (e: CellFocusedEvent<Row>) => {
  if (e.rowIndex === null || e.rowIndex === undefined) return;
  const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
  if (isKpi(node?.data)) scorecardStore.getState().select(node.data.id);
};

type GroupRow = { kind: 'group'; id: string; title: string; count: number };
type KpiRow = {
  kind: 'kpi';
  id: string;
  kpi: WorkbookKpi;
  values: (number | null)[];
  evaluation: Evaluation | undefined;
  total: TotalFigure | undefined;
  benchmarkTip: string | null;
  benchmarkValue: string;
  failed: boolean;
  /** Why the engine could not compute it, when it could not; shown in place of its numbers. */
  runFailure: string | null;
  basis: 'thresholds' | 'target' | 'benchmark' | null;
  selected: boolean;
};
type UnavailableRow = {
  kind: 'unavailable';
  id: string;
  label: string;
  unit: string;
  missing: readonly string[];
};
type Row = GroupRow | KpiRow | UnavailableRow;

const isKpi = (r: Row | undefined): r is KpiRow => r?.kind === 'kpi';
/** Every digit of a value cell, where the cell itself shows the compact figure ($10M for 10,005,534). */
const exactTip = (p: { data?: Row; value?: unknown }): string | null =>
  isKpi(p.data) && typeof p.value === 'number' ? formatKpiExact(p.value, p.data.kpi) : null;

function GroupHeader(p: ICellRendererParams<Row>) {
  const r = p.data;
  if (r?.kind !== 'group') return null;
  return (
    <h3 className="sc-group">
      {r.title} <span className="faint">{formatCount(r.count)}</span>
    </h3>
  );
}

function KpiCell(p: ICellRendererParams<Row>) {
  const r = p.data;
  if (r === undefined || r.kind === 'group') return null;
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

const blankClass = (v: unknown) =>
  v === null || v === undefined || v === '—' ? 'cell-blank' : 'cell-number';

/**
 * The scorecard sheet: a row per KPI under full-width family headers, KRIs apart at
 * the end, unavailable catalog KPIs greyed with what they need. Comparisons first,
 * then the sparkline, then one column per period.
 */
export function ScorecardGrid() {
  const kpis = useScorecard((s) => s.kpis);
  const unavailable = useScorecard((s) => s.unavailable);
  const periods = useScorecard((s) => s.periods);
  const series = useScorecard((s) => s.series);
  const evaluations = useScorecard((s) => s.evaluations);
  const benchmarks = useScorecard((s) => s.benchmarks);
  const diagnostics = useScorecard((s) => s.diagnostics);
  const failures = useScorecard((s) => s.failures);
  const selected = useScorecard((s) => s.selectedKpi);
  const basis = useScorecard((s) => s.statusBasis);
  const totals = useScorecard((s) => s.totals);
  const range = useScorecard((s) => s.range);

  const rows = useMemo<Row[]>(() => {
    const out: Row[] = [];
    const kpiRow = (k: WorkbookKpi): KpiRow => {
      const b = benchmarks[k.id];
      return {
        kind: 'kpi',
        id: k.id,
        kpi: k,
        values: series[k.id] ?? [],
        evaluation: evaluations[k.id],
        total: totals[k.id],
        benchmarkTip: b === undefined ? null : benchmarkTooltip(b),
        benchmarkValue:
          b === undefined
            ? ''
            : b.scale === 'index'
              ? t('scorecard.benchIndex', {
                  n: b.value === undefined || b.value === null ? '' : formatNumber(b.value),
                })
              : formatKpiValue(b.value ?? b.range?.low ?? null, k),
        failed: (diagnostics[k.id] ?? []).some((d) => d.severity === 'error'),
        runFailure: failures[k.id] === undefined ? null : failureText(failures[k.id], kpis),
        basis: basis[k.id] ?? null,
        selected: k.id === selected,
      };
    };
    const off = (family: KpiFamily | 'risk') =>
      unavailable
        .filter((u) =>
          family === 'risk' ? u.kpi.kind === 'kri' : u.kpi.kind === 'kpi' && u.kpi.family === family,
        )
        .map<UnavailableRow>((u) => ({
          kind: 'unavailable',
          id: `unavailable:${u.kpi.id}`,
          label: kpiLabel(u.kpi),
          unit: unitLabel(u.kpi),
          missing: u.missing,
        }));
    const section = (key: string, title: string, items: Row[]) => {
      if (items.length === 0) return;
      out.push({ kind: 'group', id: `group:${key}`, title, count: items.length }, ...items);
    };
    for (const f of KPI_FAMILIES) {
      section(f, familyLabel(f), [
        ...kpis.filter((k) => k.kind === 'kpi' && k.family === f).map(kpiRow),
        ...off(f),
      ]);
    }
    section('kri', t('scorecard.kriGroup'), [
      ...kpis.filter((k) => k.kind === 'kri').map(kpiRow),
      ...off('risk'),
    ]);
    return out;
  }, [kpis, unavailable, series, evaluations, totals, benchmarks, diagnostics, failures, basis, selected]);

  const columns = useMemo<ColDef<Row>[]>(() => {
    const onlyKpi = (fn: (r: KpiRow) => unknown) => (p: { data?: Row }) =>
      isKpi(p.data) ? fn(p.data) : null;
    const rawOf = (r: KpiRow, field: 'target' | 'warning' | 'critical') =>
      (field === 'target' ? r.kpi.target : r.kpi.thresholds?.[field]) ?? null;
    // The cell holds the edit text (15 for 15 %); the display comes from the number.
    const editNumber = (field: 'target' | 'warning' | 'critical'): ColDef<Row> => ({
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
    });
    // A change in points reads "▼ −3.8 pp" in English but "▼ −۳٫۸ واحد درصد" in Persian.
    const changeWidth = isRtl() ? 140 : 100;
    const periodCols: ColDef<Row>[] = periods.map((p, i) => ({
      colId: `p${i}`,
      headerName: formatPeriodLabel(p.label),
      headerTooltip: `${formatDate(Date.parse(p.start))} – ${formatDate(Date.parse(p.end))}`,
      // Persian month names (اردیبهشت ۱۴۰۴) and digits run wider than 2025-05.
      width: isRtl() ? 108 : 88,
      type: 'rightAligned',
      valueGetter: onlyKpi((r) => r.values[i] ?? null),
      valueFormatter: (v) => (isKpi(v.data) ? formatKpiValue(v.value as number | null, v.data.kpi) : ''),
      tooltipValueGetter: exactTip,
      cellClass: (v) => blankClass(v.value),
    }));
    return [
      {
        colId: 'kpi',
        headerName: t('scorecard.col.kpi'),
        pinned: 'left',
        width: 236,
        cellRenderer: KpiCell,
        tooltipValueGetter: (p) => (isKpi(p.data) ? kpiDescription(p.data.kpi) || p.data.kpi.formula : null),
      },
      {
        colId: 'latest',
        headerName: t('scorecard.col.latest'),
        // Wide enough for a currency value in the tens of thousands with cents; Persian writes
        // short amounts in words (۲٫۳ میلیون دلار).
        width: isRtl() ? 128 : 104,
        type: 'rightAligned',
        valueGetter: onlyKpi((r) => r.evaluation?.value ?? null),
        valueFormatter: (p) => (isKpi(p.data) ? formatKpiValue(p.value as number | null, p.data.kpi) : ''),
        tooltipValueGetter: exactTip,
        cellClass: (p) => `${blankClass(p.value)} sc-latest`,
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
      },
      {
        colId: 'status',
        headerName: t('scorecard.col.status'),
        width: 104,
        valueGetter: onlyKpi((r) => r.evaluation?.status ?? 'none'),
        tooltipValueGetter: (p) =>
          isKpi(p.data) && p.data.basis !== null ? t(`statusBasis.${p.data.basis}`) : null,
        cellRenderer: (p: ICellRendererParams<Row>) =>
          isKpi(p.data) ? <StatusBadge status={p.data.evaluation?.status ?? 'none'} /> : null,
      },
      {
        colId: 'prev',
        headerName: t('scorecard.col.prev'),
        width: changeWidth,
        type: 'rightAligned',
        valueGetter: onlyKpi((r) => (r.evaluation ? formatChange(r.evaluation.previous, r.kpi) : null)),
        cellClass: (p) => (isKpi(p.data) && p.data.evaluation ? changeClass(p.data.evaluation.previous) : ''),
      },
      {
        colId: 'yoy',
        headerName: t('scorecard.col.yoy'),
        width: changeWidth,
        type: 'rightAligned',
        valueGetter: onlyKpi((r) => (r.evaluation ? formatChange(r.evaluation.lastYear, r.kpi) : null)),
        cellClass: (p) => (isKpi(p.data) && p.data.evaluation ? changeClass(p.data.evaluation.lastYear) : ''),
      },
      {
        colId: 'trend',
        headerName: t('scorecard.col.trend', { n: SPARK_PERIODS }),
        width: 112,
        sortable: false,
        cellRenderer: (p: ICellRendererParams<Row>) =>
          isKpi(p.data) ? (
            <Sparkline
              values={p.data.values.slice(-SPARK_PERIODS)}
              label={t('scorecard.sparkLabel', { kpi: kpiLabel(p.data.kpi) })}
            />
          ) : null,
      },
      totalColumn<Row>((r) => (isKpi(r) ? r : null), range, isRtl() ? 128 : 104),
      {
        colId: 'benchmark',
        headerName: t('scorecard.col.benchmark'),
        width: 120,
        type: 'rightAligned',
        valueGetter: onlyKpi((r) => r.benchmarkValue || null),
        tooltipValueGetter: (p) => (isKpi(p.data) ? p.data.benchmarkTip : null),
        cellRenderer: (p: ICellRendererParams<Row>) => {
          if (!isKpi(p.data) || !p.data.benchmarkValue) return null;
          const e = p.data.evaluation;
          const q = e?.benchmark.quartile;
          return (
            <span className={e ? changeClass(e.benchmark) : ''}>
              {p.data.benchmarkValue}
              {q && <span className="sc-quartile"> · {t(`quartile.${q}`)}</span>}
            </span>
          );
        },
      },
      editNumber('target'),
      {
        colId: 'vsTarget',
        headerName: t('scorecard.col.vsTarget'),
        width: changeWidth,
        type: 'rightAligned',
        valueGetter: onlyKpi((r) =>
          r.evaluation && r.kpi.target !== null ? formatChange(r.evaluation.target, r.kpi) : null,
        ),
        cellClass: (p) =>
          isKpi(p.data) && p.data.evaluation && p.data.kpi.target !== null
            ? changeClass(p.data.evaluation.target)
            : '',
      },
      editNumber('warning'),
      editNumber('critical'),
      ...periodCols,
    ];
  }, [periods, range]);

  return (
    <div className="grid-wrap sc-grid" data-testid="scorecard-grid">
      <AgGridReact<Row>
        theme={gridTheme}
        enableRtl={isRtl()}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={DEFAULT_COL}
        getRowId={rowId}
        isFullWidthRow={isGroupRow}
        fullWidthCellRenderer={GroupHeader}
        rowClassRules={ROW_CLASSES}
        tooltipShowDelay={300}
        // A few dozen period columns render at once so headers and values are all in the DOM; a
        // daily grain keeps AG Grid's column virtualisation.
        suppressColumnVirtualisation={periods.length <= 60}
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        onRowClicked={selectClicked}
        onCellFocused={selectFocused}
      />
    </div>
  );
}
