import type { ReactNode } from 'react';
import type { TableMapping } from '../../core/model/mapping';
import type { ComputedSource } from '../../core/model/mappingComputed';
import { t } from '../../i18n/t';

// Option values no header can have (a header never holds a NUL).
const CONSTANT = '\u0000constant';
const FORMULA = '\u0000formula';

/** A canonical column's source in a mapping: a header, a computed value, or nothing. */
export type ColumnSourceChoice = { header: string } | { computed: ComputedSource } | null;

/** Sets `column`'s source, keeping the header and computed maps apart (one source per column). */
export function withSource(mapping: TableMapping, column: string, source: ColumnSourceChoice): TableMapping {
  const columns = { ...mapping.columns };
  const computed = { ...(mapping.computed ?? {}) };
  delete columns[column];
  delete computed[column];
  if (source !== null && 'header' in source) columns[column] = source.header;
  if (source !== null && 'computed' in source) computed[column] = source.computed;
  const { computed: _old, ...rest } = mapping;
  return { ...rest, columns, ...(Object.keys(computed).length > 0 ? { computed } : {}) };
}

interface Props {
  column: string;
  target: string;
  headers: readonly string[];
  mapping: TableMapping;
  onChange(source: ColumnSourceChoice): void;
  /** The problems about this column, shown under it. */
  children: ReactNode;
}

/**
 * The source of one canonical column: a column of the file, a constant for every
 * row ("channel = Facebook"), or a formula over the file's columns.
 */
export function ColumnSource({ column, target, headers, mapping, onChange, children }: Props) {
  // deals.won is read from a flag or from the stage values (its own section), never computed.
  const computable = !(mapping.canonicalTable === 'deals' && column === 'won');
  const computed = mapping.computed?.[column];
  const header = mapping.columns[column];
  const value =
    header !== undefined ? header : computed === undefined ? '' : 'constant' in computed ? CONSTANT : FORMULA;
  const choose = (v: string) => {
    if (v === '') onChange(null);
    else if (v === CONSTANT) onChange({ computed: { constant: '' } });
    else if (v === FORMULA) onChange({ computed: { formula: '' } });
    else onChange({ header: v });
  };
  return (
    <>
      <select aria-label={target} data-column={column} value={value} onChange={(e) => choose(e.target.value)}>
        <option value="">{t('mapping.none')}</option>
        {headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
        {computable && <option value={CONSTANT}>{t('mapping.source.constant')}</option>}
        {computable && <option value={FORMULA}>{t('mapping.source.formula')}</option>}
      </select>
      {header === undefined && computed !== undefined && 'constant' in computed && (
        <input
          className="map-computed"
          aria-label={t('mapping.constantLabel', { column: target })}
          data-testid={`mapping-constant-${column}`}
          value={computed.constant}
          onChange={(e) => onChange({ computed: { constant: e.target.value } })}
        />
      )}
      {header === undefined && computed !== undefined && 'formula' in computed && (
        <>
          <input
            className="map-computed map-formula"
            dir="ltr"
            spellCheck={false}
            aria-label={t('mapping.formulaLabel', { column: target })}
            data-testid={`mapping-formula-${column}`}
            value={computed.formula}
            onChange={(e) => onChange({ computed: { formula: e.target.value } })}
          />
          <div className="faint map-desc">{t('mapping.formulaHint')}</div>
        </>
      )}
      {children}
    </>
  );
}
