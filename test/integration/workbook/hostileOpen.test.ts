import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { nameClashTextIn } from '../../../src/i18n/nameClashes';
import { createDataStore, type DataStore, type SourceFile } from '../../../src/state/dataStore';
import type { DocumentSlice } from '../../../src/state/documentSlice';
import { createWorkbookStore, type WorkbookStore } from '../../../src/state/workbookStore';
import type { WorkbookError } from '../../../src/workbook/workbookError';
import { readWorkbook } from '../../../src/workbook/workbookFile';
import { HOSTILE_WORKBOOKS } from '../../fixtures/hostile/workbooks/make';

const q = duckdb.quoteIdent;
const HOSTILE = new URL('../../fixtures/hostile/workbooks/', import.meta.url);
const ZIP_LEVEL = new URL('../../fixtures/workbooks/', import.meta.url);
/** Files of the zip-level corpus that open (their contents are judged elsewhere). */
const OPENS = new Set(['plain.shakhes', 'format-0.shakhes', 'script-in-text.shakhes', 'hostile-sql.shakhes']);

const csv = (name: string, text: string): SourceFile => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, read: async () => bytes };
};

/** A part of the document the user edits: the currency. */
function currencySlice() {
  const store = createStore<{ currency: string }>()(() => ({ currency: 'USD' }));
  const slice: DocumentSlice = {
    contribute(doc) {
      doc.settings.currency = store.getState().currency;
    },
    adopt(doc) {
      store.setState({ currency: doc.settings.currency });
    },
    subscribe: (onChange) => store.subscribe(() => onChange('edit')),
  };
  return { store, slice };
}

/**
 * Everything the engine holds, hashed: each table's columns and an md5 of its rows in
 * a fixed order, each view's SQL. Equal before and after means byte-identical data.
 */
async function engineState(engine: Engine): Promise<Record<string, string>> {
  const rows = async (sql: string) => tableToRows(await engine.query(sql));
  const out: Record<string, string> = {};
  for (const v of await rows(`SELECT view_name AS name, sql FROM duckdb_views() WHERE NOT internal`))
    out[`view ${v.name}`] = String(v.sql);
  for (const t of await rows(`SELECT table_name AS name FROM duckdb_tables()`)) {
    const name = String(t.name);
    const cols = await rows(`DESCRIBE ${q(name)}`);
    const [h] = await rows(
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::VARCHAR, chr(10) ORDER BY t::VARCHAR), '')) AS h FROM ${q(name)} AS t`,
    );
    out[`table ${name}`] =
      `${cols.map((c) => `${c.column_name} ${c.column_type}`).join(', ')} | ${h.n} rows | ${h.h}`;
  }
  return out;
}

interface OpenWorkbook {
  data: DataStore;
  wb: WorkbookStore;
  edits: ReturnType<typeof currencySlice>['store'];
  engine: Engine;
}

/** Whatever an open must not change: the engine, the document, the tables the app lists, the undo history. */
async function everything({ data, wb, engine }: OpenWorkbook) {
  const s = wb.getState();
  return {
    engine: await engineState(engine),
    document: JSON.stringify(s.snapshot()),
    tables: data.getState().tables,
    dataIds: data.getState().dataIds,
    workbook: {
      title: s.title,
      fileName: s.fileName,
      dirty: s.dirty,
      canUndo: s.canUndo,
      canRedo: s.canRedo,
    },
  };
}

/**
 * A workbook with data and edits, open the way a user has it: two loaded tables, a
 * mapping view and a notebook cell's view made over them, a title and the currency changed.
 */
async function openWorkbook(createEngine: () => Promise<Engine> = createNodeEngine): Promise<OpenWorkbook> {
  const data = createDataStore({ createEngine, importFile, demoFiles: () => [] });
  await data
    .getState()
    .loadFiles([
      csv('deals.csv', 'id,stage,amount\n1,Won,100\n2,Lost,50\n3,Won,70\n'),
      csv('accounts.csv', 'account_id,name\n7,Kian\n8,Sara\n'),
    ]);
  const engine = await data.getState().engine();
  await engine.query('CREATE VIEW customers AS SELECT account_id AS customer_id, name FROM accounts');
  await engine.query('CREATE VIEW query_1 AS SELECT stage, sum(amount) AS s FROM deals GROUP BY 1');
  const wb = createWorkbookStore(data);
  const { store, slice } = currencySlice();
  wb.getState().registerSlice(slice);
  wb.getState().setTitle('Mine');
  store.setState({ currency: 'IRR' });
  return { data, wb, edits: store, engine };
}

describe('a hostile workbook leaves the open workbook byte-identical', () => {
  let open: OpenWorkbook;
  let before: Awaited<ReturnType<typeof everything>>;
  beforeAll(async () => {
    open = await openWorkbook();
    before = await everything(open);
    expect(Object.keys(before.engine).sort()).toEqual([
      'table accounts',
      'table deals',
      'view customers',
      'view query_1',
    ]);
    expect(before.workbook.canUndo).toBe(true);
  });

  it('the corpus on disk is what make.ts makes, and lists every file', () => {
    const files = readdirSync(HOSTILE).filter((f) => f.endsWith('.shakhes'));
    expect(files.sort()).toEqual(Object.keys(HOSTILE_WORKBOOKS).sort());
    for (const [name, c] of Object.entries(HOSTILE_WORKBOOKS))
      expect(Buffer.from(readFileSync(new URL(name, HOSTILE))).equals(Buffer.from(c.make())), name).toBe(
        true,
      );
  });

  it.each(Object.entries(HOSTILE_WORKBOOKS))('refuses %s with its message', async (name, c) => {
    const bytes = readFileSync(new URL(name, HOSTILE));
    expect(await open.wb.getState().open(bytes, name)).toBe(false);
    const s = open.wb.getState();
    expect(s.error).toBe(c.message);
    const err = (() => {
      try {
        readWorkbook(bytes);
        return null;
      } catch (e) {
        return e as WorkbookError;
      }
    })();
    // Refusals the file alone shows come before the engine is touched; the rest come from the data.
    if (err !== null) expect(err.code).toBe(c.code);
    if (c.code === 'name-clash') {
      expect(s.errorClash?.message).toBe(c.message);
      const fa = nameClashTextIn('fa', s.errorClash!);
      expect(fa).toMatch(/^این کارپوشه پذیرفته نشد/);
      expect(fa).toContain(`\u2068${s.errorClash!.params.dataset}\u2069`);
    } else expect(s.errorClash).toBe(null);
    expect(await everything(open)).toEqual(before);
  });

  const zipLevel = readdirSync(ZIP_LEVEL).filter((f) => f.endsWith('.shakhes') && !OPENS.has(f));
  it.each(zipLevel)('refuses %s (zip-level corpus) and changes nothing', async (name) => {
    expect(await open.wb.getState().open(readFileSync(new URL(name, ZIP_LEVEL)), name)).toBe(false);
    expect(open.wb.getState().error).toMatch(/\S/);
    expect(await everything(open)).toEqual(before);
  });

  it('keeps the undo history: the edits before the refusals undo as before', () => {
    const wb = open.wb.getState();
    wb.undo();
    expect(open.edits.getState().currency).toBe('USD');
    wb.undo();
    expect(open.wb.getState().title).toBe('Untitled workbook');
  });
});

/**
 * The Node engine, with `before` run ahead of each query while `armed`: it may refuse
 * the query (throw) or run other SQL first, as another part of the app would.
 */
function faultyEngine(before: (sql: string, inner: Engine) => Promise<void>) {
  const fault = { armed: true };
  const create = async (): Promise<Engine> => {
    const inner = await createNodeEngine();
    return {
      ...inner,
      async query(sql, options) {
        if (fault.armed) await before(sql, inner);
        return inner.query(sql, options);
      },
    };
  };
  return { fault, create };
}

/** A sound workbook whose `customers` table replaces the open workbook's view of that name. */
async function theirFile(): Promise<Uint8Array> {
  const theirs = createDataStore({ createEngine: createNodeEngine, importFile, demoFiles: () => [] });
  await theirs
    .getState()
    .loadFiles([
      csv('deals.csv', 'id,stage,amount\n9,Won,900\n'),
      csv('accounts.csv', 'account_id,name\n5,Dara\n'),
      csv('customers.csv', 'customer_id,name\n1,Mina\n2,Reza\n3,Omid\n'),
    ]);
  const wb = createWorkbookStore(theirs);
  wb.getState().setTitle('Theirs');
  return wb.getState().save({ embedData: true });
}

describe('the swap is one transaction', () => {
  it('a failure after some tables are renamed puts every table and view back, then the same file opens whole', async () => {
    const file = await theirFile();
    let alters = 0;
    const { fault, create } = faultyEngine(async (sql) => {
      if (/^ALTER TABLE/.test(sql) && alters++ >= 2) throw new Error('Injected failure in the swap');
    });
    const open = await openWorkbook(create);
    const before = await everything(open);
    expect(await open.wb.getState().open(file, 'theirs.shakhes')).toBe(false);
    expect(open.wb.getState().error).toMatch(/Injected failure in the swap/);
    expect(alters).toBe(3);
    // Nothing renamed stays renamed, the view is back and no staged table is left behind.
    expect(await everything(open)).toEqual(before);

    fault.armed = false;
    expect(await open.wb.getState().open(file, 'theirs.shakhes')).toBe(true);
    const state = await engineState(open.engine);
    expect(Object.keys(state).sort()).toEqual([
      'table accounts',
      'table customers',
      'table deals',
      'view query_1',
    ]);
    expect(
      tableToRows(await open.engine.query('SELECT name FROM customers ORDER BY customer_id')).map(
        (r) => r.name,
      ),
    ).toEqual(['Mina', 'Reza', 'Omid']);
    expect(open.wb.getState().title).toBe('Theirs');
  });

  it('a query of another caller that fails inside the transaction, so that DuckDB rolls COMMIT back, is noticed', async () => {
    const file = await theirFile();
    const { create } = faultyEngine(async (sql, inner) => {
      // A failed statement aborts the open transaction; COMMIT then answers without error.
      if (sql === 'COMMIT') await inner.query("SELECT 'x'::INTEGER").catch(() => undefined);
    });
    const open = await openWorkbook(create);
    const before = await everything(open);
    expect(await open.wb.getState().open(file, 'theirs.shakhes')).toBe(false);
    expect(open.wb.getState().error).toMatch(/could not be put in place/);
    expect(await everything(open)).toEqual(before);
  });
});

describe('a workbook saved without its data', () => {
  it('whose second file fails to load leaves the open workbook as it was, the first file staged and dropped', async () => {
    const theirs = createDataStore({ createEngine: createNodeEngine, importFile, demoFiles: () => [] });
    await theirs
      .getState()
      .loadFiles([
        csv('orders.csv', 'order_id,revenue\n1,10\n'),
        csv('refunds.csv', 'refund_id,amount\n1,5\n'),
      ]);
    const file = await createWorkbookStore(theirs).getState().save({ embedData: false });

    const open = await openWorkbook();
    const before = await everything(open);
    expect(await open.wb.getState().open(file, 'theirs.shakhes')).toBe(false);
    expect(open.wb.getState().pending?.missing.map((m) => m.sourceName)).toEqual([
      'orders.csv',
      'refunds.csv',
    ]);
    const garbage = readFileSync(new URL('../../fixtures/garbage.csv', import.meta.url));
    const provided = await open.wb
      .getState()
      .provideFiles([
        csv('orders.csv', 'order_id,revenue\n1,10\n'),
        { name: 'refunds.csv', size: garbage.length, read: async () => garbage },
      ]);
    expect(provided).toBe(false);
    expect(open.wb.getState().error).toMatch(/refunds\.csv/);
    open.wb.getState().cancelOpen();
    expect(await everything(open)).toEqual(before);
  });
});
