import { themeQuartz } from 'ag-grid-community';
// Every grid takes its theme from here, so AG Grid's own texts follow the language before
// any grid is made, and neither loads before the first grid does.
import './gridLocale';

/** AG Grid's look taken from the app's design tokens (theme.css), so both themes match. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'var(--font-ui)',
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  backgroundColor: 'var(--surface)',
  foregroundColor: 'var(--text)',
  headerBackgroundColor: 'var(--surface-2)',
  headerTextColor: 'var(--text-muted)',
  borderColor: 'var(--border)',
  accentColor: 'var(--accent)',
  rowHoverColor: 'var(--surface-hover)',
  oddRowBackgroundColor: 'var(--surface)',
  chromeBackgroundColor: 'var(--surface-2)',
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  rowHeight: 28,
  headerHeight: 32,
  spacing: 6,
  cellHorizontalPadding: 10,
});
