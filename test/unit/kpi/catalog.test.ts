import { describe, expect, it } from 'vitest';
import { checkKpis } from '../../../src/core/formula/check';
import { walk } from '../../../src/core/formula/checked';
import { lookupFunction } from '../../../src/core/formula/registry';
import { availability } from '../../../src/core/kpi/availability';
import { BENCHMARKS } from '../../../src/core/kpi/benchmarks';
import { canonicalSchema } from '../../../src/core/kpi/canonicalSchema';
import { CATALOG, CATALOG_FAMILIES, catalogKpi, withDependencies } from '../../../src/core/kpi/catalog';
import { canonicalColumn } from '../../../src/core/model/canonical';

const checked = checkKpis(canonicalSchema(), CATALOG);

describe('the KPI catalog', () => {
  it('has at least 40 KPIs, every family, and at least 6 KRIs', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(40);
    for (const f of CATALOG_FAMILIES) {
      expect(CATALOG.filter((k) => k.family === f && k.kind === 'kpi').length, f).toBeGreaterThanOrEqual(3);
    }
    expect(CATALOG.filter((k) => k.kind === 'kri').length).toBeGreaterThanOrEqual(6);
  });

  it('has unique snake_case ids and complete entries', () => {
    expect(new Set(CATALOG.map((k) => k.id)).size).toBe(CATALOG.length);
    for (const k of CATALOG) {
      expect(k.id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(k.label.length, k.id).toBeGreaterThan(2);
      expect(k.description.length, k.id).toBeGreaterThan(20);
      expect(canonicalColumn(k.table, k.timeColumn)?.kind, k.id).toMatch(/^(date|timestamp)$/);
      if (k.unit === '%') expect(k.format, k.id).toBe('percent');
    }
  });

  it('gives every KRI a risk threshold and a bad direction', () => {
    for (const k of CATALOG.filter((x) => x.kind === 'kri')) {
      expect(k.thresholds?.critical, k.id).toBeTypeOf('number');
      expect(k.direction, k.id).not.toBe('context');
    }
  });

  it('files benchmarks under keys the library has', () => {
    const kpisWithRows = new Set(BENCHMARKS.map((b) => b.kpiId));
    for (const k of CATALOG)
      if (k.benchmarkKey !== undefined) expect(kpisWithRows, k.id).toContain(k.benchmarkKey);
  });

  // HOURS(from, to) is not in the formula registry yet; these two KPIs need it and nothing else fails.
  const needsHours = CATALOG.filter((k) => k.formula.includes('HOURS(')).map((k) => k.id);

  it('checks every formula against the canonical model', () => {
    const failing = CATALOG.filter((k) => !checked.kpis.get(k.id)?.ok).map((k) => k.id);
    if (lookupFunction('HOURS') === undefined) {
      expect(failing.sort()).toEqual(['first_response_time', 'resolution_time']);
      expect(needsHours.sort()).toEqual(failing.sort());
    } else {
      expect(failing).toEqual([]);
    }
  });

  it('lists in `needs` exactly the columns the checker resolves, through KPI references', () => {
    const resolved = (id: string, seen = new Set<string>()): Set<string> => {
      const out = new Set<string>();
      if (seen.has(id)) return out;
      seen.add(id);
      const c = checked.kpis.get(id)!;
      if (c.timeColumn !== null) out.add(`${c.timeColumn.table}.${c.timeColumn.column}`);
      for (const e of [c.expr, c.filter]) {
        if (e === null) continue;
        walk(e, (n) => {
          if (n.t === 'column') out.add(`${n.table}.${n.column}`);
          if (n.t === 'kpi') for (const x of resolved(n.id, seen)) out.add(x);
          return true;
        });
      }
      return out;
    };
    for (const k of CATALOG) {
      if (needsHours.includes(k.id)) continue;
      expect([...resolved(k.id)].sort(), k.id).toEqual([...k.needs]);
    }
  });

  it('derives needs and uses of a KPI built on others', () => {
    const clv = catalogKpi('clv')!;
    expect(clv.uses).toEqual(['arpu', 'churn_rate', 'gross_margin']);
    expect(clv.needs).toEqual([
      'customers.churned_at',
      'customers.created_at',
      'orders.cost',
      'orders.ordered_at',
      'orders.revenue',
    ]);
    expect(withDependencies('profit').map((k) => k.id)).toEqual([
      'gross_profit',
      'operating_expenses',
      'profit',
    ]);
  });
});

describe('availability', () => {
  const nps = catalogKpi('nps')!;

  it('is available when every needed column is mapped', () => {
    expect(availability(nps, new Set(['surveys.nps', 'surveys.answered_at', 'surveys.csat']))).toEqual({
      available: true,
    });
  });

  it('names what is missing instead of giving a number', () => {
    expect(availability(nps, new Set(['surveys.answered_at', 'surveys.csat']))).toEqual({
      available: false,
      reason: 'needs surveys.nps',
      missing: ['surveys.nps'],
    });
    const winRate = availability(catalogKpi('win_rate')!, new Set(['deals.closed_at']));
    expect(winRate.available === false && winRate.reason).toBe('needs deals.won');
  });
});
