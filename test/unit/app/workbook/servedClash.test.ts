import { describe, expect, it } from 'vitest';
import { datasetsOf, type TableEntry } from '../../../../src/app/data/tableEntry';
import { clearOfServed } from '../../../../src/app/workbook/servedClash';
import { servedSave } from '../../../../src/app/workbook/servedSave';
import { emptyDocument } from '../../../../src/core/model/document';
import type { WorkbookDocument } from '../../../../src/core/model/documentSchema';

/**
 * Issue 16 follow-ups: a workbook's table kept clear of the tables `shakhes serve` holds
 * (its mapping's view too), and which tables a Save in a served page copies into the file.
 */
const entry = (name: string, rows = 3): TableEntry => ({
  name,
  sourceName: `${name}.csv`,
  format: 'csv',
  rows,
  columns: [{ name: 'a', kind: 'number', sqlType: 'BIGINT' }],
  options: { delimiter: ',' },
  problems: { count: 0, samples: [] },
  notes: [],
});

function workbook(...tables: TableEntry[]): WorkbookDocument {
  const doc = emptyDocument('t');
  doc.datasets = datasetsOf(tables);
  return doc;
}

/** `hubspot` mapped to the canonical `deals` (its view). */
function mappedHubspot(name = 'hubspot'): WorkbookDocument {
  const doc = workbook(entry(name));
  doc.datasets[0].mapping = { canonicalTable: 'deals', columns: { amount: 'a' } };
  return doc;
}

const everything = () => true;

describe('clearOfServed', () => {
  it('renames a loaded table of a served name and keeps its mapping when the view is free', () => {
    const doc = mappedHubspot();
    const { doc: out, renamed } = clearOfServed(
      doc,
      [{ table: 'hubspot', path: '/x/hubspot.csv' }],
      everything,
    );
    expect(out.datasets.map((d) => [d.table, d.mapping?.canonicalTable])).toEqual([['hubspot_2', 'deals']]);
    expect(renamed).toEqual([
      { dataset: 'hubspot.csv', table: 'hubspot', as: 'hubspot_2', served: '/x/hubspot.csv' },
    ]);
  });

  it('leaves off a mapping whose view has a served table’s name: renamed or not, loaded or not', () => {
    const served = [
      { table: 'hubspot', path: '/x/hubspot.csv' },
      { table: 'deals', path: '/x/deals.csv' },
    ];
    // Renamed (its data loads) and its view `deals` is the server's table: both said.
    const { doc: out, renamed } = clearOfServed(mappedHubspot(), served, everything);
    expect(out.datasets.map((d) => [d.table, d.mapping])).toEqual([['hubspot_2', undefined]]);
    expect(renamed).toEqual([
      { dataset: 'hubspot.csv', table: 'hubspot', as: 'hubspot_2', served: '/x/hubspot.csv' },
      { dataset: 'hubspot.csv', table: 'hubspot_2', as: 'hubspot_2', served: '/x/deals.csv', view: 'deals' },
    ]);
    // Not renamed: only the mapping.
    const other = clearOfServed(mappedHubspot('crm'), served, everything);
    expect(other.doc.datasets.map((d) => [d.table, d.mapping])).toEqual([['crm', undefined]]);
    expect(other.renamed).toEqual([
      { dataset: 'crm.csv', table: 'crm', as: 'crm', served: '/x/deals.csv', view: 'deals' },
    ]);
    // A dataset that is the server's table (nothing of it loads) cannot have the view either.
    const byReference = clearOfServed(mappedHubspot(), served, () => false);
    expect(byReference.doc.datasets.map((d) => [d.table, d.mapping])).toEqual([['hubspot', undefined]]);
  });

  it('changes nothing when no name is the server’s', () => {
    const doc = mappedHubspot();
    expect(clearOfServed(doc, [{ table: 'leads', path: '/x/leads.csv' }], everything)).toEqual({
      doc,
      renamed: [],
    });
  });
});

describe('servedSave', () => {
  const doc = workbook(entry('deals'), entry('leads'), entry('targets'), entry('huge', 20_000_001));
  const served = [
    { table: 'deals', path: '/data/deals.csv' },
    { table: 'leads', path: '/tmp/private/1f.csv', dropped: true as const },
    { table: 'huge', path: '/tmp/private/2e.csv', dropped: true as const },
  ];
  const tables = (ds: { table: string }[]) => ds.map((d) => d.table);

  it('with data: a dropped file’s table goes in the file, a PATH’s by its path, a dropped one past a tab’s limit by its file name', () => {
    const plan = servedSave(doc, true, served);
    expect(tables(plan.embed)).toEqual(['leads', 'targets']);
    expect(plan.byReference).toEqual([
      { table: 'deals', path: '/data/deals.csv' },
      { table: 'huge', path: 'huge.csv', dropped: true },
    ]);
    // The server's private copies are never named.
    expect(JSON.stringify(plan.byReference)).not.toContain('/tmp/private');
  });

  it('without data: only the PATH’s tables are named by path; a dropped file by its file name, as every table', () => {
    const plan = servedSave(doc, false, served);
    expect(plan.embed).toEqual([]);
    expect(plan.byReference).toEqual([{ table: 'deals', path: '/data/deals.csv' }]);
  });
});
