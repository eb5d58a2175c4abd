/** The formula editor's completion list (scorecard formula bar, New KPI dialog). */
export const formulaEditorEn = {
  'formula.complete.table': 'Table',
} as const;
