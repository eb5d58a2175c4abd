/** Strings of the workbook file actions: save, open, undo, autosave. */
export const workbookEn = {
  'workbook.untitled': 'Untitled workbook',
  'workbook.titleLabel': 'Workbook title',
  'workbook.open': 'Open workbook',
  'workbook.openLabel': 'Open a Shakhes workbook (.shakhes)',
  'workbook.save': 'Save',
  'workbook.saveWithData': 'Save with data',
  'workbook.saveWithDataHint': 'One file with the definitions and the data: opens anywhere, offline.',
  'workbook.saveWithoutData': 'Save without data',
  'workbook.saveWithoutDataHint': 'Definitions only: whoever opens it is asked for the original files.',
  'workbook.saveMenu': 'Save options',
  'workbook.undo': 'Undo',
  'workbook.redo': 'Redo',
  'workbook.saving': 'Saving…',
  'workbook.opening': 'Opening…',
  'workbook.needFilesTitle': '{file} was saved without its data',
  'workbook.needFilesText': 'Choose the original files; they are read the way they were read before:',
  'workbook.chooseFiles': 'Choose files',
  'workbook.chooseFilesLabel': 'Choose the original data files',
  'workbook.cancel': 'Cancel',
  'workbook.dismiss': 'Dismiss',
  'workbook.unsaved': 'This workbook has changes that are not saved to its file.',
  'workbook.menu': 'Workbook menu',
  'workbook.new': 'New workbook',
  'workbook.recent': 'Recently closed…',
  'workbook.askTitle': 'Save the changes to “{title}”?',
  'workbook.askText':
    'It has changes that are not in a .shakhes file. Save them to a file, or discard them: a discarded workbook stays under “Recently closed” in this browser until you empty that list.',
  'workbook.askSave': 'Save',
  'workbook.askDiscard': 'Discard',
  'workbook.recentTitle': 'Recently closed workbooks',
  'workbook.recentNone': 'None yet. A workbook you replace by opening or starting another is kept here.',
  'workbook.recentTables': { one: '{count} table', other: '{count} tables' },
  'workbook.recentRestore': 'Restore',
  'workbook.recentRestoreLabel': 'Restore {title}, closed {time}',
  'workbook.recentEmpty': 'Empty the list',
  'workbook.recentFailed': 'This workbook could not be restored; it stays in the list.',
  'autosave.quota':
    'This browser has no room left to keep your latest changes. Save the workbook as a .shakhes file now, then free some space (other sites’ stored data, or items under “Recently closed”).',
  'autosave.unavailable':
    'This browser does not let the page keep your changes (a private window, or site storage turned off). Save the workbook as a .shakhes file before you close or reload this tab.',
  'autosave.failed':
    'Your latest changes could not be kept in this browser ({detail}). Save the workbook as a .shakhes file to keep them.',
  'autosave.saveFile': 'Save a .shakhes file',
  'autosave.missing':
    'The last session came back without these tables, which had not been kept yet: {tables}. Load their files again.',
  'autosave.gone':
    'The server no longer holds these tables of the last session: {tables}. Start shakhes serve again with their files to bring them back.',
  'autosave.goneDropped':
    'The server no longer holds these tables of the last session, whose files you dropped on the page: {tables}. Drop their files on the page again to bring them back.',
  'workbook.renamedServed':
    'The server already holds a table named “{table}” (read from {path}), so this workbook’s own “{table}” was put in as “{as}”. Nothing was replaced; formulas that name “{table}” now read the server’s table.',
  'workbook.unmappedServed':
    'The server already holds a table named “{view}” (read from {path}), so this workbook’s mapping of “{table}” to {view} was left off: catalog KPIs read the server’s “{view}”. “{table}” is loaded as it was; map it to another table if you need it.',
  'workbook.savedByReference':
    'Saved with its data, except the tables shakhes serve holds, which the file names with their paths but does not copy: {tables}. Open the file in shakhes serve given those files, or give the files when Shakhes asks for them.',
} as const;
