import type { Dataset } from '../../core/model/documentSchema';
import { dropSql } from '../../core/sql/tableDdl';
import type { Engine } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';
import { encodeTable } from '../../engine/parquet/codec';
import { tableRows } from '../../workbook/embed';
import type { KeptSource } from '../data/sourceFile';
import { loadImporter } from './workbookService';

let scratch = 0;

/**
 * A table autosave kept as the bytes the user gave (the page closed before its Parquet
 * was written), read again the way its dataset says and encoded as Parquet, so it is
 * restored like any other. The scratch table it is read into is dropped either way.
 */
export async function parquetOfSource(
  engine: Engine,
  dataset: Dataset,
  source: KeptSource,
): Promise<Uint8Array> {
  const importFile = await loadImporter();
  const table = `__autosave_${++scratch}`;
  try {
    await importFile(
      engine,
      { name: source.name, bytes: source.bytes, format: dataset.format },
      { table, options: dataset.options },
    );
    return encodeTable(await engine.loadParquet(), await tableRows(engine, table));
  } finally {
    await engine.query(dropSql(engineDialect(engine), table)).catch(() => undefined);
  }
}
