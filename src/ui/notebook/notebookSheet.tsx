import { useEffect, useState } from 'react';
import { CELL_KINDS, type CellKind } from '../../core/notebook/types';
import { t } from '../../i18n/t';
import { useData } from '../appStore';
import { CellView } from './cellView';
import { useNotebook, useNotebookStore } from './notebookApp';
import { TimeLimitField } from './timeLimitField';
import './notebook.css';

/** The notebook sheet: a toolbar and the cells, top to bottom. */
export function NotebookSheet() {
  // The notebook of the sheet shown (a NotebookProvider above says which).
  const notebookStore = useNotebookStore();
  const cells = useNotebook((s) => s.cells);
  const busy = useNotebook((s) => s.busy);
  const tableCount = useData((s) => s.tables.length);
  const [kind, setKind] = useState<CellKind>('sql');

  // A notebook nobody has run yet (the demo, a document just opened) runs when first shown,
  // all but the cells whose last run stopped: those show why and wait for Run.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rerun the check when cells arrive
  useEffect(() => {
    void notebookStore.getState().runShown();
  }, [cells.length]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && e.shiftKey && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void notebookStore.getState().runAll();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [notebookStore]);

  return (
    <div className="nb-sheet">
      <div className="nb-toolbar" role="toolbar" aria-label={t('notebook.toolbar')}>
        <button
          type="button"
          className="btn primary"
          title={t('notebook.runAllHint')}
          onClick={() => void notebookStore.getState().runAll()}
        >
          ▶ {t('notebook.runAll')}
        </button>
        <span className="nb-add">
          <select
            aria-label={t('notebook.addLabel')}
            value={kind}
            onChange={(e) => setKind(e.target.value as CellKind)}
          >
            {CELL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`notebook.kind.${k}`)}
              </option>
            ))}
          </select>
          <button type="button" className="btn" onClick={() => notebookStore.getState().addCell(kind)}>
            + {t('notebook.add')}
          </button>
        </span>
        {busy && (
          <>
            <span className="nb-muted" role="status">
              {t('notebook.running')}
            </span>
            <button
              type="button"
              className="btn small nb-cancel-all"
              title={t('notebook.cancelAllHint')}
              onClick={() => notebookStore.getState().cancelAll()}
            >
              ■ {t('notebook.cancel')}
            </button>
          </>
        )}
        <TimeLimitField />
      </div>
      {tableCount === 0 && <p className="nb-muted nb-empty">{t('notebook.noData')}</p>}
      {cells.length === 0 && tableCount > 0 && <p className="nb-muted nb-empty">{t('notebook.empty')}</p>}
      <div className="nb-cells">
        {cells.map((c, i) => (
          <CellView key={c.id} cell={c} index={i} count={cells.length} />
        ))}
      </div>
    </div>
  );
}
