import type { formulaEditorEn } from './formulaEditor.en';

/** The formula editor's completion list, in Persian. */
export const formulaEditorFa: Record<keyof typeof formulaEditorEn, string> = {
  'formula.complete.table': 'جدول',
};
