import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEW_SCORECARD_SETTINGS, type ScorecardSettings } from '../../../src/app/scorecard/documentScorecard';
import { kpisForTables } from '../../../src/app/scorecard/workbookKpis';
import { tableNameFromFile } from '../../../src/core/ingest/tableName';
import { contentDigest } from '../../../src/core/model/contentDigest';
import { presentColumns } from '../../../src/core/model/scorecardSchema';
import { withTarget } from '../../../src/state/scorecardEdits';
import { matchShipped, type OpenWork } from '../../../src/state/shippedResults';
import { DEMO_TARGETS } from '../../../src/ui/scorecard/demoTargets';

// The committed demo: its shipped results and the prepared tables they name.
const DIR = join(__dirname, '../../../samples/crm-demo-prepared');
const shipped = JSON.parse(readFileSync(join(DIR, 'results.json'), 'utf8'));
const imports = JSON.parse(readFileSync(join(DIR, 'imports.json'), 'utf8')) as Record<
  string,
  { columns: { name: string; kind: 'text' | 'number' | 'date' | 'boolean' }[] }
>;

/** The scorecard the browser expects for the demo's tables (src/ui/shippedDemo.ts). */
function demoScorecard(
  settings: ScorecardSettings = NEW_SCORECARD_SETTINGS,
  targets: Readonly<Record<string, number>> = DEMO_TARGETS,
): OpenWork['scorecard'] {
  const tables = Object.entries(imports).map(([file, r]) => ({
    name: tableNameFromFile(file),
    columns: r.columns,
  }));
  const { kpis } = kpisForTables([], presentColumns(tables), (c) => withTarget(c, targets));
  return { kpis, settings, userBenchmarks: [] };
}

async function committedDigests(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(DIR).filter((n) => n.endsWith('.arrow')))
    out[f.replace(/\.arrow$/, '.csv')] = await contentDigest(new Uint8Array(readFileSync(join(DIR, f))));
  return out;
}

const copy = () => structuredClone(shipped) as typeof shipped;

async function open(over: Partial<OpenWork> = {}): Promise<OpenWork> {
  return { digests: await committedDigests(), scorecard: demoScorecard(), today: '2026-12-04', ...over };
}

describe('shipped results: which they belong to', () => {
  it('the committed demo results belong to the committed prepared tables and the scorecard the app lists for them', async () => {
    const m = matchShipped(shipped, await open());
    expect(m.ok ? null : m.reason).toBeNull();
    if (!m.ok) return;
    // The demo's default range ends at its data's last month (it does not move with today).
    expect(m.results.view.periods.at(-1)).toEqual({
      label: '2025-12',
      start: '2025-12-01',
      end: '2025-12-31',
    });
    expect(m.results.view.dataRange).toEqual({ from: '2016-01-04', to: '2025-12-31' });
    expect(Object.keys(m.results.view.series).length).toBe(m.doc.kpis.length);
  });

  it('refuses them when a table being loaded is not the one they were computed from, naming it', async () => {
    const work = await open();
    const digests = { ...work.digests, 'deals.csv': '0'.repeat(64) };
    expect(matchShipped(shipped, { ...work, digests })).toEqual({
      ok: false,
      reason: 'the table deals.csv being loaded is not the one the results were computed from',
    });
  });

  it('refuses them when a table is missing or added', async () => {
    const work = await open();
    const { 'web.csv': _gone, ...fewer } = work.digests;
    expect(matchShipped(shipped, { ...work, digests: fewer })).toMatchObject({
      ok: false,
      reason: 'the results were computed with a table web.csv that is not being loaded',
    });
    const more = { ...work.digests, 'extra.csv': 'a'.repeat(64) };
    expect(matchShipped(shipped, { ...work, digests: more })).toMatchObject({
      ok: false,
      reason: 'the table extra.csv being loaded was not there when the results were computed',
    });
  });

  it('refuses them when the document shipped with them is not the one they show', async () => {
    const changed = copy();
    changed.document.kpis[0].formula = 'COUNT(surveys.nps)';
    expect(matchShipped(changed, await open())).toEqual({
      ok: false,
      reason: 'the results were computed for another document than the one shipped with them',
    });
    const grain = copy();
    grain.document.settings.grain = 'week';
    expect(matchShipped(grain, await open())).toMatchObject({ ok: false });
  });

  it.each([
    ['grain', { grain: 'quarter' }],
    ['calendar', { calendar: 'jalali' }],
    ['range', { from: '2024-01-01', to: '2024-12-31' }],
    ['breakdown', { breakdown: 'customers.segment' }],
    ['currency', { currency: 'IRT' }],
  ] as const)('refuses them when the open scorecard has another %s', async (_what, change) => {
    const scorecard = demoScorecard({ ...NEW_SCORECARD_SETTINGS, ...change } as ScorecardSettings);
    expect(matchShipped(shipped, await open({ scorecard }))).toEqual({
      ok: false,
      reason:
        'the results were computed for another range, grain, calendar, breakdown, industry or currency than the open scorecard’s',
    });
  });

  it('refuses them when the KPIs the app lists differ, even by a target the numbers do not depend on', async () => {
    const scorecard = demoScorecard(NEW_SCORECARD_SETTINGS, {});
    expect(matchShipped(shipped, await open({ scorecard }))).toEqual({
      ok: false,
      reason: 'the shipped KPIs are not the ones the app lists for these tables',
    });
  });

  it('refuses them when the open scorecard has benchmarks of its own', async () => {
    const scorecard = {
      ...demoScorecard(),
      userBenchmarks: [{ kpi: 'nps', industry: 'all', median: 40, topQuartile: 60 }],
    } as unknown as OpenWork['scorecard'];
    expect(matchShipped(shipped, await open({ scorecard }))).toEqual({
      ok: false,
      reason: 'the results were computed with other benchmarks than the open scorecard’s',
    });
  });

  it('refuses them while their last period has not ended before today (figures to date depend on the day)', async () => {
    for (const today of ['2025-12-15', '2025-12-31'])
      expect(matchShipped(shipped, await open({ today }))).toEqual({
        ok: false,
        reason:
          'the results’ last period (2025-12) has not ended before today, so its figures depend on the day',
      });
    expect(matchShipped(shipped, await open({ today: '2026-01-01' })).ok).toBe(true);
  });

  it('refuses what is not shipped results at all', async () => {
    const work = await open();
    for (const bad of [
      null,
      'x',
      {},
      { ...copy(), tables: { 'deals.csv': 'not a digest' } },
      { ...copy(), results: {} },
    ])
      expect(matchShipped(bad, work).ok).toBe(false);
    expect(matchShipped({ ...copy(), document: [] }, work)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^the shipped document could not be read: /),
    });
  });
});
