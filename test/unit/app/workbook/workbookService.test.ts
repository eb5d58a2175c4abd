import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../../../src/app/data/sourceFile';
import { datasetsOf, type TableEntry } from '../../../../src/app/data/tableEntry';
import {
  createWorkbookService,
  filesFor,
  type OpenOutcome,
  type WorkbookService,
} from '../../../../src/app/workbook/workbookService';
import { emptyDocument } from '../../../../src/core/model/document';
import type { WorkbookDocument } from '../../../../src/core/model/documentSchema';
import type { ImportResult } from '../../../../src/engine/ingest/types';
import { WorkbookError } from '../../../../src/workbook/workbookError';
import { readWorkbook } from '../../../../src/workbook/workbookFile';
import { recordingEngine } from '../../../helpers/recordingEngine';

/**
 * An engine that keeps only a catalog of table names, enough for the swap: it answers the
 * catalog query, drops, renames, and rolls back to what BEGIN saw. Every statement is
 * recorded in order; a statement matching `fail` throws.
 */
function catalogEngine(tables: string[]) {
  let catalog = new Set(tables.map((t) => t.toLowerCase()));
  let saved: Set<string> | null = null;
  const fault: { fail: RegExp | null } = { fail: null };
  const names = (sql: string) =>
    [...sql.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replaceAll('""', '"'));
  const engine = recordingEngine((sql) => {
    if (fault.fail?.test(sql)) throw new Error(`refused: ${sql}`);
    if (sql === 'BEGIN TRANSACTION') saved = new Set(catalog);
    else if (sql === 'COMMIT') saved = null;
    else if (sql === 'ROLLBACK' && saved) [catalog, saved] = [saved, null];
    else if (sql.startsWith('DROP')) catalog.delete(names(sql)[0].toLowerCase());
    else if (sql.startsWith('ALTER TABLE')) {
      const [from, to] = names(sql);
      catalog.delete(from.toLowerCase());
      catalog.add(to.toLowerCase());
    } else if (sql.includes('duckdb_tables()')) {
      const list = sql.slice(sql.indexOf('IN (') + 4, sql.indexOf(')', sql.indexOf('IN (')));
      const asked = [...list.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replaceAll("''", "'"));
      const found = asked.filter((n) => catalog.has(n));
      return tableFromArrays({ name: found, kind: found.map(() => 'TABLE') });
    }
    return tableFromArrays({ n: [0] });
  });
  const log = engine.queries;
  /** A table made outside the statements the fake reads (the importer's). */
  const add = (name: string) => catalog.add(name.toLowerCase());
  return { engine, log, fault, add, tables: () => [...catalog].sort() };
}

const entry = (name: string): TableEntry => ({
  name,
  sourceName: `${name}.csv`,
  format: 'csv',
  rows: 1,
  columns: [{ name: 'a', kind: 'number', sqlType: 'BIGINT' }],
  options: { delimiter: ',' },
  problems: { count: 0, samples: [] },
  notes: [],
});

function docOf(...tables: string[]): WorkbookDocument {
  const doc = emptyDocument('Theirs');
  doc.datasets = datasetsOf(tables.map(entry));
  return doc;
}

const file = (name: string): SourceFile => ({
  name,
  size: 3,
  read: async () => new Uint8Array([97, 10, 49]),
});

/** A service over the catalog engine whose importer makes the table it is asked for (and fails for "bad"). */
function setup(tables: string[]) {
  const fake = catalogEngine(tables);
  const imported: string[] = [];
  const service: WorkbookService = createWorkbookService({
    engine: async () => fake.engine,
    importFile: async (_engine, source, opts = {}) => {
      if (source.name.includes('bad')) throw new Error('unreadable');
      imported.push(`${source.name} -> ${opts.table}`);
      fake.add(opts.table ?? '');
      return { table: opts.table ?? '', rows: 2, columns: [] } as unknown as ImportResult;
    },
  });
  return { ...fake, service, imported };
}

async function needingFiles(service: WorkbookService, ...tables: string[]) {
  const bytes = await service.save(docOf(...tables), false);
  const outcome: OpenOutcome = await service.open(bytes);
  if (outcome.status !== 'needs-files') throw new Error('expected an open that needs files');
  return outcome;
}

describe('workbook service', () => {
  it('saves without data and opens the bytes with no store and no query, asking for the files by name', async () => {
    const { service, log } = setup([]);
    const outcome = await needingFiles(service, 'deals', 'leads');
    expect(outcome.doc.title).toBe('Theirs');
    expect(outcome.missing.map((m) => [m.table, m.sourceName])).toEqual([
      ['deals', 'deals.csv'],
      ['leads', 'leads.csv'],
    ]);
    expect(readWorkbook(await service.save(outcome.doc, false)).doc).toEqual(outcome.doc);
    expect(log).toEqual([]);
  });

  it('refuses a file that is not a workbook with a WorkbookError, before touching the engine', async () => {
    const { service, log } = setup(['deals']);
    await expect(service.open(new TextEncoder().encode('not a zip'))).rejects.toBeInstanceOf(WorkbookError);
    expect(log).toEqual([]);
  });

  it('puts the files in place and drops the replaced tables in one transaction, and lists the tables it loaded', async () => {
    const { service, log, tables, imported } = setup(['deals', 'old_leads']);
    const awaiting = await needingFiles(service, 'deals', 'accounts');
    const files = filesFor(awaiting.missing, [file('DEALS.csv'), file('accounts.csv')]);
    expect(files.absent).toEqual([]);
    const opened = await service.openWithFiles(awaiting, files.found, ['deals', 'old_leads']);
    expect(opened.tables.map((t) => [t.name, t.rows])).toEqual([
      ['deals', 2],
      ['accounts', 2],
    ]);
    expect(imported.map((i) => i.replace(/__restore_\w+/, 'staged'))).toEqual([
      'DEALS.csv -> staged',
      'accounts.csv -> staged',
    ]);
    expect(tables()).toEqual(['accounts', 'deals']);
    const ddl = log
      .filter((q) => !q.includes('duckdb_tables()'))
      .map((q) => q.replace(/__restore_\w+/, 'staged'));
    expect(ddl).toEqual([
      'BEGIN TRANSACTION',
      'DROP TABLE IF EXISTS "old_leads"',
      'DROP TABLE IF EXISTS "deals"',
      'ALTER TABLE "staged" RENAME TO "deals"',
      'ALTER TABLE "staged" RENAME TO "accounts"',
      'COMMIT',
    ]);
  });

  it('leaves every table as it was when a rename fails mid-way, and drops what it staged', async () => {
    const { service, tables, fault, log } = setup(['deals', 'old_leads']);
    const awaiting = await needingFiles(service, 'deals', 'accounts');
    const { found } = filesFor(awaiting.missing, [file('deals.csv'), file('accounts.csv')]);
    fault.fail = /RENAME TO "accounts"/;
    await expect(service.openWithFiles(awaiting, found, ['deals', 'old_leads'])).rejects.toThrow(/refused/);
    expect(log).toContain('ROLLBACK');
    expect(tables()).toEqual(['deals', 'old_leads']);
  });

  it('starts no transaction when a file cannot be read', async () => {
    const { service, tables, log } = setup(['deals']);
    const awaiting = await needingFiles(service, 'deals', 'accounts');
    const { found } = filesFor(awaiting.missing, [file('deals.csv'), file('bad-accounts.csv')]);
    found.set(awaiting.missing[1].id, file('bad-accounts.csv'));
    await expect(service.openWithFiles(awaiting, found, ['deals'])).rejects.toThrow(/unreadable/);
    expect(log).not.toContain('BEGIN TRANSACTION');
    expect(tables()).toEqual(['deals']);
  });

  it('names the datasets whose files were not given', () => {
    const missing = [
      { id: 'd', table: 'deals', sourceName: 'deals.csv' },
      { id: 'l', table: 'leads', sourceName: 'leads.csv' },
    ];
    const { found, absent } = filesFor(missing, [file('Leads.CSV')]);
    expect([...found.keys()]).toEqual(['l']);
    expect(absent.map((m) => m.sourceName)).toEqual(['deals.csv']);
  });
});
