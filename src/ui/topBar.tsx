import { t } from '../i18n/t';
import { LockIcon, MarkIcon, MoonIcon, PasteIcon, SunIcon, TableIcon } from './icons';
import { LanguageSwitch } from './languageSwitch';
import { OpenFilesButton } from './openFilesButton';
import { PrintReportButton } from './print/printReport';
import type { ThemeName } from './theme';
import { WorkbookMenu } from './workbookMenu';

interface Props {
  theme: ThemeName;
  onToggleTheme(): void;
  onPaste(): void;
  onNewTable(): void;
}

export function TopBar({ theme, onToggleTheme, onPaste, onNewTable }: Props) {
  const next = theme === 'dark' ? t('topbar.themeLight') : t('topbar.themeDark');
  return (
    <header className="topbar">
      <div className="brand">
        <MarkIcon className="icon mark" />
        <h1>{t('app.title')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
      </div>
      <WorkbookMenu />
      <PrintReportButton />
      <span className="topbar-sep" aria-hidden="true" />
      <OpenFilesButton />
      <button type="button" className="btn" onClick={onPaste}>
        <PasteIcon />
        {t('topbar.paste')}
      </button>
      <button type="button" className="btn" onClick={onNewTable}>
        <TableIcon />
        {t('topbar.newTable')}
      </button>
      <span className="spacer" />
      <span className="privacy" title={t('app.privacy')}>
        <LockIcon />
        <span className="privacy-text">{t('app.privacy')}</span>
      </span>
      <LanguageSwitch />
      <button type="button" className="btn ghost" onClick={onToggleTheme} aria-label={next} title={next}>
        {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
      </button>
    </header>
  );
}
