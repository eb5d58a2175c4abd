import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The demo generator's deals table at a benchmark scale, written once and reused.
 * Seeded, so every run and machine measures the same bytes.
 */
export function ensureDealsCsv(scale: number): string {
  const dir = `test/bench/out/scale-${scale}`;
  const path = `${dir}/deals.csv`;
  if (!existsSync(path))
    execFileSync(
      'npx',
      ['tsx', 'samples/generate.ts', '--scale', String(scale), '--tables', 'deals', '--out', dir],
      {
        stdio: 'inherit',
      },
    );
  return path;
}
