import { AllCommunityModule, type ColDef, ModuleRegistry } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { ResultTable, ResultValue } from '../../core/notebook/types';
import { formatValue } from '../../i18n/format';
import { gridTheme } from '../gridTheme';

ModuleRegistry.registerModules([AllCommunityModule]);

type Row = Record<string, ResultValue>;

/** A cell's rows in AG Grid: numbers right-aligned, dates as dates, blanks as a dash. */
export function ResultGrid({ result }: { result: ResultTable }) {
  const columns = useMemo<ColDef<Row>[]>(
    () =>
      result.columns.map((c) => ({
        field: c.name,
        headerName: c.name,
        type: c.kind === 'number' ? 'rightAligned' : undefined,
        valueFormatter: (p) => formatValue(p.value, c.kind),
        sortable: true,
        resizable: true,
        minWidth: 90,
        flex: 1,
      })),
    [result.columns],
  );
  const height = Math.min(360, 34 + Math.max(1, result.rows.length) * 28 + 2);
  return (
    <div className="nb-grid" style={{ height }}>
      <AgGridReact<Row>
        theme={gridTheme}
        rowData={result.rows}
        columnDefs={columns}
        suppressCellFocus
        suppressMovableColumns
      />
    </div>
  );
}
