import { cpus } from 'node:os';
import { median } from './stats';

export interface Figure {
  section: string;
  work: string;
  /** Seconds per run, or another unit named in `unit`. */
  runs: number[];
  unit?: string;
  rows?: number;
  /** The figure this one is compared with (same section), for the ratio column. */
  baseline?: string;
  target?: string;
}

export function summarise(figures: Figure[]) {
  return figures.map((f) => {
    const m = median(f.runs);
    const base = f.baseline
      ? figures.find((x) => x.section === f.section && x.work === f.baseline)
      : undefined;
    return {
      section: f.section,
      work: f.work,
      median: m,
      unit: f.unit ?? 's',
      runs: f.runs.length,
      rowsPerSecond: f.rows && (f.unit ?? 's') === 's' ? Math.round(f.rows / m) : undefined,
      ratio: base ? m / median(base.runs) : undefined,
      baseline: f.baseline,
      target: f.target,
    };
  });
}

export function printReport(figures: Figure[]): string {
  const rows = summarise(figures);
  const lines = [
    `Shakhes benchmark — ${cpus().length} cores, ${cpus()[0]?.model ?? ''}; medians after a warm-up`,
  ];
  let section = '';
  const w = Math.max(...rows.map((r) => r.work.length));
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push('', `## ${section}`);
      lines.push(
        `${'work'.padEnd(w)}  ${'median'.padStart(10)}  ${'rows/s'.padStart(11)}  ${'ratio'.padStart(22)}  target`,
      );
    }
    const value = r.unit === 's' ? `${r.median.toFixed(3)} s` : `${r.median.toFixed(1)} ${r.unit}`;
    const ratio = r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}× ${shortName(r.baseline ?? '')}`;
    lines.push(
      `${r.work.padEnd(w)}  ${value.padStart(10)}  ${(r.rowsPerSecond?.toLocaleString('en') ?? '').padStart(11)}  ${ratio.padStart(22)}  ${r.target ?? ''}`,
    );
  }
  return lines.join('\n');
}

function shortName(work: string): string {
  if (work.includes('1 thread')) return 'native 1t';
  if (work.includes('raw read_csv')) return 'raw read_csv';
  return work.slice(0, 12);
}
