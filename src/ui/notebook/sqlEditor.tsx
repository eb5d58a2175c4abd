import { autocompletion, closeCompletion } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { SqlErrorPosition } from '../../core/notebook/sqlError';
import { sqlCompletion } from './sqlCompletion';

interface SqlEditorProps {
  value: string;
  onChange(value: string): void;
  onRun(): void;
  /** table (or SQL cell view) → its columns, for completion. */
  schema: Record<string, string[]>;
  /** KPI ids, offered as words. */
  kpis: readonly string[];
  /** The cell's error in the language shown, and where in the SQL when known. */
  error: { text: string; at: SqlErrorPosition | null } | null;
  label: string;
  /** The cell is queued or running: a completion list left open would hide its result. */
  busy?: boolean;
}

const theme = EditorView.theme({
  '&': { fontSize: '13px', backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--text-faint)', border: 'none' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-1px' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', border: '1px solid var(--border)' },
});

/** The cell's SQL in CodeMirror 6: highlighting, completion of SQL and of names, errors underlined. */
export function SqlEditor({
  value,
  onChange,
  onRun,
  schema,
  kpis,
  error,
  label,
  busy = false,
}: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  // Callbacks change every render; the editor reads them through refs so it is built once.
  const latest = useRef({ onChange, onRun, kpis });
  latest.current = { onChange, onRun, kpis };

  // Built once per mount; value, schema and errors flow in through the effects below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor owns its text once created
  useEffect(() => {
    if (host.current === null) return;
    const runFromKey = (v: EditorView) => {
      closeCompletion(v);
      latest.current.onRun();
      return true;
    };
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          Prec.highest(
            keymap.of([
              { key: 'Shift-Enter', run: runFromKey },
              { key: 'Mod-Enter', run: runFromKey },
            ]),
          ),
          lineNumbers(),
          history(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle),
          language.current.of(sqlCompletion(schema, () => latest.current.kpis)),
          autocompletion(),
          lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          placeholder('SELECT …'),
          theme,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
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

  // Running from the Run button (or anywhere else) closes the list as the keys do.
  useEffect(() => {
    if (busy && view.current !== null) closeCompletion(view.current);
  }, [busy]);

  useEffect(() => {
    const v = view.current;
    if (v === null || v.state.doc.toString() === value) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: language.current.reconfigure(sqlCompletion(schema, () => latest.current.kpis)),
    });
  }, [schema]);

  useEffect(() => {
    const v = view.current;
    if (v === null) return;
    const diagnostics: Diagnostic[] = [];
    if (error !== null) {
      const doc = v.state.doc;
      let from = 0;
      let to = doc.length;
      if (error.at !== null && error.at.line <= doc.lines) {
        const line = doc.line(error.at.line);
        from = Math.min(line.to, line.from + error.at.column - 1);
        const rest = doc.sliceString(from, line.to);
        to = from + Math.max(1, /^[\w"]+/.exec(rest)?.[0].length ?? 1);
        to = Math.min(to, doc.length);
      }
      diagnostics.push({ from, to, severity: 'error', message: error.text });
    }
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [error]);

  // SQL reads left to right, in a right-to-left page too.
  return <div className="nb-sql-editor" dir="ltr" ref={host} />;
}
