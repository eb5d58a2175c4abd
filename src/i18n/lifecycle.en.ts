/** Strings of the workbook's lifecycle: removing a table with undo, leaving the demo, failed opens. */
export const lifecycleEn = {
  'tables.removeLabel': 'Remove table {table}',
  'tables.removed': 'Removed the table {table}. KPIs that read it are unavailable until you undo.',
  'tables.undo': 'Undo',
  'tables.undoLabel': 'Undo removing the table {table}',
  'tables.removeFailed':
    'The table {table} could not be removed; it is still in the workbook. Try again, or reload the page if it keeps failing.',
  'tables.undoTaken':
    'The table {table} cannot come back: a table of the same name was loaded since. Remove that one first, then undo.',
  'tables.undoFailed': 'The table {table} could not be brought back. Load its file again to have it back.',
  'demo.banner': 'This is the demo: made-up CRM data of a fictional company.',
  'demo.startOwn': 'Start from my data',
  'demo.startOwnHint': 'An empty workbook, ready for your CRM exports',
  'demo.close': 'Close demo',
  'lifecycle.openFailed':
    'The workbook {file} could not be opened: its tables could not be put into the in-browser database. The workbook you had is still open. Try opening it again; if it fails again, reload the page and open it first.',
  'lifecycle.newFailed':
    'A new workbook could not be started; the open one is unchanged. Reload the page to start afresh.',
} as const;
