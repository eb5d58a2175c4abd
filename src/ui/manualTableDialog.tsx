import { useId, useState } from 'react';
import { t } from '../i18n/t';
import { dataStore } from './appRoot';
import { Dialog, DialogActions } from './dialog';
import { CloseIcon, PlusIcon } from './icons';

const START_COLUMNS = 3;
const START_ROWS = 4;

function defaultHeader(i: number): string {
  return t('manual.defaultColumn', { index: String(i + 1) });
}

/**
 * A small grid for numbers typed by hand (survey tallies, follower counts, targets).
 * Saving turns it into tab-separated text and loads it like a pasted table, so its
 * column types are found exactly as for a file.
 */
export function ManualTableDialog({ onClose }: { onClose(): void }) {
  const [name, setName] = useState('');
  const [header, setHeader] = useState<string[]>(() =>
    Array.from({ length: START_COLUMNS }, (_, i) => defaultHeader(i)),
  );
  const [rows, setRows] = useState<string[][]>(() =>
    Array.from({ length: START_ROWS }, () => Array<string>(START_COLUMNS).fill('')),
  );
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();

  const setCell = (r: number, c: number, v: string) =>
    setRows((rs) => rs.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row)));
  const addRow = () => setRows((rs) => [...rs, Array<string>(header.length).fill('')]);
  const addColumn = () => {
    setHeader((h) => [...h, defaultHeader(h.length)]);
    setRows((rs) => rs.map((r) => [...r, '']));
  };
  const removeRow = (r: number) => setRows((rs) => rs.filter((_, i) => i !== r));

  const save = () => {
    if (name.trim() === '') {
      setError(t('manual.needsName'));
      return;
    }
    const filled = rows.filter((r) => r.some((v) => v.trim() !== ''));
    if (filled.length === 0) {
      setError(t('manual.needsData'));
      return;
    }
    const names = header.map((h, i) => h.trim() || defaultHeader(i));
    void dataStore.getState().createManualTable(name, names, filled);
    onClose();
  };

  return (
    <Dialog
      title={t('manual.title')}
      onClose={onClose}
      footer={
        <DialogActions
          error={error}
          cancelLabel={t('manual.cancel')}
          submitLabel={t('manual.save')}
          onCancel={onClose}
          onSubmit={save}
        />
      }
    >
      <p>{t('manual.body')}</p>
      <div className="name-field">
        <label htmlFor={nameId}>{t('manual.name')}</label>
        <input
          id={nameId}
          type="text"
          value={name}
          autoFocus
          placeholder={t('manual.namePlaceholder')}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
        />
      </div>
      <div style={{ overflow: 'auto' }}>
        <table className="manual-grid">
          <thead>
            <tr>
              <th className="rownum" />
              {header.map((h, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position while typing
                <th key={c}>
                  <input
                    type="text"
                    value={h}
                    aria-label={t('manual.header', { index: String(c + 1) })}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setHeader((hs) => hs.map((x, j) => (j === c ? v : x)));
                    }}
                  />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by position while typing
              <tr key={r}>
                <td className="rownum">
                  <button
                    type="button"
                    className="btn ghost small"
                    aria-label={t('manual.removeRow', { row: String(r + 1) })}
                    title={t('manual.removeRow', { row: String(r + 1) })}
                    onClick={() => removeRow(r)}
                  >
                    <CloseIcon />
                  </button>
                </td>
                {row.map((v, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are identified by position
                  <td key={c}>
                    <input
                      type="text"
                      value={v}
                      aria-label={t('manual.cell', {
                        row: String(r + 1),
                        column: header[c] || defaultHeader(c),
                      })}
                      onChange={(e) => setCell(r, c, e.currentTarget.value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="manual-actions">
        <button type="button" className="btn small" onClick={addRow}>
          <PlusIcon />
          {t('manual.addRow')}
        </button>
        <button type="button" className="btn small" onClick={addColumn}>
          <PlusIcon />
          {t('manual.addColumn')}
        </button>
      </div>
    </Dialog>
  );
}
