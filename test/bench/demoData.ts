import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CANONICAL_TABLE_NAMES } from '../../src/core/model/canonical';

/**
 * The demo generator's tables at a benchmark scale, written once and reused. Seeded,
 * so every run and machine measures the same bytes.
 */
export function ensureDemoCsv(scale: number, tables: readonly string[] = CANONICAL_TABLE_NAMES): string {
  const dir = `test/bench/out/scale-${scale}`;
  const missing = tables.filter((t) => !existsSync(`${dir}/${t}.csv`));
  if (missing.length > 0)
    execFileSync(
      'npx',
      ['tsx', 'samples/generate.ts', '--scale', String(scale), '--tables', missing.join(','), '--out', dir],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  return dir;
}

/** Deals per unit of scale in the demo: --scale 170 is about a million. */
export const DEALS_PER_SCALE = 5_862;
