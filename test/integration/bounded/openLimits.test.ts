import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  Dictionary,
  Int32,
  makeData,
  makeVector,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDocument, parseDocument } from '../../../src/core/model/document';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { stageJson } from '../../../src/engine/ingest/json';
import { ImportError } from '../../../src/engine/ingest/types';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { checkParquet, type ParquetLimitError } from '../../../src/engine/parquet/limits';
import { restoreTables } from '../../../src/workbook/embed';
import { WorkbookError } from '../../../src/workbook/workbookError';
import { readWorkbook } from '../../../src/workbook/workbookFile';

/**
 * Issue 12: an 8 KB Parquet decoded to 4.4 GB on the page's thread, a 600 MB workbook.json
 * under the zip ratio limit froze the tab 19 s, 600,000 Markdown cells froze it 680 s. Each
 * hostile file is made here, small, and must be refused by a check made before decoding:
 * the message says so and names what the file declares.
 */
const require = createRequire(import.meta.url);
const pw = require('parquet-wasm/node') as typeof import('parquet-wasm/esm');

/** `rows` copies of one long string, dictionary-encoded and ZSTD-packed: about 10 KB on disk. */
function parquetBomb(rows: number, length: number): Uint8Array {
  const dictionary = vectorFromArray(['x'.repeat(length)], new Utf8());
  const data = makeData({
    type: new Dictionary(new Utf8(), new Int32()),
    length: rows,
    data: new Int32Array(rows),
    dictionary,
  });
  const ipc = tableToIPC(new Table({ stage: makeVector(data) }), 'stream');
  const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.ZSTD).build();
  return pw.writeParquet(pw.Table.fromIPCStream(ipc), props);
}

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('a Parquet file that decodes to far more than it weighs', () => {
  const bomb = parquetBomb(1_000_000, 4400);

  it('is small on disk', () => {
    expect(bomb.length).toBeLessThan(16 * 1024);
  });

  it('is refused on import from its footer and first rows, naming the size', async () => {
    const err = await importFile(engine, { name: 'deals.parquet', bytes: bomb }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).problem).toMatchObject({ code: 'over-limit', params: { what: 'decoded' } });
    expect((err as ImportError).message).toMatch(
      /^deals\.parquet would decode to about 4\.\d GB; the limit is 1\.5 GB\. It was refused before being read: open it with “shakhes serve”/,
    );
  });

  it('is refused on restore from a workbook, naming its entry, and no table is made', async () => {
    const err = await restoreTables(
      engine,
      [{ id: 'deals', table: 'deals', sourceName: 'deals.csv', columns: [] }],
      new Map([['deals', bomb]]),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).message).toMatch(
      /"deals\.csv" \(data\/deals\.parquet\) would decode to about 4\.\d GB; the limit is 1\.5 GB\. It was refused before being unpacked/,
    );
    const tables = await engine.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'deals'");
    expect(Number(tables.getChild('n')?.get(0))).toBe(0);
  });

  it('is refused from the footer alone when it declares too many rows or bytes', async () => {
    const codec = await engine.loadParquet();
    const rows = await checkParquet(codec, bomb, { maxRows: 1000, maxBytes: 1e12 }).catch((e: unknown) => e);
    expect((rows as ParquetLimitError).over).toEqual({ what: 'rows', amount: 1_000_000, limit: 1000 });
    const bytes = await checkParquet(codec, bomb, { maxRows: 1e9, maxBytes: 1000 }).catch((e: unknown) => e);
    expect((bytes as ParquetLimitError).over).toMatchObject({ what: 'bytes', limit: 1000 });
  });

  it('lets an ordinary file through', async () => {
    const r = await importFile(engine, { name: 'small.parquet', bytes: parquetBomb(1000, 20) });
    expect(r.rows).toBe(1000);
  });
});

describe('a JSON file over the text limit', () => {
  it('is refused before it is decoded or parsed', async () => {
    const text = `[${Array.from({ length: 2000 }, (_, i) => `{"id":${i}}`).join(',')}]`;
    const err = await stageJson(engine, 'big.json', strToU8(text), '__x', 1024).catch((e: unknown) => e);
    expect((err as ImportError).problem).toMatchObject({
      code: 'over-limit',
      params: { what: 'text', limit: 1024 },
    });
    expect((err as ImportError).message).toContain('big.json holds');
  });
});

describe('a workbook over the document limits', () => {
  it('is refused when workbook.json declares more than 20 MB, before it is unpacked', () => {
    // Random text compresses only about 4:3, well under the zip bomb ratio; the size limit refuses it.
    const pad = randomBytes(16 * 1024 * 1024).toString('base64');
    const json = `{"formatVersion":1,"pad":"${pad}"}`;
    const file = zipSync({ 'workbook.json': [strToU8(json), { level: 1 }] });
    const err = (() => {
      try {
        readWorkbook(file);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe('too-large');
    expect((err as WorkbookError).message).toBe(
      "This workbook's workbook.json declares 21.3 MB; the limit is 20.0 MB. It was refused before being unpacked.",
    );
  });

  it('is refused when it has 600,000 cells, before the document is validated', () => {
    const doc = emptyDocument('Many cells') as unknown as { sheets: unknown[] };
    const sheet = (i: number) => ({
      id: `s${i}`,
      name: `S${i}`,
      kind: 'notebook',
      cells: Array(10_000).fill({}),
    });
    doc.sheets = Array.from({ length: 60 }, (_, i) => sheet(i));
    const json = JSON.stringify(doc);
    expect(json.length).toBeLessThan(3 * 1024 * 1024);
    // Stored, not deflated: like the reported 2.8 MB file, it is no zip bomb.
    const file = zipSync({ 'workbook.json': [strToU8(json), { level: 0 }] });
    expect(() => readWorkbook(file)).toThrow(
      'This workbook has 600,000 cells; a workbook may have at most 5,000. It was refused before being read.',
    );
    // Validation would have named the cells' missing ids; the count refused it first.
    const parsed = parseDocument(JSON.parse(json));
    expect(parsed).toMatchObject({ ok: false, reason: 'too-large' });
  });
});
