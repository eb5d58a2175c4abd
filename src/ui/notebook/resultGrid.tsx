import { AllCommunityModule, type ColDef, ModuleRegistry } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { isCodeColumn } from '../../core/ingest/codeColumn';
import type { ResultTable, ResultValue } from '../../core/notebook/types';
import { compareText, formatValue } from '../../i18n/format';
import { isRtl } from '../../i18n/locale';
import { gridTheme } from '../gridTheme';

ModuleRegistry.registerModules([AllCommunityModule]);

export type Row = Record<string, ResultValue>;

/**
 * A cell's rows in AG Grid: numbers right-aligned, dates as dates, blanks as a dash.
 * `pinnedBottom` rows (a pivot's totals) stay under the rows; `headers` renames columns
 * for display.
 */
export function ResultGrid({
  result,
  pinnedBottom,
  headers = {},
}: {
  result: ResultTable;
  pinnedBottom?: Row[];
  headers?: Readonly<Record<string, string>>;
}) {
  const columns = useMemo<ColDef<Row>[]>(
    () =>
      result.columns.map((c) => ({
        field: c.name,
        headerName: headers[c.name] ?? c.name,
        // A header cut short by a narrow column still tells its whole name on hover.
        headerTooltip: c.name,
        type: c.kind === 'number' ? 'rightAligned' : undefined,
        valueFormatter: (p) => formatValue(p.value, c.kind, isCodeColumn(c.name)),
        // Text sorts as the language reads it (Persian order, ي/ك with ی/ک), not by code point.
        comparator:
          c.kind === 'text'
            ? (a: ResultValue, b: ResultValue) =>
                a === null || b === null
                  ? (a === null ? 1 : 0) - (b === null ? 1 : 0)
                  : compareText(String(a), String(b))
            : undefined,
        sortable: true,
        resizable: true,
        minWidth: 90,
        flex: 1,
      })),
    [result.columns, headers],
  );
  const rows = result.rows.length + (pinnedBottom?.length ?? 0);
  const height = Math.min(360, 34 + Math.max(1, rows) * 28 + 2);
  return (
    <div className="nb-grid" style={{ height }}>
      <AgGridReact<Row>
        theme={gridTheme}
        enableRtl={isRtl()}
        rowData={result.rows}
        pinnedBottomRowData={pinnedBottom}
        columnDefs={columns}
        suppressCellFocus
        suppressMovableColumns
      />
    </div>
  );
}
