/**
 * Writes the demo CRM as one CSV per canonical table.
 *
 *   npx tsx samples/generate.ts [--scale N] [--out DIR] [--seed S] [--tables deals,customers]
 *
 * Without options it rewrites the committed set in samples/crm-demo/, the demo workbook
 * made from it, samples/crm-demo.shakhes (what the browser's demo builds), and the CSVs
 * imported ahead in samples/crm-demo-prepared/ (what the browser's demo loads). With
 * --scale N (N ≠ 1) it writes to samples/scale-N/ (not committed) unless --out says
 * otherwise; --scale 170 gives about a million deals. --tables writes only those
 * tables (a benchmark that needs deals need not wait for orders).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CANONICAL_TABLE_NAMES,
  type CanonicalTableName,
  isCanonicalTableName,
} from '../src/core/model/canonical.ts';
import { createNodeEngine } from '../src/engine/nodeEngine.ts';
import { COMPANY, DEFAULT_SEED, generateCrm } from './generator/crm.ts';
import { csvChunks } from './generator/csv.ts';
import { buildDemoWorkbook, DEMO_WORKBOOK_FILE } from './generator/demoWorkbook.ts';
import { PREPARED_DIR, writePreparedDemo } from './generator/preparedDemo.ts';
import { writeShippedResults } from './generator/shippedResults.ts';
import type { GeneratedTable } from './generator/table.ts';

export { COMPANY, DEFAULT_SEED, generateCrm } from './generator/crm.ts';
export { csvChunks, toCsv } from './generator/csv.ts';
export type { Cell, GeneratedCrm, GeneratedTable } from './generator/table.ts';

const SAMPLES = dirname(fileURLToPath(import.meta.url));

interface Options {
  seed: number;
  scale: number;
  out: string;
  tables: readonly CanonicalTableName[];
}

function parseArgs(args: readonly string[]): Options {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (!['--scale', '--out', '--seed', '--tables'].includes(flag))
      throw new Error(`Unknown option ${flag}.`);
    const value = args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value.`);
    values.set(flag, value);
  }
  const scale = Number(values.get('--scale') ?? '1');
  const seed = Number(values.get('--seed') ?? String(DEFAULT_SEED));
  if (!(scale > 0)) throw new Error(`--scale must be a positive number, not ${values.get('--scale')}.`);
  if (!Number.isSafeInteger(seed))
    throw new Error(`--seed must be a whole number, not ${values.get('--seed')}.`);
  const fallback = scale === 1 ? join(SAMPLES, 'crm-demo') : join(SAMPLES, `scale-${scale}`);
  const tables = values.get('--tables')?.split(',') ?? [...CANONICAL_TABLE_NAMES];
  const unknown = tables.filter((t) => !isCanonicalTableName(t));
  if (unknown.length > 0)
    throw new Error(
      `Unknown table ${unknown.join(', ')}; the tables are ${CANONICAL_TABLE_NAMES.join(', ')}.`,
    );
  return {
    seed,
    scale,
    out: resolve(values.get('--out') ?? fallback),
    tables: tables.filter(isCanonicalTableName),
  };
}

/** Streams one table to disk, waiting whenever the file falls behind, so memory stays flat. */
async function writeTable(table: GeneratedTable, path: string): Promise<void> {
  const file = createWriteStream(path);
  const closed = once(file, 'close');
  for (const chunk of csvChunks(table)) {
    if (!file.write(chunk)) await once(file, 'drain');
  }
  file.end();
  await closed;
}

/**
 * The demo workbook next to the CSVs it is made from, built with the app's own stores,
 * and the CSVs imported ahead for the browser's cold start (generator/preparedDemo.ts).
 */
async function writeDemoWorkbook(dir: string): Promise<void> {
  const engine = await createNodeEngine();
  try {
    const demo = await buildDemoWorkbook(engine, dir);
    const { bytes } = demo;
    const path = join(SAMPLES, DEMO_WORKBOOK_FILE);
    await writeFile(path, bytes);
    console.log(
      `${'workbook'.padEnd(11)} ${(bytes.byteLength / 1e6).toFixed(2).padStart(8)} MB  ${relative(process.cwd(), path)}`,
    );
    const out = join(SAMPLES, PREPARED_DIR);
    await mkdir(out, { recursive: true });
    const written = await writePreparedDemo(engine, dir, out);
    written.push(await writeShippedResults(demo, out));
    console.log(
      `${'prepared'.padEnd(11)} ${String(written.length).padStart(8)} files ${relative(process.cwd(), out)}`,
    );
  } finally {
    await engine.close();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  await mkdir(options.out, { recursive: true });
  const started = performance.now();
  const crm = generateCrm({ seed: options.seed, scale: options.scale });
  let total = 0;
  for (const name of options.tables) {
    const table = crm[name];
    const path = join(options.out, `${table.name}.csv`);
    await writeTable(table, path);
    const { size } = await stat(path);
    total += size;
    console.log(
      `${table.name.padEnd(11)} ${(size / 1e6).toFixed(2).padStart(8)} MB  ${relative(process.cwd(), path)}`,
    );
  }
  const committed =
    options.out === join(SAMPLES, 'crm-demo') && options.tables.length === CANONICAL_TABLE_NAMES.length;
  if (committed) await writeDemoWorkbook(options.out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${COMPANY}, seed ${options.seed}, scale ${options.scale}: ${(total / 1e6).toFixed(2)} MB in ${seconds} s`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
