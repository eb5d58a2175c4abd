import { provideGlobalGridOptions } from 'ag-grid-community';
import { agGridText } from '../i18n/agGridFa';
import { activeLocale } from '../i18n/locale';
import './gridRtl.css';

/**
 * AG Grid's own texts (filter menus, "No Rows To Show", loading, pagination) in the app's
 * language, for every grid the app makes, through AG Grid's global options: one place, and
 * a grid added later cannot forget it. The text is looked up when AG Grid asks, so it
 * follows a language switch (grids are rebuilt in the new language). gridRtl.css gives
 * each cell of a right-to-left grid its own text direction.
 */
provideGlobalGridOptions({
  getLocaleText: (p) => agGridText(activeLocale(), p.key, p.defaultValue, p.variableValues),
});
