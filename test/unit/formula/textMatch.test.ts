import { describe, expect, it } from 'vitest';
import { checkKpis } from '../../../src/core/formula/check';
import type { Schema } from '../../../src/core/formula/schema';
import { comparedTextColumns } from '../../../src/core/formula/textMatch';
import { schema } from './fixtures';

/** deals.stage and customers.segment with known values; deals.source unknown (too many to list). */
const known: Schema = {
  ...schema,
  tables: schema.tables.map((t) => ({
    ...t,
    columns: t.columns.map((c) =>
      c.name === 'stage'
        ? { ...c, values: ['Won', 'Lost', 'Open'] }
        : c.name === 'segment'
          ? { ...c, values: ['SMB', 'Enterprise'] }
          : c,
    ),
  })),
};

const warnings = (formula: string, filter?: string) =>
  checkKpis(known, [{ id: 'k', label: 'K', formula, table: 'deals', ...(filter ? { filter } : {}) }])
    .diagnostics.filter((d) => d.code === 'text-no-match')
    .map((d) => ({
      at: (d.source === 'filter' ? (filter ?? '') : formula).slice(d.span.start, d.span.end),
      start: d.span.start,
      severity: d.severity,
      suggestion: (d.params as { suggestion: string | null }).suggestion,
      message: d.message,
    }));

describe('text comparisons that match nothing', () => {
  it('warns at the literal of stage = "lost" and suggests "Lost"', () => {
    const f = 'COUNTIF(stage = "lost") / COUNT(deal_id)';
    const [w, ...rest] = warnings(f);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ at: '"lost"', start: 16, severity: 'warning', suggestion: 'Lost' });
    expect(w.message).toContain('did you mean “Lost”?');
    expect(w.message).toContain('there is no EXACT()');
  });

  it('is only a warning: the KPI still compiles', () => {
    const r = checkKpis(known, [{ id: 'k', label: 'K', formula: 'COUNTIF(deals.stage = "lost")' }]);
    expect(r.kpis.get('k')?.ok).toBe(true);
  });

  it('says so when no value is close, on either side, with <> and in IN lists', () => {
    expect(warnings('COUNTIF("Gone" = deals.stage)')).toMatchObject([
      {
        at: '"Gone"',
        suggestion: null,
        message:
          'deals.stage never holds "Gone", so this comparison matches no row; text is compared exactly',
      },
    ]);
    expect(warnings('COUNTIF(deals.stage <> "Lostt")')).toMatchObject([
      { at: '"Lostt"', suggestion: 'Lost' },
    ]);
    expect(warnings('COUNTIF(deals.stage IN ("Won", "won", "Closed"))').map((w) => w.at)).toEqual([
      '"won"',
      '"Closed"',
    ]);
  });

  it('reads LOWER(column) against the lower-cased values', () => {
    expect(warnings('COUNTIF(LOWER(deals.stage) = "lost")')).toEqual([]);
    expect(warnings('COUNTIF(LOWER(deals.stage) = "Lost")')).toMatchObject([
      { at: '"Lost"', suggestion: 'lost' },
    ]);
  });

  it('checks filters and columns reached through a relationship', () => {
    expect(warnings('COUNT(deal_id)', 'customers.segment = "smb"')).toMatchObject([
      { at: '"smb"', suggestion: 'SMB' },
    ]);
  });

  it('is silent where the values are unknown or held', () => {
    expect(warnings('COUNTIF(deals.source = "nowhere")')).toEqual([]);
    expect(warnings('COUNTIF(deals.stage = "Won")')).toEqual([]);
  });

  it('lists the columns compared with text, so their values can be fetched', () => {
    const r = checkKpis(schema, [
      { id: 'a', label: 'A', formula: 'COUNTIF(deals.stage = "Won") + COUNTIF(deals.stage = "Open")' },
      { id: 'b', label: 'B', formula: 'COUNTIF(customers.segment IN ("SMB"))', table: 'deals' },
    ]);
    const exprs = [...r.kpis.values()].flatMap((c) => [c.expr, c.filter]);
    expect(comparedTextColumns(exprs)).toEqual([
      { table: 'deals', column: 'stage' },
      { table: 'customers', column: 'segment' },
    ]);
  });
});
