import { useCallback, useState } from 'react';
import { engineStoppedText } from '../i18n/engineTrouble';
import { formatCount } from '../i18n/format';
import { t } from '../i18n/t';
import { useData } from './appStore';
import { DataGrid } from './dataGrid';
import { EmptyState } from './emptyState';
import { TableExportMenu } from './export/tableExportMenu';
import { useFirstLoad } from './firstLoad';
import { ErrorIcon } from './icons';
import { LoadingState } from './loadingState';
import { MappingNotice } from './mapping/mappingNotice';
import { TableProblems } from './tableProblems';

/** The "Data" sheet: the selected table's rows, with what went wrong reading it on top. */
export function DataSheet() {
  const tables = useData((s) => s.tables);
  const jobs = useData((s) => s.jobs);
  const selected = useData((s) => s.selectedTable);
  const versions = useData((s) => s.versions);
  const loading = useFirstLoad((s) => s.load !== null);
  const table = tables.find((x) => x.name === selected) ?? null;
  const [count, setCount] = useState<{ table: string; n: number | null; error: string | null } | null>(null);
  const name = table?.name ?? '';
  const onCount = useCallback(
    (n: number | null, error: string | null) => setCount({ table: name, n, error }),
    [name],
  );

  if (!table) {
    if (tables.length === 0 && loading) return <LoadingState />;
    if (tables.length === 0 && jobs.length === 0) return <EmptyState />;
    return <p className="placeholder">{t('grid.noTable')}</p>;
  }
  const shown = count?.table === table.name ? count : null;
  return (
    <>
      <div className="sheet-header">
        <h2>{table.name}</h2>
        <span className="meta">
          {t('data.rows', { count: table.rows })} · {t('data.columns', { count: table.columns.length })} ·{' '}
          {table.sourceName}
        </span>
        {shown?.n != null && shown.n !== table.rows && (
          <span className="meta" data-filtered-count={shown.n}>
            {t('grid.filtered', { shown: formatCount(shown.n), total: formatCount(table.rows) })}
          </span>
        )}
        <TableExportMenu table={table} />
      </div>
      <MappingNotice table={table} />
      <TableProblems table={table} />
      {shown?.error && (
        <div className="banner warn" role="alert">
          <ErrorIcon />
          {/* A stopped tab engine is said in the page's language, as everywhere else. */}
          {engineStoppedText(shown.error) ?? t('grid.queryFailed', { message: shown.error })}
        </div>
      )}
      <DataGrid key={`${table.name}:${versions[table.name] ?? 0}`} table={table} onCount={onCount} />
    </>
  );
}
