import {
  AllCommunityModule,
  type CellClickedEvent,
  type ColDef,
  type IDatasource,
  type IGetRowsParams,
  type IOverlayComp,
  ModuleRegistry,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isCodeColumn } from '../core/ingest/codeColumn';
import type { GridFilterModel } from '../core/sql/gridQuery';
import { formatCount, formatValue } from '../i18n/format';
import { isRtl } from '../i18n/locale';
import { t } from '../i18n/t';
import type { Row } from '../state/arrowRows';
import type { TableEntry } from '../state/dataStore';
import { tablePages } from '../state/gridPages';
import { dataStore } from './appRoot';
import { useData } from './appStore';
import { useGridMount } from './dataGridMount';
import { rememberGridView } from './export/gridView';
import { gridTheme } from './gridTheme';
import { holdLongJumps } from './scrollJumps';

ModuleRegistry.registerModules([AllCommunityModule]);

const PAGE = 200;
// No rows are drawn beyond the edges. Where a scrollbar drag lands every row is drawn
// afresh in one frame, and with even a few buffer rows that frame took over 50 ms on a
// 2-core machine. The cost: a fast wheel may show the newly exposed strip blank for a
// frame, and a page's first rows may show empty for a frame before the page read ahead
// (gridPages) fills them.
const ROW_BUFFER = 0;
const ROW_NUMBER = '__row_number';

const FILTERS = {
  number: 'agNumberColumnFilter',
  date: 'agDateColumnFilter',
  timestamp: 'agDateColumnFilter',
};

// Grid options are compared by identity on every render: a fresh object would make
// AG Grid rebuild its columns, and so every cell, whenever the sheet re-renders.
const DEFAULT_COL_DEF: ColDef<Row> = { sortable: true, resizable: true, minWidth: 70 };
const HOST_STYLE = { height: '100%', width: '100%' };

/** The empty grid's message as an element with text: AG Grid parses an overlay *template* string as HTML. */
class NoRowsOverlay implements IOverlayComp {
  private readonly gui = document.createElement('span');
  init() {
    this.gui.textContent = t('grid.noRows');
  }
  getGui() {
    return this.gui;
  }
}

function columnDefs(table: TableEntry): ColDef<Row>[] {
  const rowNumber: ColDef<Row> = {
    colId: ROW_NUMBER,
    headerName: '',
    valueGetter: (p) => (p.node?.rowIndex == null ? null : p.node.rowIndex + 1),
    valueFormatter: (p) => (p.value == null ? '' : formatCount(Number(p.value))),
    // Wide enough for the last row's number ("100,000,000" at 100M rows), about 8 px a digit.
    width: Math.max(70, 24 + 8 * formatCount(table.rows).length),
    // At the start of the reading line: AG Grid keeps a pinned side where it is in RTL too.
    pinned: isRtl() ? 'right' : 'left',
    sortable: false,
    filter: false,
    resizable: false,
    suppressMovable: true,
    cellClass: 'row-number',
  };
  return [
    rowNumber,
    ...table.columns.map((c): ColDef<Row> => {
      const numeric = c.kind === 'number';
      const code = isCodeColumn(c.name);
      return {
        field: c.name,
        headerName: c.name,
        headerTooltip: `${c.name} (${c.sqlType})`,
        filter: FILTERS[c.kind as keyof typeof FILTERS] ?? 'agTextColumnFilter',
        filterParams: { buttons: ['reset'], maxNumConditions: 2 },
        type: numeric ? 'rightAligned' : undefined,
        // A narrow table grows to fill the grid; a wide one keeps these widths and scrolls.
        minWidth: numeric ? 120 : c.kind === 'date' ? 120 : 150,
        flex: 1,
        // Rows not fetched yet have no data: leave them empty rather than show a blank mark.
        valueFormatter: (p: ValueFormatterParams<Row>) => (p.data ? formatValue(p.value, c.kind, code) : ''),
        cellClass: numeric ? 'cell-number' : undefined,
        cellClassRules: { 'cell-blank': (p) => !!p.data && p.value == null },
      };
    }),
  ];
}

interface Props {
  table: TableEntry;
  onCount(count: number | null, error: string | null): void;
}

/**
 * The rows of one table, fetched a page at a time with sort and filter done by the
 * engine, so the browser only ever holds what is on screen.
 */
export function DataGrid({ table, onCount }: Props) {
  const defs = useMemo(() => columnDefs(table), [table]);
  // Rows matching the view as last counted (at first, the table's). AG Grid starts its row
  // cache with this many rows, at first and after each sort or filter change: left at its
  // default of 1, the scrollbar vanished and came back a screen short while the rows were
  // already showing, so a drag to the end begun then stopped short of the last row.
  const [counted, setCounted] = useState({ table, rows: table.rows });
  const knownRows = Math.max(1, counted.table === table ? counted.rows : table.rows);
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => (wrap.current ? holdLongJumps(wrap.current) : undefined), []);

  const selectedColumn = useData((s) => (s.selectedTable === table.name ? s.selectedColumn : null));
  // The table's contents token: new contents bring new pages, and the old ones drop what they held.
  const contents = useData((s) => s.dataIds[table.name]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: contents is what makes old pages stale
  const pages = useMemo(() => tablePages(table, () => dataStore.getState().engine()), [table, contents]);
  useEffect(() => () => pages.close(), [pages]);
  const datasource = useMemo<IDatasource>(() => {
    let shown: number | null = null;
    return {
      getRows(params: IGetRowsParams<Row>) {
        const sort = params.sortModel.map((s) => ({ column: s.colId, direction: s.sort }));
        const filter = params.filterModel as GridFilterModel;
        // An export writes what the grid shows: its sort and filters over every matching row.
        rememberGridView(table.name, { sort, filter });
        pages.get({ startRow: params.startRow, endRow: params.endRow, sort, filter }).then(
          ({ rows, total }) => {
            params.successCallback(rows, total);
            // Told only when it changes: each call re-renders the sheet around the grid.
            if (total !== shown) {
              onCount(total, null);
              setCounted({ table, rows: total });
            }
            shown = total;
          },
          (e: unknown) => {
            params.failCallback();
            shown = null;
            onCount(null, e instanceof Error ? e.message : String(e));
          },
        );
      },
    };
  }, [table, pages, onCount]);
  const onCellClicked = useCallback(
    (e: CellClickedEvent<Row>) => {
      const id = e.column.getColId();
      if (id !== ROW_NUMBER) dataStore.getState().selectColumn(table.name, id);
    },
    [table.name],
  );

  const host = useRef<HTMLDivElement>(null);
  const api = useGridMount<Row>(host, {
    theme: gridTheme,
    enableRtl: isRtl(),
    columnDefs: defs,
    rowModelType: 'infinite',
    infiniteInitialRowCount: knownRows,
    datasource,
    cacheBlockSize: PAGE,
    maxBlocksInCache: 50,
    suppressFieldDotNotation: true,
    defaultColDef: DEFAULT_COL_DEF,
    noRowsOverlayComponent: NoRowsOverlay,
    rowBuffer: ROW_BUFFER,
    onCellClicked,
    maxConcurrentDatasourceRequests: 1,
  });
  // A column picked in the Data panel is brought into view, so the profile and the values sit side by side.
  useEffect(() => {
    if (api && selectedColumn) api.ensureColumnVisible(selectedColumn, 'auto');
  }, [api, selectedColumn]);

  return (
    <div ref={wrap} className="grid-wrap" data-grid-table={table.name}>
      <div ref={host} style={HOST_STYLE} />
    </div>
  );
}
