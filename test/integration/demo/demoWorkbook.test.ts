import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoWorkbook, type DemoWorkbook } from '../../../samples/generator/demoWorkbook';
import { runCli } from '../../../src/cli/main';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { readWorkbook } from '../../../src/workbook/workbookFile';
import { workbookContents } from '../../helpers/workbookContents';

/**
 * samples/crm-demo.shakhes is what the browser's demo builds: the same stores and
 * importer over the committed CSVs (buildDemoWorkbook), saved with its data. Contents
 * are compared decoded (documents, and each table's rows through a checksum), so the
 * test says what differs; `npm run generate` writes the file again.
 */
const COMMITTED = 'samples/crm-demo.shakhes';

let engine: Engine;
let built: DemoWorkbook;

beforeAll(async () => {
  engine = await createNodeEngine();
  built = await buildDemoWorkbook(engine, 'samples/crm-demo');
}, 240_000);

describe('the demo workbook file', () => {
  it('holds exactly what the demo builds: document, tables, rows and contents', async () => {
    const committed = readWorkbook(new Uint8Array(readFileSync(COMMITTED)));
    const fresh = readWorkbook(built.bytes);
    // The same KPIs with the same targets, the same notebook and settings: the whole document.
    expect(committed.doc).toEqual(fresh.doc);
    expect(committed.doc.datasets.map((d) => [d.table, d.rows])).toEqual([
      ['customers', 2980],
      ['leads', 12058],
      ['deals', 5862],
      ['orders', 24250],
      ['tickets', 8574],
      ['surveys', 3926],
      ['marketing', 4486],
      ['web', 6576],
      ['social', 5480],
      ['employees', 165],
      ['attendance', 15580],
      ['training', 1791],
      ['expenses', 252],
    ]);
    expect(committed.doc.kpis.map((k) => k.id)).toContain('win_rate');
    const kept = await workbookContents(engine, new Uint8Array(readFileSync(COMMITTED)));
    expect(kept).toEqual(await workbookContents(engine, built.bytes));
    expect(kept.map((t) => t.n)).toEqual(committed.doc.datasets.map((d) => d.rows));
  }, 240_000);

  it('runs from the command line alone, with the numbers the demo shows', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['run', COMMITTED, '--grain', 'total', '--format', 'json'], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    const rows = (JSON.parse(out.join('\n')) as { kpis: { id: string; total: number | null }[] }).kpis;
    const { totals, kpis } = built.scorecard.getState();
    expect(rows.map((k) => k.id)).toEqual(kpis.map((k) => k.id));
    for (const id of ['win_rate', 'nps', 'total_revenue', 'churn_rate', 'first_response_time']) {
      const total = rows.find((k) => k.id === id)?.total;
      expect(total, id).not.toBeNull();
      expect(total, id).toBe(totals[id].value);
    }
  }, 240_000);
});
