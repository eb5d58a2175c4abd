import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  chooseFiles,
  eventually,
  importsSettled,
  ROOT,
  SCREENSHOTS,
  startBrowser,
  tableEntry,
} from './harness';

const TELCO = join(ROOT, '../shared/real-data/Telco-Customer-Churn.csv');

/** Picks a format from a grid's Export menu and returns the downloaded file's name and bytes. */
async function exportVia(page: Page, what: string, format: 'csv' | 'xlsx' | 'parquet') {
  await page.getByRole('button', { name: `Export ${what}` }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.locator(`.export-popover [data-export="${format}"]`).click(),
  ]);
  const path = join(SCREENSHOTS, `export-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

const csvLines = (bytes: Buffer) =>
  bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(0, -1);

describe('exports and the printed report', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  // First, in the fresh profile: the demo loads (later tests leave their own tables to autosave).
  it('prints the scorecard report with charts, laid out for A4 and Letter', async () => {
    const page = await b.open();
    await importsSettled(page);
    await eventually(() => page.locator('.sc-status [data-kpi-count]').count()).toBe(1);
    const label = await page.locator('.sc-grid .sc-kpi-label').first().innerText();

    // The print dialog cannot be driven headless: record the call instead.
    await page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed++;
      };
    });
    const report = page.getByRole('dialog', { name: 'Printable scorecard report' });
    for (const format of ['A4', 'Letter'] as const) {
      await page.getByRole('button', { name: 'Print report' }).click();
      await report.waitFor();
      await eventually(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(
        format === 'A4' ? 1 : 2,
      );
      expect(await report.locator('.print-table tbody tr').count()).toBeGreaterThanOrEqual(30);
      expect(await report.locator('.print-chart img').count()).toBeGreaterThanOrEqual(1);
      if (format === 'A4') await b.screenshot('print-preview');

      await page.emulateMedia({ media: 'print' });
      const path = join(SCREENSHOTS, `report-${format}.pdf`);
      const pdf = await page.pdf({ path, format, preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
      if (existsSync('/usr/bin/pdftotext')) {
        const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
        expect(text).toContain(label);
        expect(text).toContain('Scorecard report');
        // No app chrome on paper.
        expect(text).not.toContain('Open workbook');
        expect(text).not.toContain('Close');
      }
      if (existsSync('/usr/bin/pdftoppm'))
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '60',
          '-f',
          '1',
          '-l',
          '1',
          path,
          join(SCREENSHOTS, `report-${format}`),
        ]);
      // Printing done (the browser's afterprint), the app comes back.
      await eventually(() => page.locator('.print-report').count()).toBe(0);
    }

    // The scorecard grid exports too: a line per KPI, the header first.
    const kpis = Number(await page.locator('[data-kpi-count]').getAttribute('data-kpi-count'));
    const card = csvLines((await exportVia(page, 'Scorecard', 'csv')).bytes);
    expect(card).toHaveLength(kpis + 1);
    expect(card[0]).toMatch(/^Family,KPI,Unit,Latest period,Latest,Status,/);
    expect(card.some((l) => l.includes(label))).toBe(true);
  });

  it('exports the whole Telco table, not the page on screen, to CSV, XLSX and Parquet', async () => {
    const page = await b.open('?demo=0');
    await chooseFiles(page, [TELCO]);
    await importsSettled(page);
    const name = (await page.locator('li[data-table]').first().getAttribute('data-table')) ?? '';
    await tableEntry(page, name).click();
    await page.locator('.grid-wrap .ag-row').first().waitFor();

    const csv = await exportVia(page, name, 'csv');
    expect(csv.name).toBe(`${name}.csv`);
    const lines = csvLines(csv.bytes);
    expect(lines).toHaveLength(7044);
    expect(lines[0]).toMatch(/^customerID,gender,SeniorCitizen,/);

    const xlsx = await exportVia(page, name, 'xlsx');
    expect(xlsx.name).toBe(`${name}.xlsx`);
    const rows = await readSheet(xlsx.bytes);
    expect(rows).toHaveLength(7044);
    expect(rows[0][0]).toBe('customerID');
    // Numbers stay numbers, text stays text.
    const tenure = rows[0].indexOf('tenure');
    expect(typeof rows[1][tenure]).toBe('number');
    expect(typeof rows[1][0]).toBe('string');

    const parquet = await exportVia(page, name, 'parquet');
    expect(parquet.name).toBe(`${name}.parquet`);
    expect(parquet.bytes.subarray(0, 4).toString()).toBe('PAR1');
    expect(parquet.bytes.subarray(-4).toString()).toBe('PAR1');
  });

  it('neutralises formula-like text of a pasted table in the CSV and keeps it as text in XLSX', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Paste table' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste a table' });
    await dialog.getByLabel('Table name').fill('hostile');
    await dialog.getByLabel('Pasted cells').fill('name\tnote\nAcme\t=1+1\nBolt\t@SUM(A1)\nCore\tplain');
    await dialog.getByRole('button', { name: 'Load table' }).click();
    await importsSettled(page, ['hostile']);
    await tableEntry(page, 'hostile').click();
    await page.locator('.grid-wrap .ag-row').first().waitFor();

    const csv = csvLines((await exportVia(page, 'hostile', 'csv')).bytes);
    expect(csv).toEqual(['name,note', "Acme,'=1+1", "Bolt,'@SUM(A1)", 'Core,plain']);
    const rows = await readSheet((await exportVia(page, 'hostile', 'xlsx')).bytes);
    expect(rows[1]).toEqual(['Acme', '=1+1']);
  });
});
