import { afterEach, describe, expect, it } from 'vitest';
import { activeLocale, setLocaleSettings } from '../../../src/i18n/locale';
import { t } from '../../../src/i18n/t';
import { createLocaleStore, LOCALE_KEY } from '../../../src/state/localeStore';

function env(languages: string[], saved: Record<string, string> = {}) {
  const store = new Map(Object.entries(saved));
  return {
    storage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    },
    languages,
    root: { lang: '', dir: '' },
    saved: store,
  };
}

afterEach(() => setLocaleSettings({ locale: 'en', persianDigits: true, calendar: 'gregorian' }));

describe('the locale store', () => {
  it('starts in the browser language when nothing is saved, and mirrors the page for Persian', () => {
    const e = env(['fa-IR', 'en-US']);
    const s = createLocaleStore(e);
    expect(s.getState().locale).toBe('fa');
    expect(e.root).toEqual({ lang: 'fa', dir: 'rtl' });
    expect(activeLocale()).toBe('fa');
    expect(t('tabs.notebook')).toBe('دفترچه');
  });

  it('keeps the choice, which wins over the browser language next time', () => {
    const e = env(['fa-IR']);
    createLocaleStore(e).getState().setLocale('en');
    expect(e.saved.get(LOCALE_KEY)).toBe('en');
    expect(e.root).toEqual({ lang: 'en', dir: 'ltr' });
    const again = createLocaleStore({ ...e, root: { lang: '', dir: '' } });
    expect(again.getState().locale).toBe('en');
  });

  it('switches Persian digits off and on', () => {
    const s = createLocaleStore(env(['fa']));
    s.getState().setPersianDigits(false);
    expect(t('data.rows', { count: 12 })).toBe('12 سطر');
    s.getState().setPersianDigits(true);
    expect(t('data.rows', { count: 12 })).toBe('۱۲ سطر');
  });
});
