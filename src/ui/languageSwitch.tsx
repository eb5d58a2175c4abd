import { useStore } from 'zustand';
import { LOCALES, type Locale } from '../i18n/locale';
import { t } from '../i18n/t';
import type { LocaleState } from '../state/localeStore';
import { localeStore } from './appRoot';

export function useLocale<T>(selector: (s: LocaleState) => T): T {
  return useStore(localeStore, selector);
}

const NAMES = { en: 'language.en', fa: 'language.fa' } as const satisfies Record<Locale, string>;

/** The language picker of the top bar; with Persian, a toggle between Persian and Latin digits. */
export function LanguageSwitch() {
  const locale = useLocale((s) => s.locale);
  const persianDigits = useLocale((s) => s.persianDigits);
  const digitsLabel = persianDigits ? t('language.persianDigitsOn') : t('language.persianDigitsOff');
  return (
    <span className="language-switch">
      <select
        className="language-select"
        aria-label={t('language.label')}
        title={t('language.label')}
        value={locale}
        onChange={(e) => localeStore.getState().setLocale(e.target.value as Locale)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(NAMES[l])}
          </option>
        ))}
      </select>
      {locale === 'fa' && (
        <button
          type="button"
          className="btn ghost digits-toggle"
          aria-pressed={persianDigits}
          aria-label={digitsLabel}
          title={digitsLabel}
          onClick={() => localeStore.getState().setPersianDigits(!persianDigits)}
        >
          {persianDigits ? '۱۲۳' : '123'}
        </button>
      )}
    </span>
  );
}
