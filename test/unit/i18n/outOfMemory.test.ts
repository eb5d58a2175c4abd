import { afterEach, describe, expect, it } from 'vitest';
import { importMessage } from '../../../src/core/ingest/messages';
import { notebookMessage } from '../../../src/core/notebook/messages';
import { isOutOfMemory } from '../../../src/core/outOfMemory';
import { importFile } from '../../../src/engine/ingest/importFile';
import { ImportError } from '../../../src/engine/ingest/types';
import { importMessageText } from '../../../src/i18n/importMessages';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { notebookMessageText } from '../../../src/i18n/notebookMessages';
import { recordingEngine } from '../../helpers/recordingEngine';

/**
 * The browser engine at its limit: DuckDB-WASM's out-of-memory error, on an import or a
 * query, becomes a sentence that says the data is too big for the tab and to use
 * `shakhes serve`, in English and in Persian. Any other engine error keeps DuckDB's words.
 */
const WASM_OOM = 'Out of Memory Error: failed to allocate data of size 16.0 MiB (3.0 GiB/3.1 GiB used)';
const OTHER = 'Binder Error: Referenced column "amount" not found in FROM clause!';

afterEach(() => setLocaleSettings({ locale: 'en', persianDigits: true }));

describe('the browser engine out of memory', () => {
  it('recognises DuckDB’s out-of-memory errors and nothing else', () => {
    for (const m of [WASM_OOM, 'Could not allocate block of size 256 KiB', 'exceeds memory limit of 3.1 GiB'])
      expect(isOutOfMemory(m), m).toBe(true);
    for (const m of [OTHER, 'Conversion Error: Could not convert string "x" to INT32'])
      expect(isOutOfMemory(m), m).toBe(false);
  });

  it('tells a notebook cell to use shakhes serve, in English and Persian', () => {
    const oom = notebookMessage('engine', { message: WASM_OOM });
    expect(notebookMessageText(oom)).toMatch(/too big for the browser tab.*shakhes serve/);
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    const fa = notebookMessageText(oom);
    expect(fa).toContain('shakhes serve');
    expect(fa).toContain('زبانهٔ مرورگر');
    expect(notebookMessageText(notebookMessage('engine', { message: OTHER }))).toContain(OTHER);
  });

  it('refuses an import that ran out of memory as too large, pointing to shakhes serve', async () => {
    const engine = recordingEngine((sql) => {
      if (sql.startsWith('DROP')) return recordingEngine().query('');
      throw new Error(WASM_OOM);
    });
    const bytes = new TextEncoder().encode('a,b\n1,2\n');
    const err = await importFile(engine, { name: 'deals.csv', bytes }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).problem?.code).toBe('too-large');
    const m = importMessage('too-large', { file: 'deals.csv' });
    expect(importMessageText(m)).toMatch(/too big for the browser tab.*shakhes serve/);
    setLocaleSettings({ locale: 'fa', persianDigits: true });
    expect(importMessageText(m)).toContain('shakhes serve');
  });
});
