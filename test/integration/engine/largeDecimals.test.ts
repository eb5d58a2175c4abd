import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';

/**
 * A DECIMAL or HUGEINT past 2^53 (a revenue total in rials, a sum of large IDs) used to
 * throw "not safe to convert to a number" at the engine boundary and lose the whole result.
 * It now becomes the nearest double, as DOUBLE columns already do, on both engines.
 */
let engines: [string, Engine][];
beforeAll(async () => {
  engines = [
    ['wasm', await createNodeEngine()],
    ['native', await createNativeEngine({ allowedDirectories: [] })],
  ];
});
afterAll(async () => {
  await Promise.all(engines.map(([, e]) => e.close()));
});

const SQL = `SELECT
  123456789012345678.12::DECIMAL(38,2) AS big,
  -123456789012345678.12::DECIMAL(38,2) AS negative,
  12345678901234567890::HUGEINT AS huge,
  (2::HUGEINT) ** 100 AS power,
  -0.05::DECIMAL(18,2) AS small_negative,
  0.0000000001::DECIMAL(38,10) AS tiny,
  60.0::DECIMAL(18,1) AS sixty,
  NULL::DECIMAL(38,2) AS blank`;

describe('large decimals at the engine boundary', () => {
  it.each(['wasm', 'native'])('on %s, become the nearest double', async (name) => {
    const engine = engines.find(([n]) => n === name)?.[1] as Engine;
    const [row] = tableToRows(await engine.query(SQL));
    expect({ ...row }).toEqual({
      big: 123456789012345680,
      negative: -123456789012345680,
      huge: 12345678901234567000,
      power: 2 ** 100,
      small_negative: -0.05,
      tiny: 1e-10,
      sixty: 60,
      blank: null,
    });
  });
});
