import { type ComponentProps, lazy, Suspense } from 'react';
import type { FormulaEditor as Editor } from './formulaEditor';

// CodeMirror comes with the first formula shown, not with the page's first paint.
const FormulaEditor = lazy(() => import('./formulaEditor').then((m) => ({ default: m.FormulaEditor })));

/** The formula editor, fetched on first use; until then the formula shows as text. */
export function LazyFormulaEditor(props: ComponentProps<typeof Editor>) {
  return (
    <Suspense
      fallback={
        <span className="formula-editor-loading" dir="ltr">
          {props.value}
        </span>
      }
    >
      <FormulaEditor {...props} />
    </Suspense>
  );
}
