import { describe, expect, it } from 'vitest';
import { documentHistory } from '../../../../src/app/workbook/documentHistory';
import { emptyDocument } from '../../../../src/core/model/document';
import type { WorkbookDocument } from '../../../../src/core/model/documentSchema';

const titled = (title: string): WorkbookDocument => emptyDocument(title);

describe('document history', () => {
  it('makes the first present a starting point, then steps back and forth through edits', () => {
    const h = documentHistory();
    expect(h.started).toBe(false);
    expect(h.record(titled('a'))).toBe(true);
    expect([h.started, h.canUndo]).toEqual([true, false]);
    expect(h.record(titled('a'))).toBe(false);
    h.record(titled('b'));
    h.record(titled('c'));
    expect(h.undo()?.title).toBe('b');
    expect(h.undo()?.title).toBe('a');
    expect(h.undo()).toBeNull();
    expect(h.redo()?.title).toBe('b');
    // A new edit after an undo drops the redo branch.
    h.record(titled('d'));
    expect(h.canRedo).toBe(false);
    expect(h.undo()?.title).toBe('b');
  });

  it('does not undo loaded data, only mappings; a rebase or reset makes no step', () => {
    const h = documentHistory();
    const doc = titled('a');
    h.record(doc);
    const loaded = titled('a');
    loaded.datasets = [
      {
        id: 'deals',
        table: 'deals',
        sourceName: 'deals.csv',
        format: 'csv',
        options: {},
        columns: [],
        rows: 0,
        embedded: false,
      },
    ];
    expect(h.record(loaded)).toBe(false);
    h.rebase(titled('derived'));
    expect(h.canUndo).toBe(false);
    h.record(titled('b'));
    h.reset(titled('opened'));
    expect([h.canUndo, h.canRedo]).toEqual([false, false]);
    expect(h.record(titled('opened'))).toBe(false);
  });

  it('keeps at most a hundred steps', () => {
    const h = documentHistory();
    for (let i = 0; i <= 150; i++) h.record(titled(String(i)));
    let steps = 0;
    let last: WorkbookDocument | null = null;
    for (let d = h.undo(); d !== null; d = h.undo()) {
      steps++;
      last = d;
    }
    expect(steps).toBe(100);
    expect(last?.title).toBe('50');
  });
});
