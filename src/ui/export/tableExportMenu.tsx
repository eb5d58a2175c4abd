import { useState } from 'react';
import { t } from '../../i18n/t';
import { firstNumber } from '../../state/arrowRows';
import type { TableEntry } from '../../state/dataStore';
import { gridQueryOn } from '../../state/gridPages';
import { dataStore } from '../appRoot';
import { ExportMenu } from './exportMenu';
import { gridViewOf, isFiltered } from './gridView';
import { exportTable } from './tableExports';

/** Export of the data sheet's table: the grid's filtered, sorted rows, every one of them. */
export function TableExportMenu({ table }: { table: TableEntry }) {
  const [note, setNote] = useState<string>(t('export.all', { count: table.rows }));
  const onOpen = () => {
    const view = gridViewOf(table.name);
    if (!isFiltered(view)) {
      setNote(t('export.all', { count: table.rows }));
      return;
    }
    void (async () => {
      const engine = await dataStore.getState().engine();
      const { countSql } = gridQueryOn(engine, {
        table: table.name,
        columns: table.columns.map((c) => c.name),
        ...view,
        offset: 0,
        limit: 0,
      });
      setNote(t('export.filtered', { count: firstNumber(await engine.query(countSql), 'n') }));
    })();
  };
  return (
    <ExportMenu
      what={table.name}
      note={note}
      onOpen={onOpen}
      choices={[
        {
          id: 'csv',
          label: t('export.csv'),
          hint: t('export.csvHint'),
          run: () => exportTable(table, 'csv'),
        },
        {
          id: 'xlsx',
          label: t('export.xlsx'),
          hint: t('export.xlsxHint'),
          run: () => exportTable(table, 'xlsx'),
        },
        {
          id: 'parquet',
          label: t('export.parquet'),
          hint: t('export.parquetHint'),
          run: () => exportTable(table, 'parquet'),
        },
      ]}
    />
  );
}
