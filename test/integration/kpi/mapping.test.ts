import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScorecard } from '../../../src/core/formula/compile';
import { availability } from '../../../src/core/kpi/availability';
import { canonicalSchema } from '../../../src/core/kpi/canonicalSchema';
import { catalogKpi } from '../../../src/core/kpi/catalog';
import { suggestMapping } from '../../../src/core/model/mapping';
import { suggestStageOutcome } from '../../../src/core/model/mappingStage';
import { validateMapping } from '../../../src/core/model/mappingValidate';
import { mappedColumns, mappingViewSql } from '../../../src/core/model/mappingView';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { runScorecard } from '../../../src/engine/scorecardRun';

/**
 * A HubSpot deals export as HubSpot writes it: labels for headers, date-times,
 * the expected close date on open deals, a blank amount, a quoted comma.
 * By close month: January 101 won, 102 lost; February 103, 104, 106 won, 105 lost;
 * March and April only open deals.
 */
const HUBSPOT_DEALS = [
  'Record ID,Deal Name,Pipeline,Deal Stage,Amount,Create Date,Close Date,Deal owner,Associated Company (IDs)',
  '101,"Acme, renewal",Sales Pipeline,Closed Won,1000,2024-01-02 09:15:00,2024-01-20 10:00:00,Ava Abbasi,501',
  '102,Beta,Sales Pipeline,Closed Lost,500,2024-01-05 11:00:00,2024-01-25 12:00:00,Ava Abbasi,502',
  '103,Gamma,Sales Pipeline,Closed Won,3000,2024-01-10 08:00:00,2024-02-10 09:00:00,Ben Okafor,503',
  '104,Delta,Sales Pipeline,Closed Won,2000,2024-02-01 08:00:00,2024-02-15 09:00:00,Ben Okafor,501',
  '105,Epsilon,Sales Pipeline,Closed Lost,700,2024-02-03 08:00:00,2024-02-20 09:00:00,Ava Abbasi,504',
  '106,Zeta,Sales Pipeline,Closed Won,900,2024-02-05 08:00:00,2024-02-28 09:00:00,Ben Okafor,505',
  '107,Eta,Sales Pipeline,Contract Sent,4000,2024-02-10 08:00:00,2024-03-30 00:00:00,Ava Abbasi,506',
  '108,Theta,Sales Pipeline,Appointment Scheduled,,2024-03-01 08:00:00,2024-04-15 00:00:00,Ben Okafor,',
].join('\r\n');

let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

afterAll(async () => {
  await engine?.close();
});

describe('a HubSpot deals export, mapped with no manual step', () => {
  it('becomes the canonical deals view and gives the hand-computed KPIs', async () => {
    const loaded = await importFile(
      engine,
      { name: 'hubspot-deals.csv', bytes: new TextEncoder().encode(HUBSPOT_DEALS) },
      { table: 'hubspot_deals' },
    );
    const kinds = Object.fromEntries(loaded.columns.map((c) => [c.name, c.kind]));
    const suggestion = suggestMapping(
      loaded.columns.map((c) => c.name),
      kinds,
    );
    expect(suggestion.table).toBe('deals');
    expect(suggestion.preset?.id).toBe('hubspot-deals');
    expect(suggestion.missingRequired).toEqual([]);

    const stages = tableToRows(
      await engine.query('SELECT DISTINCT "Deal Stage" AS s FROM hubspot_deals ORDER BY s'),
    ).map((r) => String(r.s));
    const outcomes = suggestStageOutcome(stages);
    expect(outcomes).toEqual({
      won: ['Closed Won'],
      lost: ['Closed Lost'],
      open: ['Appointment Scheduled', 'Contract Sent'],
    });
    const mapping = { ...suggestion.mapping, stageOutcomes: { won: outcomes.won, lost: outcomes.lost } };
    expect(validateMapping(mapping, loaded.columns)).toEqual([]);

    await engine.query(
      mappingViewSql(
        'hubspot_deals',
        mapping,
        loaded.columns.map((c) => c.name),
        { dialect: duckdb },
      ),
    );
    const view = tableToRows(
      await engine.query('SELECT deal_id, amount, closed_at, won FROM deals ORDER BY deal_id'),
    );
    expect(view[0]).toEqual({ deal_id: '101', amount: 1000, closed_at: '2024-01-20', won: true });
    expect(view[6]).toEqual({ deal_id: '107', amount: 4000, closed_at: '2024-03-30', won: null });
    expect(view[7].amount).toBeNull();
    // The raw table stays as loaded.
    expect(tableToRows(await engine.query('SELECT COUNT(*) AS n FROM hubspot_deals'))[0].n).toBe(8);

    const present = mappedColumns(mapping);
    const ids = ['win_rate', 'won_amount', 'average_deal_size', 'sales_cycle'];
    const kpis = ids.map((id) => catalogKpi(id)!);
    for (const k of kpis) expect(availability(k, present), k.id).toEqual({ available: true });
    const compiled = compileScorecard({
      dialect: duckdb,
      kpis,
      schema: canonicalSchema(present),
      grain: 'month',
      from: '2024-01-01',
      to: '2024-03-31',
      today: '2024-06-01',
    });
    expect(compiled.diagnostics.map((d) => d.message)).toEqual([]);
    const rows = await runScorecard(engine, compiled);
    const byMonth = Object.fromEntries(rows.map((r) => [r.periodStart, r.values]));
    expect(byMonth['2024-01-01']).toMatchObject({
      win_rate: 0.5,
      won_amount: 1000,
      average_deal_size: 1000,
      sales_cycle: 18,
    });
    // February: 3 of 4 closed deals won, 3000 + 2000 + 900; cycles 31, 14 and 23 days.
    expect(byMonth['2024-02-01'].win_rate).toBeCloseTo(0.75, 12);
    expect(byMonth['2024-02-01'].won_amount).toBe(5900);
    expect(byMonth['2024-02-01'].average_deal_size).toBeCloseTo(5900 / 3, 9);
    expect(byMonth['2024-02-01'].sales_cycle).toBe(23);
    // March has only an open deal: win rate is blank, not 0.
    expect(byMonth['2024-03-01'].win_rate).toBeNull();
    expect(byMonth['2024-03-01'].won_amount).toBe(0);
  });
});
