import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCrm } from '../../../samples/generator/crm';
import { toCsv } from '../../../samples/generator/csv';
import { CANONICAL_TABLE_NAMES, CANONICAL_TABLES } from '../../../src/core/model/canonical';
import type { ColumnKind } from '../../../src/core/model/columnKind';
import type { Engine } from '../../../src/engine/engine';
import { importPath } from '../../../src/engine/lockdown';
import { createNodeEngine } from '../../../src/engine/nodeEngine';

/**
 * The committed demo set, loaded into the real engine as the app loads it: every
 * table present, typed as the canonical model says, and the planted patterns
 * really there for an analyst to find (samples/README.md lists them).
 */
const DEMO = join(import.meta.dirname, '../../../samples/crm-demo');

type Row = Record<string, number | string | boolean | null>;

let engine: Engine;

async function rows(sql: string): Promise<Row[]> {
  const table = await engine.query(sql);
  return table.toArray().map((r) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(r.toJSON() as Record<string, unknown>)) {
      out[k] = typeof v === 'bigint' ? Number(v) : (v as Row[string]);
    }
    return out;
  });
}

async function value(sql: string): Promise<number> {
  const [row] = await rows(sql);
  return Number(Object.values(row)[0]);
}

beforeAll(async () => {
  engine = await createNodeEngine();
  for (const name of CANONICAL_TABLE_NAMES) {
    await engine.registerFile(importPath(`${name}.csv`), readFileSync(join(DEMO, `${name}.csv`)));
    await engine.query(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${importPath(`${name}.csv`)}')`);
  }
});

afterAll(async () => {
  await engine?.close();
});

/** DuckDB types the sniffer may choose for each logical kind. */
const SQL_TYPES: Record<ColumnKind, readonly string[]> = {
  number: ['BIGINT', 'DOUBLE', 'INTEGER'],
  text: ['VARCHAR'],
  boolean: ['BOOLEAN'],
  date: ['DATE'],
  timestamp: ['TIMESTAMP'],
};

describe('the committed demo set', () => {
  it('is under 10 MB in all', () => {
    const total = CANONICAL_TABLE_NAMES.reduce((sum, t) => sum + statSync(join(DEMO, `${t}.csv`)).size, 0);
    expect(total).toBeLessThan(10_000_000);
    expect(total).toBeGreaterThan(3_000_000);
  });

  it.each(CANONICAL_TABLES.map((t) => [t.name, t] as const))(
    '%s has every canonical column, read as its kind',
    async (name, table) => {
      const described = await rows(`SELECT column_name, column_type FROM (DESCRIBE ${name})`);
      const types = new Map(described.map((r) => [String(r.column_name), String(r.column_type)]));
      for (const column of table.columns) {
        expect(types.has(column.name), `${name}.${column.name}`).toBe(true);
        expect(SQL_TYPES[column.kind], `${name}.${column.name}`).toContain(types.get(column.name));
      }
    },
  );

  it('is byte for byte what the generator writes, so its row counts are the generator’s', async () => {
    const crm = generateCrm();
    for (const name of CANONICAL_TABLE_NAMES) {
      let generated = 0;
      for (const _ of crm[name].rows()) generated++;
      expect(await value(`SELECT count(*) FROM ${name}`), name).toBe(generated);
      expect(
        readFileSync(join(DEMO, `${name}.csv`), 'utf8') === toCsv(crm[name]),
        `${name}.csv is stale`,
      ).toBe(true);
    }
  });

  it('has the sizes samples/README.md promises', async () => {
    const count = (t: string) => value(`SELECT count(*) FROM ${t}`);
    expect(await count('customers')).toBeGreaterThan(2_500);
    expect(await count('leads')).toBeGreaterThan(10_000);
    expect(await count('deals')).toBeGreaterThan(5_000);
    expect(await count('orders')).toBeGreaterThan(20_000);
    expect(await count('tickets')).toBeGreaterThan(7_500);
    expect(await count('surveys')).toBeGreaterThan(3_000);
    // One row per day and channel or platform over the 1,096 days of 2023-2025.
    expect(await count('social')).toBe(5 * 1_096);
    expect(await count('web')).toBe(6 * 1_096);
    expect(await count('expenses')).toBe(7 * 36);
  });
});

describe('the demo data hangs together', () => {
  it('points every customer_id at a customer', async () => {
    for (const t of ['leads', 'deals', 'orders', 'tickets', 'surveys']) {
      const orphans = await value(
        `SELECT count(*) FROM ${t} x WHERE x.customer_id IS NOT NULL AND x.customer_id NOT IN (SELECT customer_id FROM customers)`,
      );
      expect(orphans, t).toBe(0);
    }
  });

  it('has no orders outside a customer’s life', async () => {
    const outside = await value(`
      SELECT count(*) FROM orders o JOIN customers c USING (customer_id)
      WHERE o.ordered_at < c.created_at OR o.ordered_at >= c.churned_at`);
    expect(outside).toBe(0);
  });

  it('derives won from stage, and only open deals lack a close day', async () => {
    expect(await value(`SELECT count(*) FROM deals WHERE won <> (stage = 'Closed Won')`)).toBe(0);
    expect(
      await value(`SELECT count(*) FROM deals WHERE (closed_at IS NULL) <> (stage NOT LIKE 'Closed%')`),
    ).toBe(0);
    const stages = await rows('SELECT DISTINCT stage FROM deals ORDER BY stage');
    expect(stages.map((r) => r.stage)).toEqual([
      'Closed Lost',
      'Closed Won',
      'Negotiation',
      'Proposal',
      'Qualification',
    ]);
  });

  it('counts the same leads per paid channel in marketing and in leads', async () => {
    const mismatches = await rows(`
      SELECT m.channel, m.n AS marketing, l.n AS leads FROM
        (SELECT channel, sum(leads) AS n FROM marketing GROUP BY channel) m
        JOIN (SELECT source, count(*) AS n FROM leads GROUP BY source) l ON l.source = m.channel
      WHERE m.n <> l.n`);
    expect(mismatches).toEqual([]);
  });

  it('keeps timestamps in order: created, then first response, then resolved', async () => {
    expect(
      await value(
        'SELECT count(*) FROM tickets WHERE first_response_at <= created_at OR resolved_at <= first_response_at',
      ),
    ).toBe(0);
  });

  it('spans exactly 2023-01-01 to 2025-12-31 in its daily tables', async () => {
    const [span] = await rows('SELECT min(date)::VARCHAR AS lo, max(date)::VARCHAR AS hi FROM social');
    expect(span).toEqual({ lo: '2023-01-01', hi: '2025-12-31' });
  });
});

describe('the planted patterns', () => {
  it('SMB churns more than twice as fast as Enterprise (churns per customer-month in the window)', async () => {
    const perSegment = await rows(`
      SELECT segment,
        count(churned_at) / sum(date_diff('day', greatest(created_at, DATE '2023-01-01'),
                                             coalesce(churned_at, DATE '2026-01-01')) / 30.44) AS monthly
      FROM customers WHERE coalesce(churned_at, DATE '2026-01-01') > DATE '2023-01-01'
      GROUP BY segment`);
    const rate = Object.fromEntries(perSegment.map((r) => [r.segment, Number(r.monthly)]));
    expect(rate.SMB).toBeGreaterThan(2 * rate.Enterprise);
    expect(rate['Mid-Market']).toBeGreaterThan(rate.Enterprise);
    expect(rate['Mid-Market']).toBeLessThan(rate.SMB);
  });

  it('CSAT moves with the support and product drivers and not with price', async () => {
    const [r] = await rows(`
      SELECT corr(csat, driver_support) AS support, corr(csat, driver_product) AS product,
             corr(csat, driver_onboarding) AS onboarding, corr(csat, driver_price) AS price
      FROM surveys`);
    expect(r.support).toBeGreaterThan(0.3);
    expect(r.product).toBeGreaterThan(0.3);
    expect(Math.abs(Number(r.price))).toBeLessThan(0.1);
    expect(Number(r.onboarding)).toBeLessThan(Number(r.product));
    expect(await value('SELECT corr(nps, driver_support) FROM surveys')).toBeGreaterThan(0.3);
  });

  it('Sales West has a weak 2024-Q3 and the other teams do not', async () => {
    const ratios = await rows(`
      WITH q AS (
        SELECT e.team, year(d.closed_at) * 10 + quarter(d.closed_at) AS yq, sum(d.amount) AS won
        FROM deals d JOIN employees e ON d.owner = e.name
        WHERE d.won GROUP BY ALL)
      SELECT team, max(won) FILTER (WHERE yq = 20243) / avg(won) FILTER (WHERE yq <> 20243) AS ratio
      FROM q GROUP BY team`);
    const ratio = Object.fromEntries(ratios.map((r) => [r.team, Number(r.ratio)]));
    expect(Object.keys(ratio).sort()).toEqual(['Sales Central', 'Sales East', 'Sales West']);
    expect(ratio['Sales West']).toBeLessThan(0.5);
    expect(ratio['Sales East']).toBeGreaterThan(0.6);
    expect(ratio['Sales Central']).toBeGreaterThan(0.6);
  });

  it('TikTok followers grow more than 50 % over the three years while the others stay within 25 %', async () => {
    const growth = await rows(`
      SELECT platform, arg_max(followers, date) / arg_min(followers, date) - 1 AS growth
      FROM social GROUP BY platform`);
    for (const { platform, growth: g } of growth) {
      if (platform === 'TikTok') expect(Number(g)).toBeGreaterThan(0.5);
      else expect(Math.abs(Number(g)), String(platform)).toBeLessThan(0.25);
    }
  });

  it('Webinars bring leads for less than half the cost per lead of any other paid channel', async () => {
    const cpl = await rows('SELECT channel, sum(spend) / sum(leads) AS cpl FROM marketing GROUP BY channel');
    const webinars = Number(cpl.find((r) => r.channel === 'Webinars')?.cpl);
    const others = cpl.filter((r) => r.channel !== 'Webinars').map((r) => Number(r.cpl));
    expect(others).toHaveLength(4);
    for (const other of others) expect(webinars).toBeLessThan(other / 2);
  });

  it('peaks in Q4 and dips in summer every year', async () => {
    const byYear = await rows(`
      SELECT year(ordered_at) AS y,
        sum(revenue) FILTER (WHERE quarter(ordered_at) = 4) / sum(revenue) FILTER (WHERE quarter(ordered_at) = 3) AS q4_over_q3,
        sum(revenue) FILTER (WHERE month(ordered_at) IN (7, 8)) / sum(revenue) FILTER (WHERE month(ordered_at) IN (5, 6)) AS summer_over_spring
      FROM orders GROUP BY ALL ORDER BY y`);
    expect(byYear.map((r) => r.y)).toEqual([2023, 2024, 2025]);
    for (const r of byYear) {
      expect(Number(r.q4_over_q3)).toBeGreaterThan(1.3);
      expect(Number(r.summer_over_spring)).toBeLessThan(0.95);
    }
  });

  it('NPS rises every year as the product driver improves', async () => {
    const nps = await rows(`
      SELECT year(answered_at) AS y,
        100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps) AS nps
      FROM surveys GROUP BY ALL ORDER BY y`);
    expect(nps).toHaveLength(3);
    expect(Number(nps[1].nps)).toBeGreaterThan(Number(nps[0].nps) + 5);
    expect(Number(nps[2].nps)).toBeGreaterThan(Number(nps[1].nps) + 5);
  });

  it('customers about to churn complain more', async () => {
    const [r] = await rows(`
      SELECT avg((t.type = 'Complaint')::INT) FILTER (WHERE c.churned_at - t.created_at::DATE <= 60) AS leaving,
             avg((t.type = 'Complaint')::INT) FILTER (WHERE c.churned_at IS NULL) AS staying
      FROM tickets t JOIN customers c USING (customer_id)`);
    expect(Number(r.leaving)).toBeGreaterThan(2 * Number(r.staying));
  });
});
