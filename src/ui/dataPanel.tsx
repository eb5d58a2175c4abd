import { useState } from 'react';
import { t } from '../i18n/t';
import type { TableEntry } from '../state/dataStore';
import { dataStore, tableRemoval } from './appRoot';
import { useData } from './appStore';
import { useFirstLoad } from './firstLoad';
import { ChevronIcon, ServerIcon, TrashIcon, WarnIcon } from './icons';
import { ImportJobs } from './importJobs';
import { KindIcon, kindLabel } from './kindIcon';
import { loadingText } from './loadingState';

/** The left panel: every loaded table with its row count, each opening onto its columns. */
export function DataPanel() {
  const tables = useData((s) => s.tables);
  const selectedTable = useData((s) => s.selectedTable);
  const selectedColumn = useData((s) => s.selectedColumn);
  const load = useFirstLoad((s) => s.load);
  const jobs = useData((s) => s.jobs.length);
  const [open, setOpen] = useState<Record<string, boolean>>({});

  return (
    <nav className="left" aria-label={t('data.heading')}>
      <div className="panel-heading">
        <span>{t('data.heading')}</span>
      </div>
      <ImportJobs />
      {tables.length === 0 ? (
        // The files being read are listed above; "no tables yet" would be untrue meanwhile.
        jobs === 0 && <p className="placeholder">{load === null ? t('data.none') : loadingText(load)}</p>
      ) : (
        <ul className="table-list">
          {tables.map((table) => (
            <TableItem
              key={table.name}
              table={table}
              expanded={open[table.name] ?? table.name === selectedTable}
              selected={table.name === selectedTable}
              selectedColumn={table.name === selectedTable ? selectedColumn : null}
              onToggle={(v) => setOpen((o) => ({ ...o, [table.name]: v }))}
            />
          ))}
        </ul>
      )}
    </nav>
  );
}

interface ItemProps {
  table: TableEntry;
  expanded: boolean;
  selected: boolean;
  selectedColumn: string | null;
  onToggle(expanded: boolean): void;
}

function TableItem({ table, expanded, selected, selectedColumn, onToggle }: ItemProps) {
  const rows = t('data.rows', { count: table.rows });
  const listId = `columns-${encodeURIComponent(table.name)}`;
  return (
    <li data-table={table.name}>
      <div className={`table-row ${selected ? 'selected' : ''}`}>
        <button
          type="button"
          className="disclosure"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-label={
            expanded ? t('data.collapse', { table: table.name }) : t('data.expand', { table: table.name })
          }
          onClick={() => onToggle(!expanded)}
        >
          <ChevronIcon className="icon" />
        </button>
        <button
          type="button"
          className="table-name"
          aria-current={selected ? 'true' : undefined}
          onClick={() => {
            dataStore.getState().selectTable(table.name);
            onToggle(true);
          }}
        >
          <span className="name" title={table.name}>
            {table.name}
          </span>
          {table.problems.count > 0 && (
            <span
              className="warn-dot"
              role="img"
              aria-label={t('data.problemsBadge', { count: table.problems.count })}
              title={t('data.problemsBadge', { count: table.problems.count })}
            >
              <WarnIcon />
            </span>
          )}
          {table.served !== undefined && (
            <span
              className="served-badge"
              // A dropped file's copy on the server has a private name: the user knows its own.
              title={t('data.servedTitle', { path: table.dropped ? table.sourceName : table.served })}
            >
              {/* An icon, not words: in a 200 px panel the words left the table's name no room. */}
              <ServerIcon />
              <span className="visually-hidden">{t('data.served')}</span>
            </span>
          )}
          <span className="count" data-rows={table.rows}>
            {rows}
          </span>
        </button>
        <button
          type="button"
          className="remove-table"
          aria-label={t('tables.removeLabel', { table: table.name })}
          title={t('tables.removeLabel', { table: table.name })}
          onClick={() => void tableRemoval.getState().remove(table.name)}
        >
          <TrashIcon />
        </button>
      </div>
      {expanded && (
        <ul className="column-list" id={listId}>
          {table.columns.map((c) => (
            <li key={c.name}>
              <button
                type="button"
                className="column-item"
                aria-pressed={selectedColumn === c.name}
                aria-label={`${c.name} (${kindLabel(c.kind)})`}
                data-column={c.name}
                title={`${c.name} · ${kindLabel(c.kind)} (${c.sqlType})`}
                onClick={() => dataStore.getState().selectColumn(table.name, c.name)}
              >
                <KindIcon kind={c.kind} />
                <span className="name">{c.name}</span>
                <span className="type">{kindLabel(c.kind)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
