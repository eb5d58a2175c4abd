import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMappingProfiles } from '../../../src/app/mapping/mappingProfiles';
import { copyTables } from '../../../src/cli/targetEngine';
import type { ColumnProfile } from '../../../src/core/model/classifyProfile';
import type { LoadedTable } from '../../../src/core/model/scorecardSchema';
import { dropSql } from '../../../src/core/sql/tableDdl';
import { createChdbEngine } from '../../../src/engine/clickhouse/chdbEngine';
import type { Engine } from '../../../src/engine/engine';
import { engineDialect } from '../../../src/engine/engineDialect';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createPostgresEngine } from '../../../src/engine/postgres/postgresEngine';
import { differences } from '../support/cliRun';
import { type PostgresServer, startPostgres } from '../support/postgresServer';
import { chdbAvailable, postgresAvailable } from '../support/requiredEngine';

/**
 * The value profile the mapping classifier reads (src/core/sql/columnProfileForMapping.ts)
 * runs in the engine the tables are in: read in place (`run --engine postgres://…`), a
 * table a preset recognises is profiled by PostgreSQL or ClickHouse. Each must measure what
 * DuckDB measures. Six hand-made rows: ISO days in text with a time, a T, an impossible
 * month and plain text; line breaks of both kinds; blanks, spaces only and NULL; Persian
 * names (characters, not bytes); whole and fractional numbers.
 */
const TABLE = 'profiled';
/** Typed as the browser's import types a file: whole numbers BIGINT, others DOUBLE. */
const ROWS = `SELECT CAST(id AS BIGINT) AS id, stage, created, note, CAST(amount AS DOUBLE) AS amount, closed,
  CAST(rating AS BIGINT) AS rating, name FROM (VALUES
  (1, 'Won',  '2024-01-15',          'a',                         1200.5,  DATE '2024-01-20', 5, 'سارا'),
  (2, 'Lost', '2024-02-01 10:30:00', 'two' || chr(10) || 'lines', 300.25,  DATE '2024-02-03', 4, 'علی'),
  (3, 'Won',  'not a date',          '',                          99.75,   NULL,              1, 'Ann'),
  (4, 'Open', '2024-13-01',          '   ',                       NULL,    DATE '2024-03-01', 3, NULL),
  (5, NULL,   '',                    'cr' || chr(13) || 'here',   10.5,    DATE '2023-12-31', 2, 'Bob'),
  (6, 'Won',  '2023-12-31T08:00',    'x',                         42.125,  DATE '2024-01-01', 5, 'سارا')
) AS t(id, stage, created, note, amount, closed, rating, name)`;

const LOADED: LoadedTable = {
  name: TABLE,
  columns: [
    { name: 'id', kind: 'number' },
    { name: 'stage', kind: 'text' },
    { name: 'created', kind: 'text' },
    { name: 'note', kind: 'text' },
    { name: 'amount', kind: 'number' },
    { name: 'closed', kind: 'date' },
    { name: 'rating', kind: 'number' },
    { name: 'name', kind: 'text' },
  ],
};

let duck: Engine;
let expected: ColumnProfile[];

const profilesOn = async (engine: Engine) => createMappingProfiles(async () => engine)(LOADED);
const byName = (profiles: ColumnProfile[]) => Object.fromEntries(profiles.map((p) => [p.name, p]));

/** The view `name` made and dropped again by the mapping service's statement, in the engine's dialect. */
async function viewDropped(engine: Engine, name: string): Promise<boolean> {
  const d = engineDialect(engine);
  await engine.query(`CREATE VIEW ${d.quoteIdent(name)} AS SELECT 1 AS x`);
  expect(await engine.query(`SELECT x FROM ${d.quoteIdent(name)}`)).toBeTruthy();
  await engine.query(dropSql(d, name, 'VIEW'));
  return engine.query(`SELECT x FROM ${d.quoteIdent(name)}`).then(
    () => false,
    () => true,
  );
}

/** The table copied into `engine` as DuckDB typed it: its profile, and whether a hostile view name drops. */
async function measuredIn(engine: Engine) {
  try {
    await copyTables(duck, engine, [TABLE]);
    return { profiles: await profilesOn(engine), dropped: await viewDropped(engine, `v "q" \\ 'x'`) };
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  duck = await createNodeEngine();
  await duck.query(`CREATE TABLE ${TABLE} AS ${ROWS}`);
  expected = await profilesOn(duck);
}, 120_000);

let server: PostgresServer | undefined;
afterAll(async () => {
  await duck?.close();
  await server?.stop();
});

/** The engines held to DuckDB's measures: a throwaway PostgreSQL cluster, and chDB. */
const OTHERS: [string, () => boolean, () => Promise<Engine>][] = [
  [
    'PostgreSQL',
    postgresAvailable,
    async () => {
      server ??= await startPostgres();
      return createPostgresEngine({ url: server.url });
    },
  ],
  ['chDB', chdbAvailable, () => createChdbEngine()],
];

describe('the mapping profile, on every engine', () => {
  it('on DuckDB: the hand-counted measures', async () => {
    const p = byName(expected);
    expect(p.created).toMatchObject({
      rows: 6,
      filled: 5,
      dateShare: 3 / 5,
      minDate: '2023-12-31',
      maxDate: '2024-02-01',
    });
    expect(p.note).toMatchObject({ filled: 4, multilineShare: 2 / 4 });
    expect(p.stage).toMatchObject({ filled: 5, distinct: 3 });
    expect(p.stage.top).toEqual([
      { value: 'Won', count: 3 },
      { value: 'Lost', count: 1 },
      { value: 'Open', count: 1 },
    ]);
    expect(p.rating).toMatchObject({ min: 1, max: 5, integerShare: 1, in1to5: 1, in0to10: 1, in1to7: 1 });
    expect(p.amount).toMatchObject({ min: 10.5, max: 1200.5, integerShare: 0 });
    expect(p.closed).toMatchObject({ dateShare: 1, minDate: '2023-12-31', maxDate: '2024-03-01' });
    // Characters, not bytes: سارا is 4 letters in 8 bytes.
    expect(p.name.meanLength).toBeCloseTo((4 + 3 + 3 + 3 + 4) / 5, 12);
    expect(await viewDropped(duck, `v "q" \\ 'x'`)).toBe(true);
  });

  for (const [name, available, open] of OTHERS)
    if (available())
      it(`measures what DuckDB measures on ${name}; the view's DROP is its own`, async () => {
        const got = await measuredIn(await open());
        expect(differences(expected, got.profiles)).toEqual([]);
        expect(got.dropped).toBe(true);
      }, 300_000);
});
