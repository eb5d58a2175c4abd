import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDocument, type WorkbookDocument } from '../../../src/core/model/document';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { datasetFromImport } from '../../../src/workbook/datasetFromImport';
import { embedTables, restoreTables } from '../../../src/workbook/embed';
import { WorkbookError } from '../../../src/workbook/workbookError';
import { readWorkbook, writeWorkbook } from '../../../src/workbook/workbookFile';

const sample = (name: string) => readFileSync(new URL(`../../../samples/crm-demo/${name}`, import.meta.url));

let before: Engine;
let after: Engine;
let doc: WorkbookDocument;

const describeTypes = async (engine: Engine, table: string) =>
  tableToRows(await engine.query(`SELECT column_name, column_type FROM (DESCRIBE "${table}")`));
const allRows = async (engine: Engine, table: string) =>
  tableToRows(await engine.query(`SELECT * FROM "${table}" ORDER BY ALL`));

beforeAll(async () => {
  [before, after] = await Promise.all([createNodeEngine(), createNodeEngine()]);
  const deals = await importFile(before, { name: 'deals.csv', bytes: sample('deals.csv') });
  const customers = await importFile(before, { name: 'customers.csv', bytes: sample('customers.csv') });
  doc = {
    ...emptyDocument('Demo'),
    datasets: [datasetFromImport('deals', deals), datasetFromImport('customers', customers)],
  };
});
afterAll(async () => {
  await before.close();
  await after.close();
});

describe('a workbook saved with its data', () => {
  it('reopens into a fresh engine with every value and type equal', async () => {
    const bytes = writeWorkbook(doc, await embedTables(before, doc.datasets));
    const opened = readWorkbook(bytes);
    expect(opened.doc.datasets.map((d) => d.embedded)).toEqual([true, true]);
    expect([...opened.data.keys()]).toEqual(['deals', 'customers']);
    await restoreTables(after, opened.doc.datasets, opened.data);

    for (const d of doc.datasets) {
      const types = await describeTypes(after, d.table);
      expect(types).toEqual(await describeTypes(before, d.table));
      expect(await allRows(after, d.table)).toEqual(await allRows(before, d.table));
      expect((await allRows(after, d.table)).length).toBe(d.rows);
    }
    // The demo's dates must come back as DATE, not text or timestamps.
    const dealTypes = await describeTypes(after, 'deals');
    expect(dealTypes).toContainEqual({ column_name: 'created_at', column_type: 'DATE' });
  });

  it('refuses data whose columns differ from the document and leaves the tables as they were', async () => {
    const data = await embedTables(before, doc.datasets);
    const tampered = doc.datasets.map((d) =>
      d.id === 'customers'
        ? { ...d, columns: d.columns.map((c, i) => (i === 0 ? { ...c, name: 'x' } : c)) }
        : d,
    );
    const countBefore = await allRows(after, 'deals');
    const err = await restoreTables(after, tampered, data).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).message).toBe(
      'The embedded data of "customers.csv" does not have the columns the workbook describes.',
    );
    expect(await allRows(after, 'deals')).toEqual(countBefore);
    const leftovers = tableToRows(
      await after.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '__restore_%'"),
    );
    expect(leftovers).toEqual([]);
  });

  it('without data, keeps the parse options and columns so the files can be read again', () => {
    const opened = readWorkbook(writeWorkbook(doc, new Map()));
    expect(opened.data.size).toBe(0);
    expect(opened.doc.datasets.map((d) => d.embedded)).toEqual([false, false]);
    expect(opened.doc.datasets[0].sourceName).toBe('deals.csv');
    expect(opened.doc.datasets[0].options).toEqual(doc.datasets[0].options);
    expect(opened.doc.datasets[0].columns).toEqual(doc.datasets[0].columns);
  });
});

describe('embedTables', () => {
  it('refuses, rather than silently saving nothing, a table from another copy of apache-arrow', async () => {
    // The Node engine bridges its own copy through IPC; an engine that did not would hand over such tables.
    const foreign: { tableFromArrays(cols: Record<string, number[]>): Table } = createRequire(
      import.meta.url,
    )('apache-arrow');
    const engine = {
      query: async () => foreign.tableFromArrays({ n: [1] }),
      loadParquet: () => before.loadParquet(),
    } as unknown as Engine;
    await expect(embedTables(engine, [{ id: 't', table: 't' }])).rejects.toThrow(
      'The engine returned an Arrow table from another copy of apache-arrow; it cannot be saved.',
    );
  });
});
