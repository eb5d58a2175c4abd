import {
  AllCommunityModule,
  type CellFocusedEvent,
  type ColDef,
  type GetRowIdParams,
  type ICellRendererParams,
  type IsFullWidthRowParams,
  ModuleRegistry,
  type RowClassParams,
  type RowClassRules,
  type RowClickedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../i18n/format';
import { isRtl } from '../../i18n/locale';
import { mappingStore, scorecardStore } from '../appRoot';
import { gridTheme } from '../gridTheme';
import { useMapping } from '../mapping/mappingApp';
import { useScorecard } from './scorecardApp';
import { scorecardColumns } from './scorecardColumns';
import { isKpi, type Row, scorecardRows } from './scorecardRows';
import { type ColumnSet, useScorecardView } from './scorecardView';
import { FoldLine } from './unavailableFold';

ModuleRegistry.registerModules([AllCommunityModule]);

// Grid options kept out of render: a new object or function each render makes AG Grid
// rebuild its columns, which costs more than the update itself on every store change.
const DEFAULT_COL: ColDef<Row> = { sortable: false, resizable: true, suppressMovable: true };
const rowId = (p: GetRowIdParams<Row>) => p.data.id;
const isFullWidth = (p: IsFullWidthRowParams<Row>) =>
  p.rowNode.data?.kind === 'group' || p.rowNode.data?.kind === 'fold';
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

function FullWidthRow(p: ICellRendererParams<Row>) {
  const r = p.data;
  if (r?.kind === 'fold') return <FoldLine row={r} />;
  if (r?.kind !== 'group') return null;
  return (
    <h3 className="sc-group">
      {r.title} <span className="faint">{formatCount(r.count)}</span>
    </h3>
  );
}

/**
 * The scorecard sheet: a row per KPI under full-width family headers, KRIs apart at
 * the end, then the KPIs the data cannot compute folded into a line per family. The
 * columns come from the scorecard's column list (scorecardColumns.tsx).
 */
export function ScorecardGrid() {
  // One object of the parts the rows are made of, new only when one of them changes.
  const parts = useScorecard(
    useShallow((s) => ({
      kpis: s.kpis,
      unavailable: s.unavailable,
      series: s.series,
      evaluations: s.evaluations,
      benchmarks: s.benchmarks,
      diagnostics: s.diagnostics,
      failures: s.failures,
      statusBasis: s.statusBasis,
      totals: s.totals,
      toDate: s.toDate,
      selected: s.selectedKpi,
    })),
  );
  const periods = useScorecard((s) => s.periods);
  const range = useScorecard((s) => s.range);
  const open = useScorecardView((s) => s.open);
  const shown = useScorecardView((s) => s.shown);
  const views = useMapping((s) => s.viewsVersion);

  const rows = useMemo<Row[]>(() => {
    // Which tables the scorecard sees (mapped ones by their canonical names) changes with the
    // loaded tables, which recompute `unavailable`, and with the mapped views.
    void views;
    const presentTables = new Set(
      mappingStore
        .getState()
        .scorecardTables()
        .map((x) => x.name),
    );
    return scorecardRows({ ...parts, presentTables, open: new Set(open) });
  }, [parts, open, views]);

  const columns = useMemo<ColDef<Row>[]>(() => {
    const sets = new Set<ColumnSet>(['glance']);
    if (shown.targets) sets.add('targets');
    if (shown.periods) sets.add('periods');
    return scorecardColumns({ periods, range, toDate: parts.toDate }, sets);
  }, [periods, range, shown, parts.toDate]);

  return (
    <div className="grid-wrap sc-grid" data-testid="scorecard-grid">
      <AgGridReact<Row>
        theme={gridTheme}
        enableRtl={isRtl()}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={DEFAULT_COL}
        getRowId={rowId}
        isFullWidthRow={isFullWidth}
        fullWidthCellRenderer={FullWidthRow}
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
