import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';

/** The workbook the security tests attack: two imported tables and a view over one of them. */
export const TABLES = ['deals', 'customers', 'won'];

/** A locked Node engine holding the workbook's tables, loaded the way the app loads them. */
export async function lockedWorkbookEngine(): Promise<Engine> {
  const engine = await createNodeEngine();
  const csv = (text: string) => new TextEncoder().encode(text);
  await importFile(engine, {
    name: 'deals.csv',
    bytes: csv('deal_id,customer_id,stage,amount\n1,1,Won,100\n2,2,Lost,50\n3,1,Won,25\n'),
  });
  await importFile(engine, {
    name: 'customers.csv',
    bytes: csv('customer_id,segment\n1,SMB\n2,Enterprise\n'),
  });
  await engine.query("CREATE VIEW won AS SELECT deal_id, amount FROM deals WHERE stage = 'Won'");
  return engine;
}
