/** Strings of the sheet tabs: adding, renaming, moving and deleting sheets. */
export const sheetsEn = {
  'sheets.numbered': '{name} {n}',
  'sheets.add': 'Add a sheet',
  'sheets.addNotebook': 'New notebook sheet',
  'sheets.actions': 'Sheet actions',
  'sheets.actionsFor': 'Actions for {name}',
  'sheets.tabHint':
    'Double-click or F2 to rename, right-click for more; Ctrl+PageUp and Ctrl+PageDown switch sheets',
  'sheets.rename': 'Rename',
  'sheets.renameLabel': 'New name for {name}',
  'sheets.moveLeft': 'Move left',
  'sheets.moveRight': 'Move right',
  'sheets.delete': 'Delete…',
  'sheets.deleteTitle': 'Delete {name}?',
  'sheets.deleteNotebook': {
    one: 'The sheet and its one cell are removed. Undo (Ctrl+Z) brings them back.',
    other: 'The sheet and its {count} cells are removed. Undo (Ctrl+Z) brings them back.',
  },
  'sheets.deleteSheet': 'The sheet is removed. Undo (Ctrl+Z) brings it back.',
  'sheets.deleteConfirm': 'Delete sheet',
  'sheets.cancel': 'Cancel',
  'sheets.problem.empty': 'A sheet needs a name.',
  'sheets.problem.taken': 'Another sheet is already called {name}.',
  'sheets.problem.lastScorecard':
    'This is the only scorecard sheet; the workbook keeps one to show its KPIs.',
  'sheets.problem.lastData': 'This is the only data sheet; the workbook keeps one to show its tables.',
} as const;
