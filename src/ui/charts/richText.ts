/**
 * ECharts rich text marks a styled run as `{style|text}` and has no escape: a `}` in
 * the text ends the run early, and the rest would show unstyled. `richRun` styles a
 * piece of data text exactly as written: each `}` is left outside the runs, as plain
 * text between two styled pieces, so nothing the data holds can pick a style or hide.
 * (Rich text is drawn on the canvas, so it can never become HTML.)
 */
export function richRun(style: string, text: string): string {
  return text
    .split('}')
    .map((part) => (part === '' ? '' : `{${style}|${part}}`))
    .join('}');
}
