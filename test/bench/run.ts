/**
 * npm run bench [-- --runs 5 --out bench.json --sizes 1m,5m --no-chromium --only load,scorecard,grid,export,afterload,bundle,...]
 * npm run bench -- --only serve [--rows 1e6,2e7,1e8]   (`shakhes serve`, only when asked: serveBench.ts)
 * npm run bench -- --only serve-app [--rows 1e8]        (the served app alone, no native DuckDB beside it)
 *
 * Measures Shakhes on the generated demo schema (samples/generate.ts) in DuckDB-WASM
 * (its Node build, and the built app in headless Chromium) against native DuckDB on
 * the same data and SQL, and prints medians of several runs after a warm-up.
 * Sizes: "1m" is about a million rows in the table measured (deals for loads, orders
 * for the scorecard's largest table); "5m" five million.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { flag, parseArgs } from '../../src/cli/args';
import { chromiumAfterLoad } from './afterLoadBench';
import { initialJavaScript } from './bundleSize';
import {
  chromiumFirstScorecard,
  chromiumLoad,
  chromiumMemory,
  chromiumScorecard,
  chromiumScroll,
} from './chromiumBench';
import { DEALS_PER_SCALE, ensureDemoCsv } from './demoData';
import { chromiumExport } from './exportBench';
import { gridPageFigures } from './gridBench';
import { loadFigures, scorecardFigures } from './nodeBench';
import {
  type Figure,
  printReport,
  printServeTable,
  printTargets,
  type ServeComparison,
  summarise,
} from './report';
import { serveAppFigures, serveFigures } from './serveBench';

const args = parseArgs(process.argv.slice(2), new Set(['no-chromium']));
const runs = Number(flag(args, 'runs') ?? 5);
const out = flag(args, 'out');
const sizes = (flag(args, 'sizes') ?? '1m,5m').split(',');
const only = flag(args, 'only')?.split(',');
const chromium = !args.flags.has('no-chromium');
const want = (s: string) => only === undefined || only.includes(s);

/** Scale factors of the generator: deals for load and memory, orders (24,250 per scale) for the scorecard. */
const SIZES: Record<string, { rows: number; dealsScale: number; demoScale: number }> = {
  '1m': { rows: 1e6, dealsScale: Math.round(1e6 / DEALS_PER_SCALE), demoScale: 41 },
  '5m': { rows: 5e6, dealsScale: Math.round(5e6 / DEALS_PER_SCALE), demoScale: 206 },
};

const figures: Figure[] = [];
const say = (s: string) => process.stderr.write(`${s}\n`);
/** A section that fails is reported and the rest still run: one broken measurement loses nothing else. */
async function section(name: string, fn: () => Promise<void>) {
  try {
    await fn();
  } catch (e) {
    say(`  ${name} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    figures.push({
      section: name,
      work: `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      runs: [Number.NaN],
      unit: '',
    });
  }
}

const dist = process.env.SHAKHES_DIST ?? 'dist';
if (chromium && !existsSync(`${dist}/index.html`))
  execFileSync('npx', ['vite', 'build', '--outDir', dist], { stdio: 'inherit' });

/** Data rows of a CSV without quoted line breaks (the generated deals have none). */
function csvRows(path: string): number {
  const text = readFileSync(path, 'utf8');
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

// The sections below that work on the demo CSVs; none asked for, none generated.
const demoSections = ['load', 'scorecard', 'grid', 'export', 'afterload', 'scroll', 'memory'];
for (const size of demoSections.some(want) ? sizes : []) {
  const spec = SIZES[size];
  if (!spec) throw new Error(`unknown size ${size}; use 1m or 5m`);
  const label = size.toUpperCase();
  const dealsDir = ensureDemoCsv(spec.dealsScale, ['deals']);
  const dealsCsv = `${dealsDir}/deals.csv`;
  const rows = csvRows(dealsCsv);
  const loadSection = `load deals, ${label}`;
  if (want('load')) {
    say(`load ${label}: ${dealsCsv}`);
    await section(loadSection, async () => {
      figures.push(...(await loadFigures(loadSection, dealsCsv, runs)));
    });
    if (chromium) {
      say(`load ${label} in Chromium`);
      for (const file of [dealsCsv, dealsCsv.replace(/\.csv$/, '.parquet')])
        await section(loadSection, async () => {
          if (existsSync(file)) figures.push(await chromiumLoad(loadSection, file, 'deals', rows, runs));
        });
    }
  }
  // The scorecard and the grid at 1M; memory at the largest size given.
  if (want('scorecard') && size === '1m') {
    const dir = ensureDemoCsv(spec.demoScale);
    const name = `scorecard, demo schema ×${spec.demoScale} (orders ≈ ${label})`;
    say(`scorecard ${label}: ${dir}`);
    await section(name, async () => {
      const sc = await scorecardFigures(name, dir, runs);
      say(
        `  ${sc.workload.kpiCount} KPIs, ${sc.workload.periods} months ${sc.workload.from}..${sc.workload.to}`,
      );
      figures.push(...sc.figures);
    });
    if (chromium)
      await section(name, async () => {
        figures.push(...(await chromiumScorecard(name, dir, runs)));
      });
  }
  if (want('grid') && size === '1m') {
    say(`grid pages ${label}`);
    const name = `data grid pages, ${label}`;
    await section(name, async () => {
      figures.push(...(await gridPageFigures(name, dealsCsv, runs)));
    });
  }
  if (chromium && want('export') && size === '1m') {
    say('Parquet export');
    await section('Parquet export', async () => {
      figures.push(...(await chromiumExport('Parquet export', dealsCsv, 'deals', rows, Math.min(runs, 3))));
    });
  }
  if (chromium && want('afterload') && size === '1m') {
    say('frames after a load');
    const name = `after a ${label} load`;
    await section(name, async () => {
      figures.push(...(await chromiumAfterLoad(name, dealsCsv, 'deals', rows, Math.min(runs, 3))));
    });
  }
  if (chromium && want('scroll') && size === '1m') {
    say('grid scroll');
    await section('data grid', async () => {
      figures.push(...(await chromiumScroll('data grid', dealsCsv, 'deals', rows)));
    });
  }
  if (chromium && want('memory') && size === sizes[sizes.length - 1]) {
    say(`memory ${label}`);
    await section('memory', async () => {
      figures.push(await chromiumMemory('memory', dealsCsv, 'deals', rows));
    });
  }
}
if (want('bundle')) {
  if (!existsSync(`${dist}/index.html`))
    execFileSync('npx', ['vite', 'build', '--outDir', dist], { stdio: 'inherit' });
  await section('bundle', async () => {
    figures.push(...initialJavaScript('bundle', dist));
  });
}
if (chromium && want('first')) {
  say('first scorecard');
  await section('first scorecard after navigation (demo)', async () => {
    figures.push(...(await chromiumFirstScorecard('first scorecard after navigation (demo)', runs)));
  });
}

const serveRows: ServeComparison[] = [];
if (only?.includes('serve'))
  for (const rows of (flag(args, 'rows') ?? '1e6,2e7').split(',').map(Number))
    await section(`shakhes serve, ${rows.toLocaleString('en')} rows`, async () => {
      const { figures: f, comparison } = await serveFigures(rows, runs);
      figures.push(...f);
      serveRows.push(comparison);
    });

if (only?.includes('serve-app'))
  for (const rows of (flag(args, 'rows') ?? '1e8').split(',').map(Number))
    await section(`shakhes serve alone, ${rows.toLocaleString('en')} rows`, async () => {
      figures.push(...(await serveAppFigures(rows)));
    });

console.log(printReport(figures));
if (serveRows.length > 0) console.log(`\n${printServeTable(serveRows)}`);
console.log(printTargets(figures));
if (out)
  writeFileSync(out, JSON.stringify({ cores: cpus().length, runs, figures: summarise(figures) }, null, 2));
