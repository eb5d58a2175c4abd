import {
  AllCommunityModule,
  type ColDef,
  type GridApi,
  type IDatasource,
  type IGetRowsParams,
  ModuleRegistry,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useState } from 'react';
import { buildGridQuery, type GridFilterModel } from '../core/sql/gridQuery';
import { formatCount, formatValue } from '../i18n/format';
import { isRtl } from '../i18n/locale';
import { t } from '../i18n/t';
import { arrowToRows, firstNumber, type Row } from '../state/arrowRows';
import type { TableEntry } from '../state/dataStore';
import { dataStore, useData } from './appStore';
import { rememberGridView } from './export/gridView';
import { gridTheme } from './gridTheme';

ModuleRegistry.registerModules([AllCommunityModule]);

const PAGE = 200;
const ROW_NUMBER = '__row_number';

const FILTERS = {
  number: 'agNumberColumnFilter',
  date: 'agDateColumnFilter',
  timestamp: 'agDateColumnFilter',
};

function columnDefs(table: TableEntry): ColDef<Row>[] {
  const rowNumber: ColDef<Row> = {
    colId: ROW_NUMBER,
    headerName: '',
    valueGetter: (p) => (p.node?.rowIndex == null ? null : p.node.rowIndex + 1),
    valueFormatter: (p) => (p.value == null ? '' : formatCount(Number(p.value))),
    width: 70,
    pinned: 'left',
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
        valueFormatter: (p: ValueFormatterParams<Row>) => (p.data ? formatValue(p.value, c.kind) : ''),
        cellClassRules: {
          'cell-blank': (p) => !!p.data && p.value == null,
          'cell-number': () => numeric,
        },
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
  const [api, setApi] = useState<GridApi<Row> | null>(null);

  const selectedColumn = useData((s) => (s.selectedTable === table.name ? s.selectedColumn : null));
  // A column picked in the Data panel is brought into view, so the profile and the values sit side by side.
  useEffect(() => {
    if (api && selectedColumn) api.ensureColumnVisible(selectedColumn, 'auto');
  }, [api, selectedColumn]);
  const datasource = useMemo<IDatasource>(() => {
    const counts = new Map<string, number>();
    const columns = table.columns.map((c) => c.name);
    return {
      getRows(params: IGetRowsParams<Row>) {
        const sort = params.sortModel.map((s) => ({ column: s.colId, direction: s.sort }));
        const filter = params.filterModel as GridFilterModel;
        // An export writes what the grid shows: its sort and filters over every matching row.
        rememberGridView(table.name, { sort, filter });
        const q = buildGridQuery({
          table: table.name,
          columns,
          sort,
          filter,
          textColumns: table.columns.filter((c) => c.kind === 'text').map((c) => c.name),
          offset: params.startRow,
          limit: params.endRow - params.startRow,
        });
        void (async () => {
          try {
            const engine = await dataStore.getState().engine();
            const page = arrowToRows(await engine.query(q.sql)).rows;
            let total = counts.get(q.countSql);
            if (total === undefined) {
              total = firstNumber(await engine.query(q.countSql), 'n');
              counts.set(q.countSql, total);
            }
            params.successCallback(page, total);
            onCount(total, null);
          } catch (e) {
            params.failCallback();
            onCount(null, e instanceof Error ? e.message : String(e));
          }
        })();
      },
    };
  }, [table, onCount]);

  return (
    <div className="grid-wrap" data-grid-table={table.name}>
      <AgGridReact<Row>
        theme={gridTheme}
        enableRtl={isRtl()}
        containerStyle={{ height: '100%', width: '100%' }}
        columnDefs={defs}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={PAGE}
        maxBlocksInCache={50}
        suppressFieldDotNotation
        defaultColDef={{ sortable: true, resizable: true, minWidth: 70 }}
        overlayNoRowsTemplate={`<span>${t('grid.noRows')}</span>`}
        rowBuffer={20}
        onGridReady={(e) => setApi(e.api)}
        onCellClicked={(e) => {
          const id = e.column.getColId();
          if (id !== ROW_NUMBER) dataStore.getState().selectColumn(table.name, id);
        }}
        maxConcurrentDatasourceRequests={1}
      />
    </div>
  );
}
