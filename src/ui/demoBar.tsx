import { t } from '../i18n/t';
import { useData } from './appStore';
import { isDemoWorkbook } from './demoFiles';
import { useFirstLoad } from './firstLoad';
import { CloseIcon } from './icons';
import { newWorkbook } from './workbookFiles';

/**
 * Says the demo is what is shown, with the way out: one click to an empty workbook
 * ready for the user's files (no hidden URL). Shown while the demo loads too.
 */
export function DemoBar() {
  const demo = useData((s) => isDemoWorkbook(s.tables));
  const loadingDemo = useFirstLoad((s) => s.load?.what === 'demo');
  if (!demo && !loadingDemo) return null;
  const start = () => void newWorkbook();
  return (
    <section className="demo-bar" aria-label={t('demo.banner')}>
      <span className="text">{t('demo.banner')}</span>
      <button type="button" className="btn small primary" title={t('demo.startOwnHint')} onClick={start}>
        {t('demo.startOwn')}
      </button>
      <button
        type="button"
        className="btn ghost small"
        aria-label={t('demo.close')}
        title={t('demo.close')}
        onClick={start}
      >
        <CloseIcon />
      </button>
    </section>
  );
}
