import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKpis } from '../../../src/core/formula/check';
import { formulasMarkdown } from '../../../src/core/formula/docs';
import { allFunctions, signature } from '../../../src/core/formula/registry';
import { schema } from './fixtures';

const DOCS = new URL('../../../docs/formulas.md', import.meta.url);

describe('docs/formulas.md', () => {
  it('is up to date with the registry (regenerate with formulasMarkdown())', () => {
    expect(readFileSync(DOCS, 'utf8')).toBe(formulasMarkdown());
  });

  it('lists every function of DESIGN.md with its signature', () => {
    // HOURS goes beyond DESIGN.md's list: time-to-response KPIs need fractions of a day.
    const names = allFunctions()
      .map((f) => f.name)
      .filter((n) => n !== 'HOURS');
    const design =
      'SUM AVERAGE COUNT COUNTD MIN MAX MEDIAN PERCENTILE STDEV COUNTIF SUMIF AVERAGEIF COUNTROWS ACTIVE IF AND OR NOT ISBLANK COALESCE ROUND ABS DIVIDE LOWER UPPER TRIM CONTAINS YEAR MONTH DAYS TODAY PERIOD_START PERIOD_END PREV YOY CHANGE GROWTH RUNNING ROLLING YTD SHARE';
    expect(names.sort()).toEqual(design.split(' ').sort());
    expect(formulasMarkdown()).toContain('`DIVIDE(numerator, denominator[, alternative])` → number');
    for (const f of allFunctions()) expect(formulasMarkdown()).toContain(signature(f));
  });
});

/** The canonical columns the examples are written against. */
const exampleSchema = {
  ...schema,
  tables: [
    ...schema.tables,
    {
      name: 'orders',
      columns: [
        { name: 'customer_id', kind: 'number' as const },
        { name: 'cost', kind: 'number' as const },
      ],
    },
    {
      name: 'tickets',
      columns: [
        { name: 'type', kind: 'text' as const },
        { name: 'resolution_hours', kind: 'number' as const },
        { name: 'created_at', kind: 'timestamp' as const },
        { name: 'first_response_at', kind: 'timestamp' as const },
      ],
    },
  ],
};

describe('every registry example', () => {
  it('checks without errors (time examples refer to a `revenue` KPI)', () => {
    const kpis = allFunctions().map((f, i) => ({ id: `e${i}`, label: f.name, formula: f.example.formula }));
    kpis.push({ id: 'revenue', label: 'Revenue', formula: 'SUM(deals.amount)' });
    const extra = { ...exampleSchema };
    extra.tables = extra.tables.map((t) =>
      t.name === 'customers'
        ? { ...t, columns: [...t.columns, { name: 'region', kind: 'text' as const }] }
        : t,
    );
    const r = checkKpis(extra, kpis);
    expect(r.diagnostics.map((d) => `${d.kpiId}: ${d.message}`)).toEqual([]);
  });
});
