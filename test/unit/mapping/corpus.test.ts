import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLASSIFY_WEIGHTS, classifyTable } from '../../../src/core/model/classify';
import { suggestMapping } from '../../../src/core/model/mapping';
import { profileCsv } from './profileCsv';

const DIR = join(__dirname, '../../fixtures/crm/corpus');
interface Label {
  file: string;
  label: string;
  preset?: string;
  expect?: Record<string, string>;
}
const LABELS: Label[] = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8'));
const FILES = LABELS.map((l) => ({ ...l, ...profileCsv(readFileSync(join(DIR, l.file), 'utf8')) }));

/** Top-1 accuracy and the surest wrong guess over the corpus, with the given weights. */
function measure(weights = CLASSIFY_WEIGHTS) {
  let right = 0;
  let worstWrong = 0;
  const rows: string[] = [];
  for (const f of FILES) {
    const c = classifyTable(f.headers, f.kinds, f.profiles, weights);
    const guess = c.table ?? 'none';
    const ok = guess === f.label;
    if (ok) right++;
    else worstWrong = Math.max(worstWrong, c.confidence);
    rows.push(
      `${ok ? ' ' : 'X'} ${f.file.padEnd(38)} ${f.label.padEnd(10)} → ${guess.padEnd(10)} ${(c.confidence * 100).toFixed(0)} %`,
    );
  }
  return { accuracy: right / FILES.length, worstWrong, rows };
}

describe('classifier over the labelled corpus', () => {
  it('gets at least 90 % right, is never surer than 60 % when wrong, and says when nothing fits', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(25);
    const m = measure();
    console.log(
      `${m.rows.join('\n')}\ntop-1 accuracy ${(m.accuracy * 100).toFixed(1)} % over ${FILES.length} files; surest wrong guess ${(m.worstWrong * 100).toFixed(0)} %`,
    );
    expect(m.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(m.worstWrong).toBeLessThanOrEqual(0.6);
    for (const f of FILES.filter((x) => x.label === 'none')) {
      const s = suggestMapping(f.headers, f.kinds, f.profiles);
      expect(s.noGoodMatch, f.file).toBe(true);
      expect(s.noneLikelihood, f.file).toBeGreaterThan(0.5);
    }
  });

  it('needs the values: with the value profile turned off it falls below the threshold', () => {
    const m = measure({ ...CLASSIFY_WEIGHTS, values: 0 });
    console.log(
      `names only: top-1 accuracy ${(m.accuracy * 100).toFixed(1)} %; surest wrong guess ${(m.worstWrong * 100).toFixed(0)} %`,
    );
    expect(m.accuracy < 0.9 || m.worstWrong > 0.6).toBe(true);
  });

  it('classifies the demo tables, which were not used to set the weights, each as its own table', () => {
    const demo = join(__dirname, '../../../samples/crm-demo');
    for (const name of readdirSync(demo).filter((f) => f.endsWith('.csv'))) {
      // The first 2,000 rows, as the app profiles the first rows of a large table.
      const text = readFileSync(join(demo, name), 'utf8').split('\n').slice(0, 2001).join('\n');
      const { headers, kinds, profiles } = profileCsv(text);
      const s = suggestMapping(headers, kinds, profiles);
      expect(s.table, name).toBe(name.replace('.csv', ''));
      expect(s.noGoodMatch, name).toBe(false);
    }
  });

  for (const f of FILES) {
    if (f.preset === undefined && f.expect === undefined) continue;
    it(`maps ${f.file}: ${f.preset === undefined ? 'no preset claimed' : `recognised as ${f.preset}`}, key and dates found`, () => {
      const s = suggestMapping(f.headers, f.kinds, f.profiles);
      expect(s.table).toBe(f.label);
      expect(s.preset?.id ?? null).toBe(f.preset ?? null);
      if (f.expect !== undefined) expect(s.mapping.columns).toMatchObject(f.expect);
    });
  }
});
