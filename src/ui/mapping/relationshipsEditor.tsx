import { useState } from 'react';
import type { Relationship } from '../../core/formula/schema';
import { detectRelationships } from '../../core/model/mappingRelations';
import { t } from '../../i18n/t';
import { scorecardSchema } from '../../state/scorecardSchema';
import { CloseIcon, PlusIcon } from '../icons';
import { mappingStore, useMapping } from './mappingApp';

const keyOf = (r: Relationship) => `${r.fromTable}.${r.fromColumn}→${r.toTable}.${r.toColumn}`;

/**
 * The links breakdowns travel along: those the CRM model gives mapped tables,
 * those found by column name, and the user's own, which can be added and removed.
 */
export function RelationshipsEditor() {
  const user = useMapping((s) => s.relationships);
  useMapping((s) => s.viewsVersion);
  const tables = mappingStore.getState().scorecardTables();
  const canonical = scorecardSchema(tables).relationships;
  const seen = new Set(canonical.map(keyOf));
  const found = detectRelationships(
    tables.map((x) => ({ name: x.name, columns: x.columns.map((c) => c.name) })),
  )
    .filter((r) => !seen.has(keyOf(r)))
    .filter((r) => !user.some((u) => keyOf(u) === keyOf(r)));
  const columns = tables.flatMap((x) => x.columns.map((c) => `${x.name}.${c.name}`));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const add = (r: Relationship) => {
    if (user.some((u) => keyOf(u) === keyOf(r))) return;
    mappingStore.getState().setRelationships([...user, r]);
  };
  const split = (s: string) => {
    const dot = s.indexOf('.');
    return [s.slice(0, dot), s.slice(dot + 1)] as const;
  };
  const line = (r: Relationship, note: string, remove?: () => void) => (
    <li key={keyOf(r)} className="map-relation">
      <code>
        {r.fromTable}.{r.fromColumn} → {r.toTable}.{r.toColumn}
      </code>
      <span className="faint">{note}</span>
      {remove && (
        <button
          type="button"
          className="btn ghost small"
          aria-label={t('mapping.relationRemove', { name: keyOf(r) })}
          onClick={remove}
        >
          <CloseIcon />
        </button>
      )}
    </li>
  );
  const none = canonical.length === 0 && found.length === 0 && user.length === 0;
  return (
    <section className="map-section" aria-label={t('mapping.relationsHeading')}>
      <h3>{t('mapping.relationsHeading')}</h3>
      <p className="muted">{t('mapping.relationsHint')}</p>
      {none && <p className="muted">{t('mapping.relationsNone')}</p>}
      <ul className="map-relations">
        {canonical.map((r) => line(r, t('mapping.relationCanonical')))}
        {user.map((r) =>
          line(r, '', () =>
            mappingStore.getState().setRelationships(user.filter((u) => keyOf(u) !== keyOf(r))),
          ),
        )}
        {found.map((r) => (
          <li key={keyOf(r)} className="map-relation">
            <code>
              {r.fromTable}.{r.fromColumn} → {r.toTable}.{r.toColumn}
            </code>
            <span className="faint">{t('mapping.relationFound')}</span>
            <button type="button" className="btn ghost small" onClick={() => add(r)}>
              <PlusIcon />
              {t('mapping.relationAdd')}
            </button>
          </li>
        ))}
      </ul>
      {columns.length > 1 && (
        <div className="map-relation-add">
          <select
            aria-label={t('mapping.relationFrom')}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          >
            <option value="">{t('mapping.relationFrom')}</option>
            {columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <span aria-hidden="true">→</span>
          <select aria-label={t('mapping.relationTo')} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('mapping.relationTo')}</option>
            {columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <button
            type="button"
            className="btn small"
            disabled={from === '' || to === '' || split(from)[0] === split(to)[0]}
            onClick={() => {
              const [fromTable, fromColumn] = split(from);
              const [toTable, toColumn] = split(to);
              add({ fromTable, fromColumn, toTable, toColumn });
              setFrom('');
              setTo('');
            }}
          >
            <PlusIcon />
            {t('mapping.relationAdd')}
          </button>
        </div>
      )}
    </section>
  );
}
