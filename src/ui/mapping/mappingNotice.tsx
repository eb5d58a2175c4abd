import './mapping.css';
import { useState } from 'react';
import { type MappingStatus, mappingStatus } from '../../app/mapping/mappingStatus';
import { t } from '../../i18n/t';
import { mappingStore } from '../appRoot';
import { useMapping } from './mappingApp';
import { MappingDialog } from './mappingDialog';

/** The line's words: how the scorecard reads the table. */
function StatusWords({ status }: { status: MappingStatus }) {
  switch (status.kind) {
    case 'mapped': {
      const { mapping, auto } = status.applied;
      return (
        <>
          <strong>
            {auto
              ? t('mapping.mapped', { table: mapping.canonicalTable, crm: auto.crm })
              : t('mapping.mappedByHand', { table: mapping.canonicalTable })}
          </strong>
          {auto && <span className="muted">{t('mapping.autoHint', { label: auto.label })}</span>}
        </>
      );
    }
    case 'canonical':
      return (
        <>
          <strong>{t('mapping.asCanonical', { table: status.table })}</strong>
          {status.missing.length > 0 && (
            <span className="muted">
              {t('mapping.asCanonicalMissing', { columns: status.missing.join(', ') })}
            </span>
          )}
        </>
      );
    case 'none':
      return <span className="muted">{t('mapping.notMapped')}</span>;
  }
}

/**
 * The line above a table's rows that says how the scorecard reads it: "Mapped to deals
 * (HubSpot)" with edit and undo; "Read as the CRM model's deals table" for a table already
 * named and shaped like one (mappingStatus.ts); or a "Map columns" button.
 */
export function MappingNotice({
  table: loaded,
}: {
  table: { name: string; columns: readonly { name: string }[] };
}) {
  const table = loaded.name;
  const applied = useMapping((s) => s.applied[table]);
  const error = useMapping((s) => s.errors[table]);
  const [open, setOpen] = useState(false);
  const status = mappingStatus(loaded, applied);
  return (
    <div
      className={`map-notice${status.kind === 'none' ? '' : ' mapped'}`}
      role="status"
      data-testid="mapping-notice"
      data-mapping={status.kind}
    >
      <StatusWords status={status} />
      {/* The engine's own words stay in the tooltip: the line says what happened and what to do. */}
      {error && (
        <span className="map-problem error" title={error}>
          {t('mapping.failed')}
        </span>
      )}
      <span className="spacer" />
      <button type="button" className="btn small" onClick={() => setOpen(true)}>
        {applied ? t('mapping.edit') : t('mapping.mapColumns')}
      </button>
      {applied && (
        <button
          type="button"
          className="btn ghost small"
          onClick={() => void mappingStore.getState().unmap(table)}
        >
          {t('mapping.undo')}
        </button>
      )}
      {open && <MappingDialog raw={table} onClose={() => setOpen(false)} />}
    </div>
  );
}
