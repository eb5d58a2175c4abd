/**
 * The one place chart text becomes HTML. ECharts writes a tooltip formatter's string
 * into the page as HTML, so every piece of text in it (a column name, a segment, a KPI
 * label or unit, even a formatted number) goes through `escapeHtml`; `htmlLines` is the
 * only markup a formatter adds. Canvas labels are never HTML: see `richText.ts` for them.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Lines of plain text as tooltip HTML: each escaped, joined by line breaks. */
export function htmlLines(...lines: readonly string[]): string {
  return lines.map(escapeHtml).join('<br/>');
}
