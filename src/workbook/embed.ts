import type { Table } from 'apache-arrow';
import { byteText } from '../core/ingest/messages';
import type { Dataset } from '../core/model/documentSchema';
import { duckdb } from '../core/sql/dialects/registry';
import type { Engine } from '../engine/engine';
import { describeTable } from '../engine/ingest/describe';
import { encodeTable } from '../engine/parquet/codec';
import { decodeParquet, ParquetLimitError } from '../engine/parquet/limits';
import { type TableSwap, tableSwap } from './tableSwap';
import { WorkbookError } from './workbookError';
import { dataEntry } from './workbookFile';

/**
 * Moving loaded tables into and out of a workbook file as Parquet. DuckDB-WASM's own
 * Parquet support is an extension it would download, so both ways go through the
 * engine's parquet-wasm codec and Arrow IPC (DESIGN.md).
 */
type TableOf = Pick<Dataset, 'id' | 'table'>;
type RestoreTarget = Pick<Dataset, 'id' | 'table' | 'sourceName' | 'columns'>;

const q = duckdb.quoteIdent;

/** A table's rows as the engine returns them (what the Parquet encoders take). */
export function tableRows(engine: Engine, table: string): Promise<Table> {
  return engine.query(`SELECT * FROM ${q(table)}`);
}

/**
 * Each dataset's table as Parquet bytes, keyed by dataset id: encoded in the codec's
 * worker in the browser, so a Save does not hold the page.
 */
export async function embedTables(
  engine: Engine,
  datasets: readonly TableOf[],
): Promise<Map<string, Uint8Array>> {
  const codec = await engine.loadParquet();
  const out = new Map<string, Uint8Array>();
  for (const d of datasets) out.set(d.id, await encodeTable(codec, await tableRows(engine, d.table)));
  return out;
}

/**
 * Loads each embedded dataset's Parquet bytes under a staging name of `swap` and checks
 * it has the columns the document declares. Nothing is put in place: `swap.commit()`
 * does that for every table at once.
 */
export async function stageEmbedded(
  engine: Engine,
  swap: TableSwap,
  datasets: readonly RestoreTarget[],
  data: ReadonlyMap<string, Uint8Array>,
): Promise<void> {
  // A workbook whose data is all in files needs no Parquet codec (a download in the browser).
  if (data.size === 0) return;
  const codec = await engine.loadParquet();
  for (const d of datasets) {
    const parquet = data.get(d.id);
    if (parquet === undefined) continue;
    let ipc: Uint8Array;
    try {
      ipc = await decodeParquet(codec, parquet);
    } catch (err) {
      if (err instanceof ParquetLimitError) throw overLimit(d, err);
      throw new WorkbookError(
        'corrupt',
        `The embedded data of "${d.sourceName}" is damaged and cannot be read.`,
      );
    }
    const staging = swap.stage(d.table);
    await engine.insertArrowIPC(staging, ipc);
    const columns = await describeTable(engine, staging);
    const same =
      columns.length === d.columns.length &&
      columns.every((c, i) => c.name === d.columns[i].name && c.sqlType === d.columns[i].sqlType);
    if (!same)
      throw new WorkbookError(
        'corrupt',
        `The embedded data of "${d.sourceName}" does not have the columns the workbook describes.`,
      );
  }
}

/** Names the entry and what it declares: "data/deals.parquet declares 4.4 GB uncompressed; …". */
function overLimit(d: RestoreTarget, err: ParquetLimitError): WorkbookError {
  const { what, amount, limit } = err.over;
  const n = (x: number) => (what === 'rows' ? `${x.toLocaleString('en-US')} rows` : byteText(x));
  const says =
    what === 'decoded'
      ? `would decode to about ${n(amount)}`
      : `declares ${n(amount)}${what === 'bytes' ? ' uncompressed' : ''}`;
  return new WorkbookError(
    'too-large',
    `The data of "${d.sourceName}" (${dataEntry(d.id)}) ${says}; the limit is ${n(limit)}. It was refused before being unpacked.`,
  );
}

/**
 * Loads embedded data back into each dataset's table: all staged and checked first, then
 * swapped in by one transaction, so a damaged file leaves the engine's tables as they were.
 * The tables named in `drop` go in the same transaction (the open workbook's, replaced).
 */
export async function restoreTables(
  engine: Engine,
  datasets: readonly RestoreTarget[],
  data: ReadonlyMap<string, Uint8Array>,
  drop: readonly string[] = [],
): Promise<void> {
  const swap = tableSwap(engine);
  try {
    await stageEmbedded(engine, swap, datasets, data);
    for (const table of drop) swap.drop(table);
    await swap.commit();
  } finally {
    await swap.discard();
  }
}
