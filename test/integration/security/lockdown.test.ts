import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { IMPORT_PREFIX, importPath } from '../../../src/engine/lockdown';
import { tableToRows } from '../../../src/engine/rows';
import { guardWorkbookSql } from '../../../src/engine/workbookSql';
import { readWorkbook } from '../../../src/workbook/workbookFile';
import { lockedWorkbookEngine, TABLES } from './lockedEngine';

/**
 * The engine's own wall, with no guard in front: whatever SQL reaches the Node engine
 * (the CLI's and the tests'), it reads only files registered under the import prefix,
 * writes nothing, attaches nothing and changes no setting. The browser worker runs the
 * same settings (test/e2e/engineLockdown.test.ts).
 */
let engine: Engine;
beforeAll(async () => {
  engine = await lockedWorkbookEngine();
});
afterAll(() => engine.close());

const failure = async (sql: string) => {
  try {
    await engine.query(sql);
  } catch (err) {
    return (err instanceof Error ? err.message : String(err)).split('\n')[0];
  }
  return null;
};
const rows = async (sql: string) => tableToRows(await engine.query(sql));

describe('the locked engine, with no guard in front', () => {
  it('has the lock-down settings in force', async () => {
    expect(
      await rows(
        "SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'autoload_known_extensions', 'autoinstall_known_extensions', 'allow_community_extensions', 'allowed_directories') ORDER BY name",
      ),
    ).toEqual([
      { name: 'allow_community_extensions', value: 'false' },
      { name: 'allowed_directories', value: `[${IMPORT_PREFIX}]` },
      { name: 'autoinstall_known_extensions', value: 'false' },
      { name: 'autoload_known_extensions', value: 'false' },
      { name: 'enable_external_access', value: 'false' },
      { name: 'lock_configuration', value: 'true' },
    ]);
  });

  it.each([
    'SET enable_external_access = true',
    "SET allowed_directories = ['/']",
    'SET autoload_known_extensions = true',
    'SET lock_configuration = false',
    'RESET lock_configuration',
    'PRAGMA threads = 4',
  ])('refuses to change a setting: %s', async (sql) => {
    expect(await failure(sql)).toMatch(/the configuration has been locked/);
  });

  it.each([
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM glob('/etc/*')",
    "SELECT * FROM 'https://evil.example/x.csv'",
    "COPY deals TO '/tmp/shakhes-lockdown-copy.csv'",
    "ATTACH '/tmp/shakhes-lockdown.db' AS x",
    "EXPORT DATABASE '/tmp/shakhes-lockdown-export'",
    `SELECT * FROM read_text('${IMPORT_PREFIX}../etc/passwd')`,
    'LOAD httpfs',
  ])('refuses to reach outside: %s', async (sql) => {
    expect(await failure(sql)).toMatch(/^Permission Error: .*disabled (by|through) configuration/);
  });

  it('still imports a file registered under the prefix after the lock, and nowhere else', async () => {
    const r = await importFile(engine, { name: 'late.csv', bytes: new TextEncoder().encode('n\n1\n2\n') });
    expect(await rows(`SELECT sum(n) AS s FROM ${r.table}`)).toEqual([{ s: 3 }]);
    await expect(engine.registerFile('/tmp/x.csv', new Uint8Array([1]))).rejects.toThrow(/registered under/);
    await expect(engine.registerFile(`${IMPORT_PREFIX}../x.csv`, new Uint8Array([1]))).rejects.toThrow(
      /registered under/,
    );
    expect(importPath('a/../b.csv')).toBe(`${IMPORT_PREFIX}a_.._b.csv`);
  });
});

describe('hostile SQL cells of a workbook', () => {
  it('are refused by the guard, on DuckDB’s reading of them', async () => {
    const { doc } = readWorkbook(
      readFileSync(new URL('../../fixtures/workbooks/hostile-sql.shakhes', import.meta.url)),
    );
    const verdicts = [];
    for (const cell of doc.sheets[0].cells)
      verdicts.push(await guardWorkbookSql(engine, cell.source ?? '', TABLES));
    expect(verdicts.map((v) => (v.ok ? 'ok' : v.reason))).toEqual([
      'forbidden-function',
      'forbidden-keyword',
    ]);
  });
});
