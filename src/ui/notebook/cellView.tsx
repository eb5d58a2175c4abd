import { useMemo, useState } from 'react';
import { configString } from '../../core/notebook/config';
import type { NotebookMessage } from '../../core/notebook/messages';
import type { NotebookCell } from '../../core/notebook/types';
import { notebookMessagesText, notebookMessageText } from '../../i18n/notebookMessages';
import { t } from '../../i18n/t';
import { type CellRun, idleRun } from '../../state/cellRuns';
import { notebookKpis } from '../appRoot';
import { useData } from '../appStore';
import { CellOutput } from './cellOutput';
import { CellSettings, hasSettings } from './cellSettings';
import { InputEditor } from './inputEditor';
import { MarkdownView } from './markdownView';
import { useNotebook, useNotebookStore } from './notebookApp';
import { SqlEditor } from './sqlEditor';

const EMPTY_RUN: CellRun = idleRun();

function NameField({ cell }: { cell: NotebookCell }) {
  const notebookStore = useNotebookStore();
  const [problem, setProblem] = useState<NotebookMessage | null>(null);
  return (
    <span className="nb-name">
      <input
        key={cell.name}
        aria-label={t('notebook.cellName')}
        defaultValue={cell.name}
        spellCheck={false}
        style={{ width: `${Math.max(12, cell.name.length + 2)}ch` }}
        aria-invalid={problem !== null}
        title={problem === null ? undefined : notebookMessageText(problem)}
        onBlur={(e) => {
          const p = notebookStore.getState().renameCell(cell.id, e.target.value.trim());
          setProblem(p);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            e.currentTarget.value = cell.name;
            setProblem(null);
            e.currentTarget.blur();
          }
        }}
      />
      {problem !== null && (
        <span className="nb-name-problem" role="alert">
          {notebookMessageText(problem)}
        </span>
      )}
    </span>
  );
}

/** Table and SQL-cell view names with their columns, for the SQL editor's completion. */
function useCompletionSchema(): Record<string, string[]> {
  const tables = useData((s) => s.tables);
  const cells = useNotebook((s) => s.cells);
  const runs = useNotebook((s) => s.runs);
  return useMemo(() => {
    const out: Record<string, string[]> = {};
    for (const tb of tables) out[tb.name] = tb.columns.map((c) => c.name);
    for (const c of cells)
      if (c.kind === 'sql') out[c.name] = runs[c.id]?.result?.columns.map((x) => x.name) ?? [];
    return out;
  }, [tables, cells, runs]);
}

const KPI_IDS = [...notebookKpis.keys()];

export function CellView({ cell, index, count }: { cell: NotebookCell; index: number; count: number }) {
  const run = useNotebook((s) => s.runs[cell.id]) ?? EMPTY_RUN;
  const [editing, setEditing] = useState(cell.source.trim() === '');
  const schema = useCompletionSchema();
  const nb = useNotebookStore().getState();
  const runThis = () => void nb.runCell(cell.id);
  const error =
    run.error === null
      ? null
      : {
          // A failed run has its problems, written in the language shown; `error` is their English.
          text: run.problems.length > 0 ? notebookMessagesText(run.problems) : run.error,
          at: run.errorAt,
        };
  const showStatus = cell.kind !== 'markdown';

  return (
    <section
      className={`nb-cell nb-${cell.kind}`}
      aria-label={cell.name}
      data-cell-id={cell.id}
      data-cell-name={cell.name}
      data-kind={cell.kind}
      data-status={run.status}
      data-runs={run.runs}
    >
      <header className="nb-cell-head">
        <span className="nb-kind">{t(`notebook.kind.${cell.kind}`)}</span>
        <NameField cell={cell} />
        {showStatus && (
          <span className={`nb-badge ${run.status}`}>
            {run.status === 'error' ? '⚠ ' : run.status === 'stale' ? '◌ ' : ''}
            {t(`notebook.status.${run.status}`)}
          </span>
        )}
        {showStatus && run.status === 'ok' && run.ms !== null && (
          <span className="nb-ms">{t('notebook.ms', { ms: run.ms })}</span>
        )}
        <span className="nb-actions">
          {cell.kind === 'markdown' ? (
            <button type="button" className="btn ghost small" onClick={() => setEditing((x) => !x)}>
              {editing ? t('notebook.done') : t('notebook.edit')}
            </button>
          ) : run.status === 'running' || run.status === 'queued' ? (
            <button
              type="button"
              className="btn small nb-cancel"
              title={t('notebook.cancelHint')}
              onClick={() => nb.cancelCell(cell.id)}
            >
              ■ {t('notebook.cancel')}
            </button>
          ) : (
            <button type="button" className="btn small" title={t('notebook.runHint')} onClick={runThis}>
              ▶ {t('notebook.run')}
            </button>
          )}
          <button
            type="button"
            className="btn ghost small"
            aria-label={t('notebook.moveUp')}
            title={t('notebook.moveUp')}
            disabled={index === 0}
            onClick={() => nb.moveCell(cell.id, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn ghost small"
            aria-label={t('notebook.moveDown')}
            title={t('notebook.moveDown')}
            disabled={index === count - 1}
            onClick={() => nb.moveCell(cell.id, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="btn ghost small"
            aria-label={t('notebook.delete')}
            title={t('notebook.delete')}
            onClick={() => void nb.removeCell(cell.id)}
          >
            ✕
          </button>
        </span>
      </header>

      {cell.kind === 'markdown' &&
        (editing ? (
          <textarea
            className="nb-md-editor"
            dir="auto"
            aria-label={cell.name}
            defaultValue={cell.source}
            rows={Math.max(3, cell.source.split('\n').length + 1)}
            onChange={(e) => nb.setSource(cell.id, e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && e.shiftKey) {
                e.preventDefault();
                setEditing(false);
              }
            }}
          />
        ) : (
          // biome-ignore lint/a11y/noStaticElementInteractions: double-click to edit is a shortcut; the Edit button is the accessible way
          <div onDoubleClick={() => setEditing(true)}>
            <MarkdownView source={cell.source} />
          </div>
        ))}
      {cell.kind === 'sql' && (
        <SqlEditor
          label={cell.name}
          value={cell.source}
          onChange={(v) => nb.setSource(cell.id, v)}
          onRun={runThis}
          schema={schema}
          kpis={KPI_IDS}
          error={error}
          busy={run.status === 'queued' || run.status === 'running'}
        />
      )}
      {cell.kind === 'input' && <InputEditor cell={cell} onChange={(p) => nb.setConfig(cell.id, p)} />}
      {hasSettings(cell.kind) && (
        <CellSettings
          cell={cell}
          onChange={(p) => nb.setConfig(cell.id, p)}
          columns={schema[configString(cell.config, 'table', '')] ?? []}
          problems={run.problems}
        />
      )}

      {error !== null && (
        <div className="nb-error" role="alert">
          <strong>{error.text}</strong>
          {error.at !== null && (
            <span className="nb-error-at">
              {t('notebook.errorAt', { line: error.at.line, column: error.at.column })}
            </span>
          )}
        </div>
      )}
      {run.result !== null && run.status !== 'error' && (
        <div className={`nb-output${run.status === 'stale' ? ' stale' : ''}`}>
          {run.result.rows.length === 0 ? (
            <p className="nb-muted">{t('notebook.noRows')}</p>
          ) : (
            <CellOutput cell={cell} result={run.result} />
          )}
          {cell.kind === 'sql' && (
            <p className="nb-muted">
              {run.truncated
                ? t('notebook.truncated', { count: run.result.rows.length })
                : t('notebook.rows', { count: run.result.rows.length })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
