import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { importFromPath } from '../../../src/engine/ingest/importFromPath';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { TYPED_FIXTURES } from './nativeFixtures';

/**
 * A file imported by path on the native engine (read in place, never copied into memory)
 * becomes the table the browser makes of its bytes: same column types, blanks, problems
 * and notes. The real exports in ../shared/real-data and the typed fixtures are checked.
 */
const REAL = fileURLToPath(new URL('../../../../shared/real-data/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const globs = mkdtempSync(join(tmpdir(), 'shakhes-glob-'));

let wasm: Engine;
let native: Engine;
beforeAll(async () => {
  [wasm, native] = await Promise.all([
    createNodeEngine(),
    createNativeEngine({ allowedDirectories: [REAL, FIXTURES, globs] }),
  ]);
});
afterAll(async () => {
  await Promise.all([wasm.close(), native.close()]);
  rmSync(globs, { recursive: true, force: true });
});

const types = async (engine: Engine, table: string) =>
  (await engine.query(`SELECT * FROM "${table}"`)).schema.fields.map((f) => `${f.name}: ${f.type}`);
const rows = async (engine: Engine, table: string) =>
  tableToRows(await engine.query(`SELECT * FROM "${table}" ORDER BY ALL`));

async function sameAsBrowser(folder: string, name: string) {
  const [w, n] = await Promise.all([
    importFile(wasm, { name, bytes: readFileSync(join(folder, name)) }),
    importFromPath(native, join(folder, name)),
  ]);
  expect(n).toEqual(w);
  expect(await types(native, n.table)).toEqual(await types(wasm, w.table));
  return { w, n };
}

describe('importing by path on the native engine', () => {
  it.each(['Telco-Customer-Churn.csv', 'WA_Fn-UseC_-HR-Employee-Attrition.csv'])(
    'reads the real export %s as the browser does',
    async (name) => {
      const { w, n } = await sameAsBrowser(REAL, name);
      expect(n.rows).toBeGreaterThan(1000);
      expect(await rows(native, n.table)).toEqual(await rows(wasm, w.table));
    },
    120_000,
  );

  it.each(TYPED_FIXTURES)('reads the fixture %s as the browser does', async (name) => {
    const { w, n } = await sameAsBrowser(FIXTURES, name);
    expect(await rows(native, n.table)).toEqual(await rows(wasm, w.table));
  });

  it.each(['ragged.csv', 'unbalanced-quote.csv', 'empty.csv', 'garbage.csv'])(
    'refuses the fixture %s with the browser’s report',
    async (name) => {
      const failure = (p: Promise<unknown>) =>
        p.then(
          () => null,
          (e: unknown) => e,
        );
      const [w, n] = await Promise.all([
        failure(importFile(wasm, { name, bytes: readFileSync(join(FIXTURES, name)) })),
        failure(importFromPath(native, join(FIXTURES, name))),
      ]);
      expect(n).toEqual(w);
    },
  );

  it('reads a glob of same-shaped files as one table, as if they were one file', async () => {
    const header = 'id,amount,closed\n';
    const lines = Array.from(
      { length: 40 },
      (_, i) => `${i},${i % 9 === 0 ? 'NA' : i * 2.5},2024-01-${String((i % 28) + 1).padStart(2, '0')}\n`,
    );
    writeFileSync(join(globs, 'a.csv'), header + lines.slice(0, 20).join(''));
    writeFileSync(join(globs, 'b.csv'), header + lines.slice(20).join(''));
    const whole = new TextEncoder().encode(header + lines.join(''));
    const [w, n] = await Promise.all([
      importFile(wasm, { name: 'exports.csv', bytes: whole }),
      importFromPath(native, join(globs, '*.csv')),
    ]);
    // The table is named for the folder; the rest is what one file of all the rows gives.
    const folder = globs.split('/').at(-1)?.toLowerCase().replaceAll('-', '_');
    expect(n.table).toBe(folder);
    expect({ ...n, table: '', sourceName: '' }).toEqual({ ...w, table: '', sourceName: '' });
    expect(n.rows).toBe(40);
    expect(await rows(native, n.table)).toEqual(await rows(wasm, w.table));
  });

  it('says when no file matches', async () => {
    await expect(importFromPath(native, join(globs, 'none-*.csv'))).rejects.toThrow(/No files found/);
  });
});
