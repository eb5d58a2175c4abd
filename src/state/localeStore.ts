import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  type DisplayCalendar,
  isRtl,
  type Locale,
  localeFromLanguages,
  setLocaleSettings,
} from '../i18n/locale';

/** Where the language choice is kept between visits; the browser's language is only the first default. */
export const LOCALE_KEY = 'shakhes.locale';
const DIGITS_KEY = 'shakhes.persianDigits';

/** The storage and document this store touches; injected so tests run without a browser. */
interface LocaleEnv {
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly languages: readonly string[];
  /** The page's root element: its `lang` and `dir` follow the language. */
  readonly root: { lang: string; dir: string } | null;
}

export interface LocaleState {
  locale: Locale;
  persianDigits: boolean;
  calendar: DisplayCalendar;
  currency: string;
  setLocale(locale: Locale): void;
  setPersianDigits(on: boolean): void;
  /** The workbook's calendar, which dates and period labels are shown in. */
  setCalendar(calendar: DisplayCalendar): void;
  /** The workbook's currency, which amounts are written in. */
  setCurrency(currency: string): void;
}

type LocaleStore = StoreApi<LocaleState>;

function browserEnv(): LocaleEnv {
  const hasWindow = typeof window !== 'undefined';
  let storage: LocaleEnv['storage'] = null;
  try {
    storage = hasWindow ? window.localStorage : null;
  } catch {
    // Storage can be switched off; the choice then lasts for this page only.
  }
  return {
    storage,
    languages: typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [],
    root: typeof document !== 'undefined' ? document.documentElement : null,
  };
}

export function createLocaleStore(env: LocaleEnv = browserEnv()): LocaleStore {
  const saved = env.storage?.getItem(LOCALE_KEY);
  const locale: Locale = saved === 'fa' || saved === 'en' ? saved : localeFromLanguages(env.languages);
  const persianDigits = env.storage?.getItem(DIGITS_KEY) !== 'false';

  const apply = (s: Pick<LocaleState, 'locale' | 'persianDigits' | 'calendar' | 'currency'>) => {
    // The formatters and t() read the module settings; set them before anything re-renders.
    setLocaleSettings({
      locale: s.locale,
      persianDigits: s.persianDigits,
      calendar: s.calendar,
      currency: s.currency,
    });
    if (env.root) {
      env.root.lang = s.locale;
      env.root.dir = isRtl(s.locale) ? 'rtl' : 'ltr';
    }
  };

  const store = createStore<LocaleState>()((set, get) => ({
    locale,
    persianDigits,
    calendar: 'gregorian',
    currency: 'USD',
    setLocale(next) {
      env.storage?.setItem(LOCALE_KEY, next);
      apply({ ...get(), locale: next });
      set({ locale: next });
    },
    setPersianDigits(on) {
      env.storage?.setItem(DIGITS_KEY, String(on));
      apply({ ...get(), persianDigits: on });
      set({ persianDigits: on });
    },
    setCalendar(calendar) {
      if (calendar === get().calendar) return;
      apply({ ...get(), calendar });
      set({ calendar });
    },
    setCurrency(currency) {
      if (currency === get().currency) return;
      apply({ ...get(), currency });
      set({ currency });
    },
  }));
  apply(store.getState());
  return store;
}
