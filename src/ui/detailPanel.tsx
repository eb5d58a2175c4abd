import { t } from '../i18n/t';
import { useData } from './appStore';
import { ColumnProfile } from './columnProfile';
import { ParseOptionsForm } from './parseOptionsForm';

/** The right panel: the selected column's profile, then how its table was read. */
export function DetailPanel() {
  const tables = useData((s) => s.tables);
  const selected = useData((s) => s.selectedTable);
  const versions = useData((s) => s.versions);
  const table = tables.find((x) => x.name === selected);
  return (
    <aside className="right" aria-label={t('profile.heading')}>
      <div className="panel-heading">
        <span>{t('profile.heading')}</span>
      </div>
      <ColumnProfile />
      {table && <ParseOptionsForm key={`${table.name}:${versions[table.name] ?? 0}`} table={table} />}
    </aside>
  );
}
