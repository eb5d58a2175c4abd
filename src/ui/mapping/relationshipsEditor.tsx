import { useState } from 'react';
import { currentRelationship } from '../../app/mapping/mappingTables';
import type { Relationship } from '../../core/formula/schema';
import { scorecardSchema } from '../../core/model/scorecardSchema';
import { formatPercent } from '../../i18n/format';
import { t } from '../../i18n/t';
import { dataStore, mappingStore } from '../appRoot';
import { CloseIcon, PlusIcon } from '../icons';
import { useMapping } from './mappingApp';

const keyOf = (r: Relationship) => `${r.fromTable}.${r.fromColumn}→${r.toTable}.${r.toColumn}`;

/**
 * The links breakdowns travel along: those the CRM model gives mapped tables,
 * the user's own (kept in raw names, shown in today's), and those found by name
 * and values, used at once and kept with the workbook on request.
 */
export function RelationshipsEditor() {
  const declared = useMapping((s) => s.relationships);
  const detected = useMapping((s) => s.detected);
  useMapping((s) => s.viewsVersion);
  const store = mappingStore.getState();
  const tables = store.scorecardTables();
  const canonical = scorecardSchema(tables).relationships;
  const data = dataStore.getState().tables;
  const user = declared.map((r) => ({
    declared: r,
    now: currentRelationship(r, { loaded: data, applied: store.applied }),
  }));
  const seen = new Set([...canonical, ...user.map((u) => u.now)].map(keyOf));
  const found = detected.filter((r) => !seen.has(keyOf(r)));
  const columns = tables.flatMap((x) => x.columns.map((c) => `${x.name}.${c.name}`));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

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
        {user.map((u) =>
          line(u.now, '', () => store.setRelationships(declared.filter((r) => r !== u.declared))),
        )}
        {found.map((r) => (
          <li key={keyOf(r)} className="map-relation">
            <code>
              {r.fromTable}.{r.fromColumn} → {r.toTable}.{r.toColumn}
            </code>
            <span className="faint">
              {t('mapping.relationFound', { share: formatPercent(r.foundShare, 0) })}
            </span>
            <button type="button" className="btn ghost small" onClick={() => store.declare(r)}>
              <PlusIcon />
              {t('mapping.relationKeep')}
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
              store.declare({ fromTable, fromColumn, toTable, toColumn });
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
