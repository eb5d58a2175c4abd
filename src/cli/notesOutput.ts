import { type KpiNote, notesIn } from '../core/model/notes';

/**
 * Markdown escapes for text from a workbook: every punctuation mark Markdown gives a
 * meaning (emphasis, links, HTML, tables, headings) is written as itself.
 */
function mdText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (c) => `\\${c}`);
}

/**
 * The `## Notes` section of `run --format md`: each KPI's notes on the days the periods
 * shown cover, in date order; empty when there are none.
 */
export function notesMarkdown(
  notes: readonly KpiNote[],
  kpis: readonly { id: string; label: string }[],
  span: { from: string; to: string } | null,
): string {
  if (span === null) return '';
  const lines = kpis.flatMap((k) =>
    notesIn(notes, k.id, span.from, span.to).map(
      (n) => `- **${mdText(k.label)}**, ${n.date}: ${mdText(n.text)}`,
    ),
  );
  return lines.length === 0 ? '' : ['', '## Notes', '', ...lines].join('\n');
}
