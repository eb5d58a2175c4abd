import { describe, expect, it } from 'vitest';
import { datasetsOf, entryOfImport } from '../../../src/app/data/tableEntry';
import { createWorkbookService } from '../../../src/app/workbook/workbookService';
import { emptyDocument } from '../../../src/core/model/document';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';

const load = (engine: Engine, name: string, text: string) =>
  importFile(engine, { name, bytes: new TextEncoder().encode(text) });

/** A workbook file with its data: `deals` with new rows and an `accounts` table, made with no store. */
async function theirFile(): Promise<Uint8Array> {
  const engine = await createNodeEngine();
  const tables = [
    entryOfImport(await load(engine, 'deals.csv', 'id,amount\n9,900\n')),
    entryOfImport(await load(engine, 'accounts.csv', 'account_id,name\n5,Dara\n')),
  ];
  const doc = emptyDocument('Theirs');
  doc.datasets = datasetsOf(tables);
  return createWorkbookService({ engine: async () => engine }).save(doc, true);
}

/** The Node engine holding the open workbook's `deals` and `leads`; a query matching `fault.fail` throws. */
async function openEngine() {
  const inner = await createNodeEngine();
  await load(inner, 'deals.csv', 'id,amount\n1,100\n2,50\n');
  await load(inner, 'leads.csv', 'lead_id\n7\n');
  const fault: { fail: ((sql: string) => boolean) | null } = { fail: null };
  const engine: Engine = {
    ...inner,
    async query(sql, options) {
      if (fault.fail?.(sql)) throw new Error('Injected failure in the swap');
      return inner.query(sql, options);
    },
  };
  const rows = async (sql: string) => tableToRows(await inner.query(sql));
  const state = async () => ({
    tables: (await rows('SELECT table_name AS t FROM duckdb_tables() ORDER BY 1')).map((r) => r.t),
    deals: await rows('SELECT id, amount FROM deals ORDER BY id'),
  });
  return { engine, fault, state, rows };
}

describe('the workbook service opens a file with no store', () => {
  it('a failure mid-replace, after the replaced tables were dropped, leaves the old tables intact', async () => {
    const file = await theirFile();
    const open = await openEngine();
    const before = await open.state();
    expect(before.tables).toEqual(['deals', 'leads']);
    const service = createWorkbookService({ engine: async () => open.engine });

    // By the second rename, `leads` and the old `deals` have been dropped and the new `deals` put in place.
    let renames = 0;
    open.fault.fail = (sql) => /^ALTER TABLE .* RENAME TO/.test(sql) && renames++ === 1;
    await expect(service.open(file, ['deals', 'leads'])).rejects.toThrow(/Injected failure/);
    expect(renames).toBe(2);
    expect(await open.state()).toEqual(before);

    open.fault.fail = null;
    const outcome = await service.open(file, ['deals', 'leads']);
    if (outcome.status !== 'opened') throw new Error('expected the workbook to open');
    expect(outcome.doc.title).toBe('Theirs');
    expect(outcome.tables.map((t) => [t.name, t.rows])).toEqual([
      ['deals', 1],
      ['accounts', 1],
    ]);
    const after = await open.state();
    expect(after.tables).toEqual(['accounts', 'deals']);
    expect(after.deals).toEqual([{ id: 9, amount: 900 }]);
  });
});
