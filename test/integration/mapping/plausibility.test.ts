import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurePlausibility } from '../../../src/app/mapping/mappingPlausibility';
import type { TableMapping } from '../../../src/core/model/mapping';
import { judgePlausibility } from '../../../src/core/model/mappingPlausibility';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';

/**
 * A ticket export with a purchase date beside the ticket's own dates. By hand:
 * first replies after 2 h, 0.5 h and 6 h (median 2); resolutions after 24 h and
 * −24 h (ticket 2 "resolved" the day before it was opened: median 0, 1 of 2 negative).
 * From the purchase date instead, at midnight: 24,107 h, 23,074.5 h and 24,446 h (median 24,107).
 */
const TICKETS = [
  'Ticket ID,Purchase Date,Opened,First Reply,Resolved',
  '1,2021-06-01,2024-03-01 09:00:00,2024-03-01 11:00:00,2024-03-02 09:00:00',
  '2,2021-07-15,2024-03-02 10:00:00,2024-03-02 10:30:00,2024-03-01 10:00:00',
  '3,2021-05-20,2024-03-03 08:00:00,2024-03-03 14:00:00,',
  '4,2021-04-01,2024-03-04 08:00:00,,',
].join('\n');

const TODAY = '2024-03-03';
let engine: Engine;
let raw: {
  name: string;
  columns: { name: string; kind: 'number' | 'text' | 'boolean' | 'date' | 'timestamp' }[];
};

beforeAll(async () => {
  engine = await createNodeEngine();
  const loaded = await importFile(
    engine,
    { name: 'tickets.csv', bytes: new TextEncoder().encode(TICKETS) },
    { table: 'helpdesk' },
  );
  raw = { name: 'helpdesk', columns: loaded.columns.map((c) => ({ name: c.name, kind: c.kind })) };
});
afterAll(() => engine?.close());

const mapped = (created: string): TableMapping => ({
  canonicalTable: 'tickets',
  columns: {
    ticket_id: 'Ticket ID',
    created_at: created,
    first_response_at: 'First Reply',
    resolved_at: 'Resolved',
  },
});

describe('plausibility of a mapping, measured in one query before it is applied', () => {
  it('gives each date its range and fill, and each span its median, range and negative rows', async () => {
    const p = await measurePlausibility(engine, raw, mapped('Opened'), TODAY);
    expect(p).not.toBeNull();
    expect(p!.rows).toBe(4);
    expect(p!.dates).toEqual([
      { column: 'created_at', filled: 4, min: '2024-03-01', max: '2024-03-04', future: 1 },
      { column: 'first_response_at', filled: 3, min: '2024-03-01', max: '2024-03-03', future: 0 },
      { column: 'resolved_at', filled: 2, min: '2024-03-01', max: '2024-03-02', future: 0 },
    ]);
    const [first, resolution] = p!.spans;
    expect(first).toMatchObject({ count: 3, median: 2, min: 0.5, max: 6, negative: 0 });
    expect(first.rule.id).toBe('first_response');
    expect(resolution).toMatchObject({ count: 2, median: 0, min: -24, max: 24, negative: 1 });
    expect(judgePlausibility(p!).map((w) => w.code)).toEqual(['date-future', 'span-negative']);
  });

  it('warns when created_at is the purchase date: a median first response of 24,107 hours', async () => {
    const p = await measurePlausibility(engine, raw, mapped('Purchase Date'), TODAY);
    const first = p!.spans.find((s) => s.rule.id === 'first_response');
    expect(first).toMatchObject({ count: 3, median: 24_107, min: 23_074.5, max: 24_446 });
    const long = judgePlausibility(p!).find((w) => w.code === 'span-long');
    expect(long).toMatchObject({ code: 'span-long', median: 24_107 });
  });

  it('measures a computed date the same way, and has nothing to say without dates', async () => {
    const constant: TableMapping = {
      ...mapped('Opened'),
      columns: { ticket_id: 'Ticket ID', created_at: 'Opened' },
      computed: { first_response_at: { constant: '2030-01-01' } },
    };
    const p = await measurePlausibility(engine, raw, constant, TODAY);
    expect(p!.dates[1]).toEqual({
      column: 'first_response_at',
      filled: 4,
      min: '2030-01-01',
      max: '2030-01-01',
      future: 4,
    });
    const none: TableMapping = { canonicalTable: 'tickets', columns: { ticket_id: 'Ticket ID' } };
    expect(await measurePlausibility(engine, raw, none, TODAY)).toBeNull();
  });
});
