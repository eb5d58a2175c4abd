import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMappingProfiles } from '../../../src/app/mapping/mappingProfiles';
import { classifyTable } from '../../../src/core/model/classify';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { profileCsv } from '../../unit/mapping/profileCsv';

/**
 * The classifier over the labelled corpus the way the app runs it: each file
 * imported by the real importer, its values measured by the profile SQL on
 * DuckDB-WASM, then classified. Same thresholds as the unit test, and the SQL
 * profile agrees with the plain-TypeScript one on what the classifier reads.
 */
const DIR = join(__dirname, '../../fixtures/crm/corpus');
const LABELS: { file: string; label: string }[] = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8'));
let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

afterAll(() => engine?.close());

describe('classifier on engine-measured profiles', () => {
  it('classifies the corpus loaded through the importer at least as well as the thresholds ask', async () => {
    const measure = createMappingProfiles(async () => engine);
    let right = 0;
    let worstWrong = 0;
    const misses: string[] = [];
    for (const l of LABELS) {
      const text = readFileSync(join(DIR, l.file));
      const loaded = await importFile(engine, { name: l.file, bytes: new Uint8Array(text) });
      const profiles = await measure({ name: loaded.table, columns: loaded.columns });
      const headers = profiles.map((p) => p.name);
      const kinds = Object.fromEntries(profiles.map((p) => [p.name, p.kind]));
      const c = classifyTable(headers, kinds, profiles);
      if ((c.table ?? 'none') === l.label) right++;
      else {
        worstWrong = Math.max(worstWrong, c.confidence);
        misses.push(`${l.file}: ${c.table ?? 'none'} ${(c.confidence * 100).toFixed(0)} %`);
      }
      // What the classifier reads of each text and number column agrees with the plain-TypeScript
      // profile (dates may be read to the day by the importer, so their counts differ).
      const plain = profileCsv(text.toString('utf8')).profiles;
      for (const p of profiles) {
        const q = plain.find((x) => x.name === p.name)!;
        if (p.kind !== q.kind || (p.kind !== 'text' && p.kind !== 'number')) continue;
        expect(
          { distinct: p.distinct, filled: p.filled, top: p.top[0]?.count },
          `${l.file} ${p.name}`,
        ).toEqual({
          distinct: q.distinct,
          filled: q.filled,
          top: q.top[0]?.count,
        });
        if (p.kind === 'number') expect([p.min, p.max, p.in0to10]).toEqual([q.min, q.max, q.in0to10]);
      }
      await engine.query(`DROP TABLE "${loaded.table}"`);
    }
    console.log(
      `engine profiles: top-1 accuracy ${((right / LABELS.length) * 100).toFixed(1)} %; surest wrong guess ${(worstWrong * 100).toFixed(0)} %${misses.length ? `\n${misses.join('\n')}` : ''}`,
    );
    expect(right / LABELS.length).toBeGreaterThanOrEqual(0.9);
    expect(worstWrong).toBeLessThanOrEqual(0.6);
  }, 120_000);
});
