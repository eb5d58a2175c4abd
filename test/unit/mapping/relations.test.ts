import { describe, expect, it } from 'vitest';
import {
  chooseLinks,
  LINK_MIN_FOUND,
  type LinkCandidate,
  type LinkOverlap,
  linkCandidates,
  linkScore,
} from '../../../src/core/model/mappingRelations';

const text = (name: string) => ({ name, kind: 'text' as const });
const num = (name: string) => ({ name, kind: 'number' as const });
const table = (name: string, ...columns: { name: string; kind: 'text' | 'number' | 'date' }[]) => ({
  name,
  columns,
});
const ends = (c: LinkCandidate[]) =>
  c.map((x) => `${x.fromTable}.${x.fromColumn} -> ${x.toTable}.${x.toColumn} (${x.rule})`);

describe('link candidates by name', () => {
  it('links x_id to x.id, x.x_id and the plural table, in any spelling', () => {
    const tables = [
      table('customers', text('customer_id'), { name: 'created_at', kind: 'date' }),
      table('deals', text('deal_id'), text('customer_id'), text('owner')),
      table('companies', num('id'), text('name')),
      table('contacts', text('contact_id'), num('Company ID')),
    ];
    expect(ends(linkCandidates(tables))).toEqual([
      'deals.customer_id -> customers.customer_id (key)',
      'contacts.Company ID -> companies.id (key)',
      // The same name both ways: the values decide which side is the key.
      'customers.customer_id -> deals.customer_id (same-name)',
    ]);
  });

  it('points a singular column at the plural table named for it', () => {
    const tables = [
      table('sales', text('Region'), num('amount')),
      table('regions', text('region'), text('manager')),
      table('categories', text('name')),
      table('expenses', text('category'), num('amount')),
    ];
    expect(ends(linkCandidates(tables))).toEqual([
      'sales.Region -> regions.region (singular)',
      'expenses.category -> categories.name (singular)',
      'sales.amount -> expenses.amount (same-name)',
      'regions.region -> sales.Region (same-name)',
      'expenses.amount -> sales.amount (same-name)',
    ]);
  });

  it('never offers dates, generic names or a table to itself, and stops at the limit', () => {
    const tables = [
      table('a', num('id'), text('name'), { name: 'date', kind: 'date' }, text('x')),
      table('b', num('id'), text('name'), { name: 'date', kind: 'date' }, text('x')),
    ];
    expect(ends(linkCandidates(tables))).toEqual(['a.x -> b.x (same-name)', 'b.x -> a.x (same-name)']);
    expect(linkCandidates(tables, 1)).toHaveLength(1);
  });
});

const overlap = (o: Partial<LinkOverlap>): LinkOverlap => ({
  fromRows: 1000,
  fromDistinct: 100,
  found: 100,
  toRows: 100,
  toDistinct: 100,
  ...o,
});

describe('link scoring by values', () => {
  it('holds from 90 % of the values found, not below', () => {
    expect(LINK_MIN_FOUND).toBe(0.9);
    expect(linkScore(overlap({ found: 90 }))).toBe(0.9);
    expect(linkScore(overlap({ found: 89 }))).toBeNull();
    expect(linkScore(overlap({ found: 100 }))).toBe(1);
  });

  it('needs the other column unique or nearly so', () => {
    expect(linkScore(overlap({ toRows: 100, toDistinct: 98 }))).toBe(1);
    expect(linkScore(overlap({ toRows: 100, toDistinct: 97 }))).toBeNull();
  });

  it('proves nothing from a single value or an empty table', () => {
    expect(linkScore(overlap({ fromDistinct: 1, found: 1 }))).toBeNull();
    expect(linkScore(overlap({ toRows: 0, toDistinct: 0 }))).toBeNull();
  });

  it('keeps one link per pair of tables: the many side points at the unique one', () => {
    const c = (fromTable: string, toTable: string, rule: LinkCandidate['rule']): LinkCandidate => ({
      fromTable,
      fromColumn: 'k',
      toTable,
      toColumn: 'k',
      rule,
    });
    const links = chooseLinks([
      // One-to-one both ways: the larger table points.
      { candidate: c('small', 'big', 'same-name'), overlap: overlap({ fromRows: 10 }) },
      { candidate: c('big', 'small', 'same-name'), overlap: overlap({ fromRows: 5000 }) },
      // Not unique on the other side: no link.
      { candidate: c('x', 'y', 'key'), overlap: overlap({ toDistinct: 50 }) },
      // A key rule beats a shared name between the same tables.
      { candidate: c('p', 'q', 'same-name'), overlap: overlap({}) },
      {
        candidate: { ...c('p', 'q', 'key'), fromColumn: 'q_id', toColumn: 'id' },
        overlap: overlap({ found: 95 }),
      },
    ]);
    expect(
      links.map((l) => `${l.fromTable}.${l.fromColumn} -> ${l.toTable}.${l.toColumn} ${l.foundShare}`),
    ).toEqual(['p.q_id -> q.id 0.95', 'big.k -> small.k 1']);
  });
});
