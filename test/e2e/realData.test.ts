import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { typeFormula } from './formulaEditor';
import {
  type Browser,
  chooseFiles,
  eventually,
  importsSettled,
  rowCountOf,
  SLOW_LOAD,
  startBrowser,
  tableEntry,
} from './harness';

// The shared real-data folder sits beside the repository (../shared), wherever it is cloned.
const REAL = fileURLToPath(new URL('../../../shared/real-data/', import.meta.url));
const TELCO = `${REAL}Telco-Customer-Churn.csv`;
const HR = `${REAL}WA_Fn-UseC_-HR-Employee-Attrition.csv`;
const TELCO_ROWS = 7043;

describe('real CRM exports', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
    const page = await b.open('?demo=0');
    await chooseFiles(page, [TELCO, HR]);
    await importsSettled(page, ['telco_customer_churn', 'wa_fn_usec_hr_employee_attrition']);
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('loads both files through the file picker with the right types', async () => {
    const page = b.page;
    expect(await rowCountOf(page, 'telco_customer_churn')).toBe(TELCO_ROWS);
    expect(await rowCountOf(page, 'wa_fn_usec_hr_employee_attrition')).toBe(1470);

    const telco = tableEntry(page, 'telco_customer_churn');
    await telco.locator('.table-name').click();
    const total = telco.getByRole('button', { name: 'TotalCharges (Number)' });
    await total.waitFor();

    const hr = tableEntry(page, 'wa_fn_usec_hr_employee_attrition');
    await hr.locator('.table-name').click();
    // The byte-order mark is gone: the first column is plain "Age", and numeric.
    const first = hr.locator('.column-item').first();
    await first.waitFor();
    expect(await first.getAttribute('aria-label')).toBe('Age (Number)');
    await b.screenshot('hr-attrition');
  });

  it('profiles TotalCharges: numeric with 11 blanks', async () => {
    const page = b.page;
    const telco = tableEntry(page, 'telco_customer_churn');
    await telco.locator('.table-name').click();
    await telco.locator('[data-column="TotalCharges"]').click();
    const profile = page.locator('[data-profile="TotalCharges"]');
    await profile.locator('[data-stat="blanks"] dd').waitFor();
    expect(await profile.locator('[data-stat="blanks"] dd').textContent()).toBe('11');
    expect(await profile.getByRole('img', { name: /Histogram of TotalCharges in 20 bins/ }).count()).toBe(1);
    expect(await profile.locator('rect.bin').count()).toBe(20);
    expect(await profile.locator('.top-values li').count()).toBe(10);
    await b.screenshot('telco-profile');
  });

  it('scrolls the grid to the last row, sorts and filters in SQL', async () => {
    const page = b.page;
    await tableEntry(page, 'telco_customer_churn').locator('[data-column="customerID"]').click();
    const grid = page.locator('[data-grid-table="telco_customer_churn"]');
    await grid.locator('.ag-row[row-index="0"]').first().waitFor();

    // Scroll the body to the bottom: the last row arrives from the engine.
    const viewport = grid.locator('.ag-grid-viewport');
    await eventually(async () => {
      await viewport.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      return grid.locator(`.ag-row[row-index="${TELCO_ROWS - 1}"]`).count();
    }).toBeGreaterThan(0);
    const last = grid.locator(`.ag-row[row-index="${TELCO_ROWS - 1}"]`);
    // The file's last line is customer 3186-AJIEK.
    await eventually(() => last.locator('[col-id="customerID"]').textContent()).toBe('3186-AJIEK');
    await b.screenshot('telco-grid-bottom');

    // Sort by tenure, largest first: the top row has the longest tenure (72 months).
    await viewport.evaluate((el) => {
      el.scrollTop = 0;
    });
    await grid.locator('.ag-header-cell[col-id="tenure"] .ag-header-cell-label').click();
    await grid.locator('.ag-header-cell[col-id="tenure"] .ag-header-cell-label').click();
    const firstTenure = grid.locator('.ag-row[row-index="0"] [col-id="tenure"]');
    await eventually(() => firstTenure.textContent()).toBe('72');

    // Filter TotalCharges to blanks: the 11 rows, shown with the faint dash.
    // Picking the column in the Data panel brings it into view in the grid.
    await tableEntry(page, 'telco_customer_churn').locator('[data-column="TotalCharges"]').click();
    await grid.locator('.ag-header-cell[col-id="TotalCharges"]').hover();
    await grid.locator('.ag-header-cell[col-id="TotalCharges"] .ag-header-cell-filter-button').click();
    const menu = page.locator('.ag-filter');
    await menu.locator('.ag-filter-select').first().click();
    await page.getByRole('option', { name: 'Blank', exact: true }).click();
    await eventually(() => page.locator('[data-filtered-count]').getAttribute('data-filtered-count')).toBe(
      '11',
    );
    const blankCell = grid.locator('.ag-row[row-index="0"] [col-id="TotalCharges"]');
    await eventually(() => blankCell.textContent()).toBe('—');
    expect(await blankCell.getAttribute('class')).toContain('cell-blank');
    await page.keyboard.press('Escape');
    await b.screenshot('telco-grid-filtered');
  });

  /** Adds a KPI through the New KPI dialog, as a user would. */
  const addKpi = async (name: string, formula: string, better: 'Higher' | 'Lower') => {
    const page = b.page;
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await page.getByRole('button', { name: 'New KPI' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(name);
    await typeFormula(dialog.getByLabel('Formula'), formula);
    await dialog.getByLabel(`${better} is better`).check();
    await dialog.getByRole('button', { name: 'Add KPI' }).click();
    await dialog.waitFor({ state: 'detached' });
  };
  /** The Total of a KPI as its detail panel writes it, exact, once the panel shows that KPI. */
  const totalOf = async (id: string) => {
    const page = b.page;
    const kpi = page.locator(`.sc-grid .ag-row[row-id="${id}"] [col-id="kpi"]`).first();
    await kpi.waitFor({ timeout: SLOW_LOAD });
    await kpi.click();
    // The panel showed the KPI added last until now: its figure is not the one asked for.
    await page.locator(`.sc-detail[data-kpi="${id}"]`).waitFor();
    const value = page.getByTestId('detail-total-value');
    await eventually(() => value.innerText(), SLOW_LOAD).toMatch(/\d/);
    return (await value.innerText()).replace(/[\u2066-\u2069]/g, '');
  };

  it('reads the published churn and attrition figures off the Total, without SQL', async () => {
    // Published (../shared/real-data/README.md): 1,869 / 7,043 = 26.54 %; 237 / 1,470 = 16.12 %.
    await addKpi('Churned', 'COUNTIF(telco_customer_churn.Churn = "Yes")', 'Lower');
    await addKpi(
      'Churn share',
      'COUNTIF(telco_customer_churn.Churn = "Yes") / COUNTROWS(telco_customer_churn)',
      'Lower',
    );
    await addKpi(
      'Attrition',
      'COUNTIF(wa_fn_usec_hr_employee_attrition.Attrition = "Yes") / COUNTROWS(wa_fn_usec_hr_employee_attrition)',
      'Lower',
    );
    expect(await totalOf('churned')).toBe('1,869');
    expect(await totalOf('churn_share')).toBe('26.537%');
    expect(await totalOf('attrition')).toBe('16.1224%');
    // Three KPIs chosen in turn: the panel holds the last one's notes and benchmarks, once each.
    expect(await b.page.getByTestId('kpi-notes').count()).toBe(1);
    expect(await b.page.getByTestId('user-benchmarks').count()).toBe(1);
    // No date column: the one figure stands in the Latest column and heads the detail panel.
    const latest = b.page.locator('.sc-grid .ag-row[row-id="churn_share"] [col-id="latest"]').first();
    expect(await latest.innerText()).toBe('26.5%');
    expect(await b.page.getByTestId('detail-value').innerText()).toBe('16.1%');
    expect(await b.page.getByTestId('kpi-chart').count()).toBe(0);
    await b.screenshot('real-data-total');
  });
});
