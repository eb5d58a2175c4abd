import { type ReactNode, useId, useState } from 'react';
import type { DateOrder, EncodingName, ParseOptions } from '../core/ingest/types';
import type { MessageKey } from '../i18n/en';
import { importMessageText } from '../i18n/importMessages';
import { t } from '../i18n/t';
import type { TableEntry } from '../state/dataStore';
import { dataStore } from './appRoot';

const DELIMITERS: { value: string; label: MessageKey }[] = [
  { value: '', label: 'options.delimiter.auto' },
  { value: ',', label: 'options.delimiter.comma' },
  { value: ';', label: 'options.delimiter.semicolon' },
  { value: '\t', label: 'options.delimiter.tab' },
  { value: '|', label: 'options.delimiter.pipe' },
];
const DATE_ORDERS: (DateOrder | 'auto')[] = ['auto', 'ymd', 'dmy', 'mdy', 'jalali'];
const ENCODINGS: (EncodingName | 'auto')[] = [
  'auto',
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'windows-1256',
];
/** Code pages named with what they are for; the Unicode encodings by name alone. */
const ENCODING_LABELS: Partial<Record<EncodingName | 'auto', MessageKey>> = {
  auto: 'options.encoding.auto',
  'windows-1252': 'options.encoding.windows-1252',
  'windows-1256': 'options.encoding.windows-1256',
};
/** The notes that say which encoding the file was read in and why. */
const ENCODING_NOTES = new Set(['encoding-detected', 'encoding-chosen']);

const DELIMITED = new Set(['csv', 'tsv', 'pasted', 'manual']);

/**
 * How a file was read, editable: changing an option reads the same bytes again into the
 * same table name. Other tables are not touched.
 */
export function ParseOptionsForm({ table }: { table: TableEntry }) {
  const [draft, setDraft] = useState<ParseOptions>(table.options);
  const [busy, setBusy] = useState(false);
  const delimited = DELIMITED.has(table.format);
  const encodingNote = table.noteMessages?.find((n) => ENCODING_NOTES.has(n.code));
  const sheets = table.format === 'xlsx' ? (table.sheets ?? []) : [];
  if (!delimited && sheets.length === 0) return null;

  const set = (patch: Partial<ParseOptions>) => setDraft((d) => ({ ...d, ...patch }));
  const apply = async () => {
    setBusy(true);
    try {
      await dataStore.getState().reimport(table.name, draft);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel-section" aria-label={t('options.heading', { file: table.sourceName })}>
      <h3>{t('options.heading', { file: table.sourceName })}</h3>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}
      >
        {sheets.length > 0 && (
          <Field label={t('options.sheet')}>
            {(id) => (
              <select
                id={id}
                value={draft.sheet ?? sheets[0]}
                onChange={(e) => set({ sheet: e.currentTarget.value })}
              >
                {sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {delimited && (
          <>
            <Field label={t('options.delimiter')}>
              {(id) => (
                <select
                  id={id}
                  value={draft.delimiter ?? ''}
                  onChange={(e) => set({ delimiter: e.currentTarget.value || undefined })}
                >
                  {DELIMITERS.map((d) => (
                    <option key={d.label} value={d.value}>
                      {t(d.label)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('options.encoding')}>
              {(id) => (
                <select
                  id={id}
                  value={draft.encoding ?? 'auto'}
                  onChange={(e) => set({ encoding: e.currentTarget.value as EncodingName | 'auto' })}
                >
                  {ENCODINGS.map((x) => {
                    const label = ENCODING_LABELS[x];
                    return (
                      <option key={x} value={x}>
                        {label ? t(label) : x.toUpperCase()}
                      </option>
                    );
                  })}
                </select>
              )}
            </Field>
            {encodingNote && (
              <p className="muted" data-encoding-reason="">
                {importMessageText(encodingNote)}
              </p>
            )}
            <Field label={t('options.dateOrder')}>
              {(id) => (
                <select
                  id={id}
                  value={draft.dateOrder ?? 'auto'}
                  onChange={(e) => set({ dateOrder: e.currentTarget.value as DateOrder | 'auto' })}
                >
                  {DATE_ORDERS.map((x) => (
                    <option key={x} value={x}>
                      {t(`options.dateOrder.${x}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('options.skipRows')}>
              {(id) => (
                <input
                  id={id}
                  type="number"
                  min={0}
                  step={1}
                  value={draft.skipRows ?? 0}
                  onChange={(e) =>
                    set({ skipRows: Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)) })
                  }
                />
              )}
            </Field>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.header ?? true}
                onChange={(e) => set({ header: e.currentTarget.checked })}
              />
              {t('options.header')}
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.decimalComma ?? false}
                onChange={(e) => set({ decimalComma: e.currentTarget.checked })}
              />
              {t('options.decimalComma')}
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.normalizeLetters ?? false}
                onChange={(e) => set({ normalizeLetters: e.currentTarget.checked })}
              />
              {t('options.normalizeLetters')}
            </label>
          </>
        )}
        <div className="actions">
          <button type="submit" className="btn" disabled={busy}>
            {busy ? t('options.applying') : t('options.apply')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A labelled control; the label is tied by id so its name is the label alone. */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
