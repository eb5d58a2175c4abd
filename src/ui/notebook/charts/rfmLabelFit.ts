/**
 * How much of an RFM tile's label fits its tile, decided from the tile's drawn size and
 * the text's measured width: the whole label (name, customers, revenue share), the name
 * and customers, the name alone, the name over two lines, or nothing (a tile too small
 * for its name keeps it in the tooltip). Text is never cut with an ellipsis.
 */
export type RfmLabelForm = 'full' | 'short' | 'name' | 'wrapped' | 'none';

export interface RfmLabelTexts {
  name: string;
  customers: string;
  share: string;
}

/**
 * Sizes the label is drawn at (px): the name's and the other lines' line heights, the
 * label's padding, and what the tile's border and gap take from each side besides.
 */
export const RFM_LABEL = { nameLine: 18, line: 16, pad: 5, inset: 4 } as const;

/** The name split in two at the space nearest its middle; null for a single word. */
export function twoLines(name: string): [string, string] | null {
  const spaces = [...name.matchAll(/ /g)].map((m) => m.index ?? 0);
  if (spaces.length === 0) return null;
  const mid = name.length / 2;
  const at = spaces.reduce((best, i) => (Math.abs(i - mid) < Math.abs(best - mid) ? i : best));
  return [name.slice(0, at), name.slice(at + 1)];
}

export function fitRfmLabel(
  tile: { width: number; height: number },
  texts: RfmLabelTexts,
  /** Width of `text` in px; `bold` for the name. */
  measure: (text: string, bold: boolean) => number,
): RfmLabelForm {
  const w = tile.width - 2 * (RFM_LABEL.pad + RFM_LABEL.inset);
  const h = tile.height - 2 * (RFM_LABEL.pad + RFM_LABEL.inset);
  const fits = (lines: readonly [string, boolean][], height: number) =>
    height <= h && lines.every(([text, bold]) => measure(text, bold) <= w);
  const name: [string, boolean] = [texts.name, true];
  if (fits([name, [texts.customers, false], [texts.share, false]], RFM_LABEL.nameLine + 2 * RFM_LABEL.line))
    return 'full';
  if (fits([name, [texts.customers, false]], RFM_LABEL.nameLine + RFM_LABEL.line)) return 'short';
  if (fits([name], RFM_LABEL.nameLine)) return 'name';
  const split = twoLines(texts.name);
  if (
    split !== null &&
    fits(
      [
        [split[0], true],
        [split[1], true],
      ],
      2 * RFM_LABEL.nameLine,
    )
  )
    return 'wrapped';
  return 'none';
}
