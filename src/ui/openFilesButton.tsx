import { useId } from 'react';
import { t } from '../i18n/t';
import { ACCEPTED_FILES } from './browserFiles';
import { OpenIcon } from './icons';
import { routeFiles } from './workbookFiles';

/** A file picker styled as a button; the real input stays in the tab order for keyboards. */
export function OpenFilesButton({ primary = false, label }: { primary?: boolean; label?: string }) {
  const id = useId();
  return (
    <label className={`btn ${primary ? 'primary' : ''} file-button`} htmlFor={id}>
      <OpenIcon />
      {label ?? t('topbar.open')}
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        className="visually-hidden"
        aria-label={t('topbar.openLabel')}
        onChange={(e) => {
          const files = e.currentTarget.files;
          if (files && files.length > 0) routeFiles(files);
          // Picking the same file again after fixing it must fire change again.
          e.currentTarget.value = '';
        }}
      />
    </label>
  );
}
