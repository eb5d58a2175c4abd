import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, importsSettled, SLOW_LOAD } from './harness';
import { desktopBrowser, selectKpi, scorecardSettled as settled } from './scorecardPage';
import { chartsSettled } from './settled';

/** A signed change as the page writes it ("▲ +12.6 pp", "Win rate fell 4.1 pp"): its size in pp. */
const points = (text: string, pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? Number.NaN);

/**
 * "Why did it change?" in the KPI detail panel on the demo: win rate's last change split
 * by deal source, as a sentence and a waterfall whose total is the change the panel
 * shows; a KPI that is a median is refused with the reason; the view in English and Persian.
 */
describe('why did it change', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await desktopBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('splits win rate’s change by source, adding up to the change shown', { timeout: 300_000 }, async () => {
    const page = await b.open();
    await importsSettled(page);
    await settled(b);
    await selectKpi(b, 'win_rate');
    await eventually(() => page.locator('.sc-detail-title').innerText()).toMatch(/^Win rate/);
    const explainer = page.getByTestId('change-explainer');
    await explainer.getByLabel('Split by').selectOption('deals.source');
    const sentence = explainer.getByTestId('explain-sentence');
    await sentence.waitFor({ timeout: SLOW_LOAD });
    const text = await sentence.innerText();
    // It names a segment of the dimension, and its effect.
    expect(text).toMatch(
      /(Referral|Partner|Existing Customer|Events|Organic|Webinars|Paid \w+|Display)\S*’s rate [+−]\d/,
    );
    // The change it explains is the one the panel shows against the previous period, in
    // size and direction, between the same periods.
    const previous = page.locator('.sc-compare tr', { hasText: 'Previous period' }).locator('td').nth(1);
    const shown = await previous.innerText();
    const sentenceChange = points(text, /(?:rose|fell) ([\d.]+) pp/);
    expect(sentenceChange).toBe(points(shown, /([\d.]+) pp/));
    expect(/fell/.test(text)).toBe(/[−-]/.test(shown));
    const latest = await page.locator('.sc-headline > span.muted:not(.sc-exact)').innerText();
    expect(text).toContain(`to ${latest.trim()}`);
    const chart = explainer.getByTestId('waterfall-chart');
    await chart.locator('canvas').first().waitFor();
    await chartsSettled(chart);
    await explainer.scrollIntoViewIfNeeded();
    await b.screenshot('explain-win-rate-en');

    // Persian: the sentence in Persian digits and words, the chart mirrored.
    await page.getByLabel('Language').selectOption('fa');
    // The panel is drawn afresh in the new language, and the dimension chosen stays.
    expect(await explainer.getByLabel('تفکیک بر پایهٔ').inputValue()).toBe('deals.source');
    await eventually(() => explainer.getByTestId('explain-sentence').innerText(), SLOW_LOAD).toMatch(
      /نرخ.*[۰-۹]/,
    );
    await chartsSettled(explainer.getByTestId('waterfall-chart'));
    await explainer.scrollIntoViewIfNeeded();
    await b.screenshot('explain-win-rate-fa');
    await page.getByLabel('زبان').selectOption('en');
  });

  it('says why a median cannot be split', { timeout: 120_000 }, async () => {
    const page = b.page;
    await settled(b);
    await selectKpi(b, 'sales_cycle');
    await eventually(() => page.locator('.sc-detail-title').innerText()).toMatch(/^Sales cycle/);
    const explainer = page.getByTestId('change-explainer');
    await explainer.getByLabel('Split by').selectOption('deals.source');
    await eventually(() => explainer.getByTestId('explain-refusal').innerText(), SLOW_LOAD).toContain(
      'cannot be split by segment',
    );
    expect(await explainer.getByTestId('waterfall-chart').count()).toBe(0);
  });

  it('splits a change in a notebook cell too', { timeout: 240_000 }, async () => {
    const page = b.page;
    await page.getByRole('tab', { name: 'Notebook' }).click();
    await page.getByLabel('Kind of cell to add').selectOption('contribution');
    await page.getByRole('button', { name: 'Add cell' }).click();
    const added = page.locator('.nb-cell[data-kind="contribution"]').last();
    const run = added.getByRole('button', { name: 'Run' });
    await eventually(async () => {
      const status = await added.getAttribute('data-status');
      if (status === 'idle' && (await run.count()) > 0) await run.click();
      return status;
    }, SLOW_LOAD).toBe('ok');
    // Its defaults: win rate's latest change, split by deal source, as in the detail panel.
    // Without the marks that keep each name's direction (U+2066–U+2069).
    const text = (await added.getByTestId('explain-sentence').innerText()).replace(/[\u2066-\u2069]/g, '');
    expect(text).toMatch(/^Win rate (rose|fell) [\d.]+ pp from \S+ to \S+: /);
    expect(text).toMatch(
      /(Referral|Partner|Existing Customer|Events|Organic|Webinars|Paid \w+|Display)\S*’s rate [+−]\d/,
    );
    await chartsSettled(added.getByTestId('waterfall-chart'));
    await added.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await b.screenshot('explain-notebook-cell-en');
  });
});
