/**
 * Text drawn on a coloured cell must stay readable whatever the colour: the text colour
 * is the one of two with the higher WCAG contrast against the cell's fill, which is
 * worked out the way ECharts' visualMap colours it (linear in RGB between stops).
 */

type Rgb = readonly [number, number, number];

function rgb(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
}

const hex = (c: Rgb) => `#${c.map((x) => Math.round(x).toString(16).padStart(2, '0')).join('')}`;

/** The colour at `t` (0–1) along evenly spaced stops. */
export function rampColour(stops: readonly string[], t: number): string {
  if (stops.length === 1) return stops[0] ?? '#000000';
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const a = rgb(stops[i] ?? '#000000');
  const b = rgb(stops[i + 1] ?? '#000000');
  const f = x - i;
  return hex([0, 1, 2].map((j) => a[j] + (b[j] - a[j]) * f) as unknown as Rgb);
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Of `dark` and `light`, the text colour that reads better on `background`. With black and
 * white, every background gets at least 4.58:1 (WCAG AA for small text is 4.5:1); a softer
 * dark grey would leave mid-tones near 4.1:1.
 */
export function readableOn(background: string, dark = '#000000', light = '#ffffff'): string {
  return contrastRatio(background, dark) >= contrastRatio(background, light) ? dark : light;
}
