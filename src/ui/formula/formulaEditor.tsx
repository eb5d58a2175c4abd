import './formulaEditor.css';
import { autocompletion, completionStatus } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { type Diagnostic as EditorDiagnostic, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Prec, Transaction, type TransactionSpec } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../core/formula/diagnostics';
import { diagnosticText } from '../../i18n/diagnostics';
import { type FormulaNames, formulaCompletionSource } from './formulaCompletions';
import { formulaHighlighting } from './formulaHighlight';

interface FormulaEditorProps {
  value: string;
  onChange(value: string): void;
  /** Enter, when no completion list is open. */
  onApply(): void;
  /** Escape, when no completion list is open; without it Escape is left to the page (a dialog closes). */
  onRevert?(): void;
  onBlur?(): void;
  /** Problems in `value`, underlined at their spans. */
  diagnostics: readonly Diagnostic[];
  /** Read at each completion request. */
  names(): FormulaNames;
  /** The accessible name of the editable text. */
  label: string;
  id?: string;
  describedBy?: string;
  placeholder?: string;
}

/**
 * A formula is one line: a pasted or dropped line break becomes a space, so what the
 * user sees is what the lexer reads (it treats any whitespace alike).
 */
const oneLine = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || tr.newDoc.lines === 1) return tr;
  const doc = tr.newDoc;
  const breaks: { from: number; to: number; insert: string }[] = [];
  for (let n = 2; n <= doc.lines; n++)
    breaks.push({ from: doc.line(n - 1).to, to: doc.line(n).from, insert: ' ' });
  const userEvent = tr.annotation(Transaction.userEvent);
  const typed: TransactionSpec = {
    changes: tr.changes,
    selection: tr.selection,
    effects: tr.effects,
    scrollIntoView: tr.scrollIntoView,
    ...(userEvent === undefined ? {} : { userEvent }),
  };
  // The breaks are positions in the typed text, so they apply after it.
  return [typed, { changes: breaks, sequential: true }];
});

const theme = EditorView.theme({
  '&': {
    fontSize: 'var(--text-md)',
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-1px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '26px', scrollbarWidth: 'none' },
  '.cm-content': { padding: '0', caretColor: 'var(--text)' },
  '.cm-line': { padding: '0 8px' },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    boxShadow: 'var(--shadow)',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': {
    fontFamily: 'var(--font-mono)',
    fontSize: 'var(--text-md)',
    maxHeight: '15em',
    minWidth: '240px',
    borderRadius: 'var(--radius)',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '3px 10px 3px 6px', lineHeight: '20px' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--accent-weak)',
    color: 'var(--text)',
  },
  '.cm-completionIcon': { color: 'var(--text-faint)', width: '1.1em', paddingRight: '0.5em' },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: '650' },
  '.cm-completionDetail': { color: 'var(--text-muted)', fontStyle: 'normal', marginLeft: '0.6em' },
  '.cm-tooltip.cm-completionInfo': {
    whiteSpace: 'pre-line',
    padding: '6px 10px',
    maxWidth: '380px',
    fontFamily: 'var(--font-ui)',
    fontSize: 'var(--text-sm)',
    lineHeight: '1.5',
  },
});

function attributes(
  p: Pick<FormulaEditorProps, 'label' | 'id' | 'describedBy'>,
  invalid: boolean,
): Record<string, string> {
  return {
    'aria-label': p.label,
    'aria-multiline': 'false',
    'aria-invalid': String(invalid),
    spellcheck: 'false',
    autocorrect: 'off',
    autocapitalize: 'off',
    ...(p.id === undefined ? {} : { id: p.id }),
    ...(p.describedBy === undefined ? {} : { 'aria-describedby': p.describedBy }),
  };
}

/** The checker's problems as editor underlines; a span at the very end (a missing `)`) marks the end. */
function underlines(doc: string, diagnostics: readonly Diagnostic[]): EditorDiagnostic[] {
  return diagnostics.map((d) => {
    const from = Math.min(d.span.start, doc.length);
    const to = Math.min(Math.max(d.span.end, from + 1), doc.length);
    return { from, to, severity: d.severity, message: diagnosticText(d) };
  });
}

/**
 * The formula editor of the scorecard's formula bar and the New KPI dialog: CodeMirror 6
 * on one left-to-right line, coloured by the formula lexer, completing functions, tables,
 * columns and KPIs, with the checker's problems underlined where they are.
 */
export function FormulaEditor(props: FormulaEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const attrs = useRef(new Compartment());
  // Props change every render; the editor reads them through a ref so it is built once.
  const latest = useRef(props);
  latest.current = props;
  const invalid = props.diagnostics.some((d) => d.severity === 'error');

  // Built once per mount; value, attributes and problems flow in through the effects below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor owns its text once created
  useEffect(() => {
    if (host.current === null) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: props.value,
        extensions: [
          oneLine,
          history(),
          Prec.lowest(formulaHighlighting),
          // Its own keys (arrows, Enter to pick, Escape to close) come before the ones below.
          autocompletion({
            override: [formulaCompletionSource(() => latest.current.names())],
          }),
          keymap.of([
            {
              key: 'Enter',
              run: (v) => {
                // A list that opened a moment ago ignores keys (so a fast Enter never picks by
                // accident); that Enter must not apply a half-typed formula either.
                if (completionStatus(v.state) !== 'active') latest.current.onApply();
                return true;
              },
            },
            // Nor may those keys move the caret while the list is showing.
            { key: 'ArrowDown', run: (v) => completionStatus(v.state) === 'active' },
            { key: 'ArrowUp', run: (v) => completionStatus(v.state) === 'active' },
            {
              key: 'Escape',
              run: () => {
                const revert = latest.current.onRevert;
                if (revert === undefined) return false;
                revert();
                return true;
              },
            },
            // No other key may break the line either.
            { key: 'Shift-Enter', run: () => true },
            { key: 'Mod-Enter', run: () => true },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          theme,
          attrs.current.of(EditorView.contentAttributes.of(attributes(props, invalid))),
          props.placeholder === undefined ? [] : placeholder(props.placeholder),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
          EditorView.domEventHandlers({
            blur: () => {
              latest.current.onBlur?.();
            },
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v === null || v.state.doc.toString() === props.value) return;
    v.dispatch({
      changes: { from: 0, to: v.state.doc.length, insert: props.value },
      // Another KPI's formula, or the applied one after Escape: not a step to undo.
      annotations: Transaction.addToHistory.of(false),
    });
  }, [props.value]);

  const { label, id, describedBy, diagnostics } = props;
  useEffect(() => {
    view.current?.dispatch({
      effects: attrs.current.reconfigure(
        EditorView.contentAttributes.of(attributes({ label, id, describedBy }, invalid)),
      ),
    });
  }, [label, id, describedBy, invalid]);

  // After the text effect above: the spans point into the text as it is now.
  useEffect(() => {
    const v = view.current;
    if (v === null) return;
    v.dispatch(setDiagnostics(v.state, underlines(v.state.doc.toString(), diagnostics)));
  }, [diagnostics]);

  // Formulas are written left to right, in a right-to-left page too.
  return <div className="fx-editor" dir="ltr" ref={host} />;
}
