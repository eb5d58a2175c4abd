import { describe, expect, it } from 'vitest';
import { emptyDocument, parseDocument } from '../../../src/core/model/document';
import {
  DEFAULT_TIME_LIMIT_SECONDS,
  SERVED_TIME_LIMIT_SECONDS,
} from '../../../src/core/model/documentSchema';
import { createTimeLimitStore, timeLimitSlice } from '../../../src/state/timeLimitStore';

/** The query time limit is a workbook setting: saved, read back, and absent from older files. */
describe('the workbook time limit', () => {
  it('opens a workbook written before the setting with the 30 s default', () => {
    const old = JSON.parse(JSON.stringify(emptyDocument('Old')));
    expect(old.settings.timeLimitSeconds).toBeUndefined();
    const parsed = parseDocument(old);
    expect(parsed.ok).toBe(true);
    const store = createTimeLimitStore();
    store.getState().setSeconds(5);
    if (parsed.ok) timeLimitSlice(store).adopt(parsed.doc);
    expect(store.getState().seconds).toBe(DEFAULT_TIME_LIMIT_SECONDS);
    expect(DEFAULT_TIME_LIMIT_SECONDS).toBe(30);
  });

  it('is saved in the document, read back, and an edit is an undo step', () => {
    const store = createTimeLimitStore();
    const slice = timeLimitSlice(store);
    const changes: string[] = [];
    slice.subscribe((kind) => changes.push(kind));
    store.getState().setSeconds(90);
    expect(changes).toEqual(['edit']);
    const doc = emptyDocument('New');
    slice.contribute(doc);
    expect(doc.settings.timeLimitSeconds).toBe(90);
    const parsed = parseDocument(JSON.parse(JSON.stringify(doc)));
    expect(parsed.ok && parsed.doc.settings.timeLimitSeconds).toBe(90);
  });

  it('takes whole seconds from 1 to 3600 and refuses others, in the store and in a file', () => {
    const store = createTimeLimitStore();
    for (const bad of [0, -5, 1.5, Number.NaN, 3601]) store.getState().setSeconds(bad);
    expect(store.getState().seconds).toBe(DEFAULT_TIME_LIMIT_SECONDS);
    const doc = emptyDocument('Bad') as unknown as { settings: Record<string, unknown> };
    doc.settings.timeLimitSeconds = 0;
    expect(parseDocument(doc)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('under shakhes serve, starts at 15 minutes and gives that to a workbook naming none', () => {
    const store = createTimeLimitStore(SERVED_TIME_LIMIT_SECONDS);
    expect(store.getState().seconds).toBe(900);
    store.getState().setSeconds(5);
    timeLimitSlice(store, SERVED_TIME_LIMIT_SECONDS).adopt(emptyDocument('Served'));
    expect(store.getState().seconds).toBe(900);
    const named = emptyDocument('Named');
    named.settings.timeLimitSeconds = 45;
    timeLimitSlice(store, SERVED_TIME_LIMIT_SECONDS).adopt(named);
    expect(store.getState().seconds).toBe(45);
  });
});
