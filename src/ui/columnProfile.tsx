import { useEffect, useState } from 'react';
import { isCodeColumn } from '../core/ingest/codeColumn';
import { formatCount, formatValue } from '../i18n/format';
import { t } from '../i18n/t';
import { fetchColumnProfile, type ColumnProfile as Profile } from '../state/columnProfile';
import { dataStore } from './appRoot';
import { useData } from './appStore';
import { Histogram } from './histogram';
import { KindIcon, kindLabel } from './kindIcon';

type Loaded = { key: string; profile: Profile | null; error: string | null };

/** The selected column at a glance: blanks, distinct values, range, common values, shape. */
export function ColumnProfile() {
  const tables = useData((s) => s.tables);
  const tableName = useData((s) => s.selectedTable);
  const columnName = useData((s) => s.selectedColumn);
  const versions = useData((s) => s.versions);
  const table = tables.find((x) => x.name === tableName);
  const column = table?.columns.find((c) => c.name === columnName);
  const key = table && column ? `${table.name}\u0000${column.name}\u0000${versions[table.name] ?? 0}` : '';
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!table || !column) return;
    let live = true;
    void (async () => {
      try {
        const engine = await dataStore.getState().engine();
        const profile = await fetchColumnProfile(engine, table.name, column.name, column.kind);
        if (live) setLoaded({ key, profile, error: null });
      } catch (e) {
        if (live) setLoaded({ key, profile: null, error: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [key, table, column]);

  if (!table || !column) return <p className="placeholder">{t('profile.empty')}</p>;
  const current = loaded?.key === key ? loaded : null;
  const p = current?.profile;
  const code = isCodeColumn(column.name);
  return (
    <section className="panel-section" aria-label={t('profile.heading')} data-profile={column.name}>
      <div className="profile-title">
        <KindIcon kind={column.kind} />
        <h3>{column.name}</h3>
        <span className="faint">
          {kindLabel(column.kind)} · {column.sqlType}
          {column.currency ? ` · ${column.currency}` : ''}
        </span>
      </div>
      {!current && <p className="muted">{t('profile.loading')}</p>}
      {current?.error && <p role="alert">{t('profile.failed', { message: current.error })}</p>}
      {p && (
        <>
          <dl className="stats">
            <Stat label={t('profile.rows')} value={formatCount(p.rows)} />
            <Stat label={t('profile.filled')} value={formatCount(p.rows - p.blanks)} />
            <Stat label={t('profile.blanks')} value={formatCount(p.blanks)} testId="blanks" />
            <Stat label={t('profile.distinct')} value={formatCount(p.distinct)} testId="distinct" />
            <Stat label={t('profile.min')} value={formatValue(p.min, p.kind, code)} />
            <Stat label={t('profile.max')} value={formatValue(p.max, p.kind, code)} />
            {column.currency && (
              <Stat label={t('profile.currency')} value={column.currency} testId="currency" />
            )}
          </dl>
          {p.histogram && p.histogram.length > 0 && (
            <>
              <h4 className="subheading">{t('profile.histogram')}</h4>
              <Histogram bins={p.histogram} kind={p.kind} column={p.column} />
            </>
          )}
          <h4 className="subheading">{t('profile.top')}</h4>
          {p.top.length === 0 ? (
            <p className="muted">{t('profile.noValues')}</p>
          ) : (
            <ol className="top-values">
              {p.top.map((v) => (
                <li key={String(v.value)}>
                  <span className="bar" style={{ width: `${(v.count / p.top[0].count) * 100}%` }} />
                  <span className="value" title={formatValue(v.value, p.kind, code)}>
                    {formatValue(v.value, p.kind, code)}
                  </span>
                  <span className="n">{formatCount(v.count)}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-stat={testId}>
      <dt>{label}</dt>
      <dd title={value}>{value}</dd>
    </div>
  );
}
