import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './report';

/**
 * The JavaScript a first visit fetches before the first paint: the entry script of the
 * built index.html and the modules it preloads, gzipped (as served compressed). Chunks
 * loaded later (the notebook, data grid, KPI detail, print, the engine) are not counted.
 */
export function initialJavaScript(section: string, dist: string): Figure[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const kb = (bytes: number) => bytes / 1024;
  const raw = files.reduce((s, f) => s + readFileSync(join(dist, f)).byteLength, 0);
  const gz = files.reduce((s, f) => s + gzipSync(readFileSync(join(dist, f)), { level: 9 }).byteLength, 0);
  return [
    {
      section,
      work: `initial JavaScript, gzipped (${files.length} files)`,
      runs: [kb(gz)],
      unit: 'KB',
      target: '≤ 400 KB',
      goal: 'initial-js',
    },
    { section, work: 'initial JavaScript, uncompressed', runs: [kb(raw)], unit: 'KB' },
  ];
}
