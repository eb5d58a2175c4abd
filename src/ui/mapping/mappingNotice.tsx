import './mapping.css';
import { useState } from 'react';
import { t } from '../../i18n/t';
import { mappingStore } from '../appRoot';
import { useMapping } from './mappingApp';
import { MappingDialog } from './mappingDialog';

/**
 * The line above a table's rows that says how it maps onto the CRM model: "Mapped
 * to deals (HubSpot)" with edit and undo, or a "Map columns" button.
 */
export function MappingNotice({ table }: { table: string }) {
  const applied = useMapping((s) => s.applied[table]);
  const error = useMapping((s) => s.errors[table]);
  const [open, setOpen] = useState(false);
  return (
    <div className={`map-notice${applied ? ' mapped' : ''}`} role="status" data-testid="mapping-notice">
      {applied ? (
        <>
          <strong>
            {applied.auto
              ? t('mapping.mapped', { table: applied.mapping.canonicalTable, crm: applied.auto.crm })
              : t('mapping.mappedByHand', { table: applied.mapping.canonicalTable })}
          </strong>
          {applied.auto && (
            <span className="muted">{t('mapping.autoHint', { label: applied.auto.label })}</span>
          )}
        </>
      ) : (
        <span className="muted">{t('mapping.notMapped')}</span>
      )}
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
