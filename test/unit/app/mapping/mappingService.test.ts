import { type Table, tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { createMappingService } from '../../../../src/app/mapping/mappingService';
import type { LoadedTable } from '../../../../src/core/model/scorecardSchema';
import type { Engine } from '../../../../src/engine/engine';

/** A HubSpot deals export as loaded: a preset recognises it by its headers. */
const hubspot: LoadedTable = {
  name: 'hubspot_deals',
  columns: [
    { name: 'Record ID', kind: 'number' },
    { name: 'Deal Name', kind: 'text' },
    { name: 'Pipeline', kind: 'text' },
    { name: 'Deal Stage', kind: 'text' },
    { name: 'Amount', kind: 'number' },
    { name: 'Create Date', kind: 'timestamp' },
    { name: 'Close Date', kind: 'timestamp' },
    { name: 'Deal owner', kind: 'text' },
  ],
};

/**
 * An engine that answers at once with no rows, except the stage values query, which it
 * holds until the test releases it; it records every statement.
 */
function stageHoldingEngine() {
  const sent: string[] = [];
  let release: (() => void) | null = null;
  const engine = {
    async query(sql: string): Promise<Table> {
      sent.push(sql);
      if (sql.includes('CAST("Deal Stage" AS VARCHAR) AS v')) {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return tableFromArrays({ v: ['Closed Won', 'Closed Lost', 'Open'], n: Int32Array.from([3, 2, 1]) });
      }
      return tableFromArrays({});
    },
  } as unknown as Engine;
  const stagesAsked = async () => {
    await expect.poll(() => release !== null).toBe(true);
    return () => release?.();
  };
  return { engine, sent, stagesAsked };
}

function setup() {
  const fake = stageHoldingEngine();
  const kinds: string[] = [];
  const service = createMappingService({
    engine: async () => fake.engine,
    tables: () => [hubspot],
    changed: (_s, kind) => kinds.push(kind),
  });
  return { service, fake, kinds };
}

describe('the mapping service', () => {
  it('maps a table a preset recognises as it loads, as the app’s own change', async () => {
    const { service, fake, kinds } = setup();
    service.tablesChanged([], [hubspot]);
    (await fake.stagesAsked())();
    await service.settled();
    const applied = service.state().applied.hubspot_deals;
    expect(applied?.auto).toEqual({ crm: 'HubSpot', label: 'HubSpot deals' });
    expect(applied?.mapping.stageOutcomes).toEqual({ won: ['Closed Won'], lost: ['Closed Lost'] });
    expect(fake.sent.some((s) => /VIEW "deals"/.test(s))).toBe(true);
    expect(kinds).toContain('derived');
  });

  it('drops an auto-map in flight when a workbook is opened, keeping the workbook’s mappings', async () => {
    const { service, fake } = setup();
    service.tablesChanged([], [hubspot]);
    const release = await fake.stagesAsked();
    // The opened workbook has the table unmapped: that is what must stand.
    const adopted = service.adopt({}, []);
    release();
    await adopted;
    await service.settled();
    expect(service.state().applied).toEqual({});
    expect(fake.sent.some((s) => /VIEW "deals"/.test(s))).toBe(false);
  });
});
