import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createWorkbookService } from '../../../src/app/workbook/workbookService';
import { copyTables } from '../../../src/cli/targetEngine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createPostgresEngine } from '../../../src/engine/postgres/postgresEngine';
import { readWorkbook, writeWorkbook } from '../../../src/workbook/workbookFile';

const DEMO_WORKBOOK = join(import.meta.dirname, '../../../samples/crm-demo.shakhes');

/**
 * The demo workbook as a team's export would be: its deals loaded as `deal_export`, with
 * different column names, and mapped to the canonical deals. Written to `path`, with its data.
 */
export function mappedDemo(path: string): void {
  const { doc, data } = readWorkbook(readFileSync(DEMO_WORKBOOK));
  const datasets = doc.datasets.map((d) => {
    if (d.table !== 'deals') return d;
    const columns = Object.fromEntries(d.columns.map((c) => [c.name, c.name]));
    return { ...d, table: 'deal_export', mapping: { canonicalTable: 'deals' as const, columns } };
  });
  writeFileSync(path, writeWorkbook({ ...doc, datasets }, data));
}

/** Statements run as the cluster's superuser, one by one. */
export async function asOwner(url: string, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

/** The schemas a team would see (PostgreSQL's own left out). */
export async function schemasOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(
      "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1",
    );
    return r.rows.map((row: { nspname: string }) => row.nspname);
  } finally {
    await client.end();
  }
}

/**
 * The demo workbook's tables as a team's own (opened with DuckDB, copied in by the
 * superuser): all in schema `crm` but deals, which is `sales.deals_export`. Returns the
 * URL of `reader`: a role that may create its own scratch schema in the database but only
 * use and read `crm` and `sales`, so any write there would fail.
 */
export async function demoInPostgres(url: string): Promise<string> {
  const duck = await createNodeEngine();
  const owner = await createPostgresEngine({ url });
  try {
    const service = createWorkbookService({ engine: async () => duck, importFile });
    const opened = await service.open(readFileSync(DEMO_WORKBOOK));
    if (opened.status !== 'opened') throw new Error('the demo workbook holds its data');
    const names = opened.tables.map((t) => t.name);
    await copyTables(duck, owner, names);
    await owner.query('CREATE SCHEMA crm');
    await owner.query('CREATE SCHEMA sales');
    // Copied into the engine's scratch schema, then moved out of it before it is dropped.
    for (const name of names) await owner.query(`ALTER TABLE "${name}" SET SCHEMA crm`);
    await owner.query('ALTER TABLE crm.deals RENAME TO deals_export');
    await owner.query('ALTER TABLE crm.deals_export SET SCHEMA sales');
  } finally {
    await owner.close();
    await duck.close();
  }
  await asOwner(url, [
    'CREATE ROLE reader LOGIN',
    'GRANT CREATE ON DATABASE postgres TO reader',
    'GRANT USAGE ON SCHEMA crm, sales TO reader',
    'GRANT SELECT ON ALL TABLES IN SCHEMA crm, sales TO reader',
  ]);
  return url.replace('//shakhes@', '//reader@');
}
