import { duckdb } from '../../src/core/sql/dialects/registry';
import type { Engine } from '../../src/engine/engine';
import { tableToRows } from '../../src/engine/rows';
import { readWorkbook } from '../../src/workbook/workbookFile';

interface TableContents {
  table: string;
  /** Rows, and an order-independent checksum of every value. */
  n: number;
  h: string;
}

/** Each embedded table of a .shakhes file as rows and a checksum, read back through `engine`. */
export async function workbookContents(engine: Engine, bytes: Uint8Array): Promise<TableContents[]> {
  const { doc, data } = readWorkbook(bytes);
  const codec = await engine.loadParquet();
  const out: TableContents[] = [];
  for (const d of doc.datasets) {
    const parquet = data.get(d.id);
    if (parquet === undefined) continue;
    const q = duckdb.quoteIdent(`check_${d.id}`);
    await engine.insertArrowIPC(`check_${d.id}`, await codec.toArrowIPC(parquet));
    const [row] = tableToRows(
      await engine.query(`SELECT COUNT(*)::INT AS n, bit_xor(hash(x))::VARCHAR AS h FROM ${q} AS x`),
    );
    await engine.query(`DROP TABLE ${q}`);
    out.push({ table: d.table, n: Number(row.n), h: String(row.h) });
  }
  return out;
}
