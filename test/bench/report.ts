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
  /** Which of issue 19's targets this figure measures (see ISSUE_19 below). */
  goal?: Goal | Goal[];
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

/** One size's three-way comparison, for the summary table. */
export interface ServeComparison {
  rows: number;
  kpis: number;
  native: { load: number; scorecard: number };
  serve: {
    load: number;
    pageOpen: number;
    /** The app's Scorecard tab to a painted grid (its own mapping and default range). */
    painted: number;
    scorecard: number;
    peakMb: number;
    memoryLimit?: string;
  };
  browser: { load: number; scorecard: number; failure?: string };
}

const sec = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(2)} s`);

/** The three-way table: serve in Chromium, native DuckDB directly, the browser engine. */
export function printServeTable(rows: ServeComparison[]): string {
  const head = [
    'rows',
    'work',
    'serve in Chromium',
    'native direct',
    'serve overhead (target ≤ 10 % at 20M)',
    'browser engine',
  ];
  const table = [head];
  for (const c of rows) {
    const n = c.rows.toLocaleString('en');
    const overhead = `${((c.serve.scorecard / c.native.scorecard - 1) * 100).toFixed(1)} %`;
    table.push([
      n,
      'load',
      sec(c.serve.load),
      sec(c.native.load),
      '',
      c.browser.failure ? 'fails' : sec(c.browser.load),
    ]);
    table.push([
      n,
      `scorecard SQL (${c.kpis} KPIs)`,
      sec(c.serve.scorecard),
      sec(c.native.scorecard),
      overhead,
      c.browser.failure ? 'fails' : '',
    ]);
    table.push([
      n,
      'Scorecard tab → painted grid',
      sec(c.serve.painted),
      '',
      '',
      c.browser.failure ? 'fails' : sec(c.browser.scorecard),
    ]);
    table.push([
      n,
      'server peak memory',
      `${c.serve.peakMb.toFixed(0)} MB${c.serve.memoryLimit ? ` (--memory-limit ${c.serve.memoryLimit})` : ''}`,
      '',
      '',
      '',
    ]);
  }
  const widths = head.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const lines = table.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
  const failures = rows.filter((c) => c.browser.failure);
  return [
    '## shakhes serve: three-way',
    ...lines,
    ...failures.map((c) => `browser engine at ${c.rows.toLocaleString('en')} rows: ${c.browser.failure}`),
  ].join('\n');
}

/** Issue 19's targets: the figure tagged with each goal, and the most it may be. */
const ISSUE_19 = [
  { goal: 'refresh', text: 'any scorecard refresh at demo ×41, to a painted grid', most: 0.3, unit: 's' },
  {
    goal: 'refresh-vs-native',
    text: 'that refresh ÷ native 1-thread time of the raw fused SQL',
    most: 0.3,
    unit: '×',
  },
  { goal: 'cold-scorecard', text: 'cold first scorecard', most: 2, unit: 's' },
  { goal: 'first-paint', text: 'first paint (first-paint entry), cold', most: 0.5, unit: 's' },
  { goal: 'initial-js', text: 'initial JavaScript, gzipped', most: 400, unit: 'KB' },
  {
    goal: 'sorted-page',
    text: 'a sorted page anywhere in 1M rows, after the first sort',
    most: 0.15,
    unit: 's',
  },
  { goal: 'frames-after-load', text: 'longest frame in the 5 s after a 1M-row load', most: 100, unit: 'ms' },
] as const;

type Goal = (typeof ISSUE_19)[number]['goal'];

/** Every issue 19 target with its figure (the worst of those tagged) and whether it is met. */
export function printTargets(figures: Figure[]): string {
  const named = ISSUE_19.map((t) => `${t.text} (≤ ${t.most} ${t.unit})`);
  const w = Math.max(...named.map((n) => n.length));
  const lines = ['', '## issue 19 targets', `${'target'.padEnd(w)}  ${'figure'.padStart(10)}  result`];
  for (const [i, t] of ISSUE_19.entries()) {
    const tagged = figures.filter(
      (f) => [f.goal ?? []].flat().includes(t.goal) && !f.runs.some(Number.isNaN),
    );
    if (tagged.length === 0) {
      lines.push(`${named[i].padEnd(w)}  ${'—'.padStart(10)}  not measured in this run`);
      continue;
    }
    // A ratio goal reads the figure against its baseline, as the sections' ratio column does.
    const ratios = summarise(figures).filter((r) => r.ratio !== undefined);
    const measured = (f: Figure) =>
      t.unit === '×'
        ? (ratios.find((r) => r.section === f.section && r.work === f.work)?.ratio ?? Number.NaN)
        : median(f.runs);
    const figure = Math.max(...tagged.map(measured));
    // Seconds to the millisecond: a 4 ms page would read "0.00 s".
    const digits = t.unit === 's' ? 3 : t.unit === '×' ? 2 : 0;
    const shown = `${figure.toFixed(digits)} ${t.unit}`;
    const result = figure <= t.most ? 'met' : `missed by ${(figure - t.most).toFixed(digits)} ${t.unit}`;
    lines.push(`${named[i].padEnd(w)}  ${shown.padStart(10)}  ${result}`);
  }
  return lines.join('\n');
}
