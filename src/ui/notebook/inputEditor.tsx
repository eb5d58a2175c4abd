import { configString } from '../../core/notebook/config';
import type { JsonValue, NotebookCell } from '../../core/notebook/types';
import { t } from '../../i18n/t';
import { DateField, shownDate } from '../dateField';

/** An input cell: its type and value; other cells read it as {{name}} (or {{name.from}} / {{name.to}}). */
export function InputEditor({
  cell,
  onChange,
}: {
  cell: NotebookCell;
  onChange(patch: Record<string, JsonValue>): void;
}) {
  const type = configString(cell.config, 'type', 'text');
  const dateField = (key: 'from' | 'to', label: string) => {
    const value = configString(cell.config, key, '');
    const other = configString(cell.config, key === 'from' ? 'to' : 'from', '');
    return (
      <span className="nb-date">
        <label htmlFor={`${cell.id}-${key}`}>{label}</label>
        <DateField
          id={`${cell.id}-${key}`}
          value={value}
          check={(iso) => {
            if (other === '') return null;
            const [from, to] = key === 'from' ? [iso, other] : [other, iso];
            return from > to ? t('dateEntry.order', { from: shownDate(from), to: shownDate(to) }) : null;
          }}
          onCommit={(iso) => onChange({ [key]: iso })}
        />
      </span>
    );
  };
  const field = (key: string, label: string, kind: 'text' | 'number') => {
    const value = cell.config[key];
    const shown = value === null || value === undefined ? '' : String(value);
    return (
      <label htmlFor={`${cell.id}-${key}`}>
        <span>{label}</span>
        <input
          id={`${cell.id}-${key}`}
          key={`${type}-${shown}`}
          type={kind}
          defaultValue={shown}
          onBlur={(e) => {
            const raw = e.target.value;
            if (raw === shown) return;
            onChange({ [key]: kind === 'number' ? (raw === '' ? null : Number(raw)) : raw });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </label>
    );
  };
  return (
    <div className="nb-settings">
      <label htmlFor={`${cell.id}-type`}>
        <span>{t('notebook.field.inputType')}</span>
        <select
          id={`${cell.id}-type`}
          value={type}
          onChange={(e) => onChange({ type: e.target.value, value: null })}
        >
          <option value="text">{t('notebook.input.type.text')}</option>
          <option value="number">{t('notebook.input.type.number')}</option>
          <option value="dateRange">{t('notebook.input.type.dateRange')}</option>
        </select>
      </label>
      {type === 'dateRange' ? (
        <>
          {dateField('from', t('notebook.field.from'))}
          {dateField('to', t('notebook.field.to'))}
        </>
      ) : (
        field('value', t('notebook.input.value'), type === 'number' ? 'number' : 'text')
      )}
      <code className="nb-param">
        {type === 'dateRange' ? `{{${cell.name}.from}} {{${cell.name}.to}}` : `{{${cell.name}}}`}
      </code>
    </div>
  );
}
