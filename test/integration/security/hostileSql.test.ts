import fs, { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sqlKind } from '../../../src/core/notebook/kinds/sql';
import type { NotebookCell, NotebookContext } from '../../../src/core/notebook/types';
import { dialectNamed } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { tableToRows } from '../../../src/engine/rows';
import { guardWorkbookSql } from '../../../src/engine/workbookSql';
import { type EngineRefusal, HOSTILE_SQL } from '../../fixtures/hostile/sql/corpus';
import { lockedWorkbookEngine, TABLES } from './lockedEngine';

/**
 * The differential test of issue 12: every hostile statement of the corpus, run the way a
 * SQL cell runs (sqlKind's plan: a view of the SQL, made as one prepared statement, then
 * read), fails at the locked engine with the guard switched off, and gets the guard's
 * refusal with it on. Nothing outside the engine is opened or written, and the workbook's
 * tables stay as they were.
 */

const ENGINE_ERRORS: Record<EngineRefusal, RegExp> = {
  permission: /^Permission Error: .*disabled (by|through) configuration/,
  catalog: /^Catalog Error: /,
  parser: /^Parser Error: /,
  'single-statement': /^Invalid Input Error: Cannot prepare multiple statements at once!/,
  binder: /^Binder Error: /,
};

let engine: Engine;
let dir: string;
const opened: string[] = [];
const CONTEXT: NotebookContext = {
  tables: TABLES.filter((t) => t !== 'won'),
  schema: { tables: [], relationships: [] },
  kpis: new Map(),
  inputs: new Map(),
  views: ['won'],
  calendar: 'gregorian',
  dialect: dialectNamed('duckdb'),
};

const cellOf = (source: string): NotebookCell => ({
  id: 'c1',
  kind: 'sql',
  name: 'probe_cell',
  source,
  config: {},
});
const sqlOf = (template: string) => template.replaceAll('{{DIR}}', dir);

/** The cell's plan, as the notebook makes it (the guard is not part of planning). */
function planOf(sql: string) {
  const planned = sqlKind.plan(cellOf(sql), CONTEXT);
  if (!planned.ok || planned.plan.type !== 'sql') throw new Error(`no SQL plan for ${sql}`);
  return planned.plan;
}

/** Runs a cell's SQL with the guard switched off; resolves to DuckDB's error, or null when it ran. */
async function runUnguarded(sql: string): Promise<string | null> {
  const plan = planOf(sql);
  try {
    for (const stmt of plan.setup) await engine.query(stmt, { single: true });
    await engine.query(plan.result);
    return null;
  } catch (err) {
    return (err instanceof Error ? err.message : String(err)).split('\n')[0];
  }
}

const rows = async (sql: string) => tableToRows(await engine.query(sql));

async function workbookState() {
  return {
    deals: await rows('SELECT deal_id, customer_id, stage, amount FROM deals ORDER BY deal_id'),
    catalog: await rows(
      "SELECT table_name AS name, table_type AS type FROM information_schema.tables WHERE table_schema = 'main' AND table_name NOT LIKE 'probe_cell' ORDER BY 1",
    ),
    macros: await rows('SELECT count(*) AS n FROM duckdb_functions() WHERE NOT internal'),
    databases: await rows('SELECT database_name FROM duckdb_databases() WHERE NOT internal ORDER BY 1'),
    settings: await rows(
      "SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'autoload_known_extensions', 'autoinstall_known_extensions', 'allow_community_extensions', 'allowed_directories') ORDER BY name",
    ),
  };
}

let before: Awaited<ReturnType<typeof workbookState>>;

beforeAll(async () => {
  engine = await lockedWorkbookEngine();
  dir = mkdtempSync(join(tmpdir(), 'shakhes-hostile-'));
  before = await workbookState();
  // Every file the engine opens goes through node:fs; none may be opened while the corpus runs.
  for (const fn of ['openSync', 'readFileSync', 'statSync', 'lstatSync', 'readdirSync'] as const)
    vi.spyOn(fs, fn).mockImplementation(((path: fs.PathLike) => {
      opened.push(String(path));
      throw new Error(`the engine tried to open ${String(path)}`);
    }) as never);
});

afterAll(async () => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
  await engine.close();
});

describe('hostile SQL corpus', () => {
  it('holds at least 100 cases with distinct names', () => {
    expect(HOSTILE_SQL.length).toBeGreaterThanOrEqual(100);
    expect(new Set(HOSTILE_SQL.map((c) => c.name)).size).toBe(HOSTILE_SQL.length);
  });

  it('with the guard switched off, the locked engine refuses every case', async () => {
    const outcomes: string[] = [];
    for (const c of HOSTILE_SQL) {
      const error = await runUnguarded(sqlOf(c.sql));
      const kind = error === null ? 'ran' : ENGINE_ERRORS[c.engine].test(error) ? c.engine : error;
      outcomes.push(`${c.name}: ${kind}`);
    }
    expect(outcomes).toEqual(HOSTILE_SQL.map((c) => `${c.name}: ${c.engine}`));
    expect(opened).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
    expect(await workbookState()).toEqual(before);
  });

  it('with the guard, every case gets a message: the refusal it names, or DuckDB’s own error', async () => {
    const outcomes: string[] = [];
    for (const c of HOSTILE_SQL) {
      const sql = sqlOf(c.sql);
      const verdict = await guardWorkbookSql(engine, sql, TABLES);
      if (!verdict.ok) {
        expect(verdict.message, c.name).not.toBe('');
        outcomes.push(`${c.name}: ${verdict.code}`);
      } else outcomes.push(`${c.name}: ${(await runUnguarded(sql)) === null ? 'ran' : 'duckdb-error'}`);
    }
    expect(outcomes).toEqual(HOSTILE_SQL.map((c) => `${c.name}: ${c.guard}`));
    expect(opened).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
    expect(await workbookState()).toEqual(before);
  });
});
