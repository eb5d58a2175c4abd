import { afterEach, describe, expect, it } from 'vitest';
import { notebookMessage } from '../../../src/core/notebook/messages';
import { EngineStopped } from '../../../src/engine/workerWatch';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { notebookMessageText } from '../../../src/i18n/notebookMessages';
import { failureText, runFailureText } from '../../../src/ui/scorecard/failureText';

/**
 * Issue 16: at the tab's limit a whole scorecard run, one KPI or a notebook cell that fails
 * because the engine stopped or ran out of memory says so, in English and Persian, and to use
 * `shakhes serve`; any other failure keeps the engine's words.
 */
const stopped = new EngineStopped('Array buffer allocation failed').message;
const oom = 'Out of Memory Error: Allocation failure';

afterEach(() => setLocaleSettings({ locale: 'en' }));

describe('the engine stopped, or out of memory, wherever it is shown', () => {
  it('a whole scorecard run', () => {
    expect(runFailureText(stopped)).toMatch(
      /^The browser tab ran out of memory and its DuckDB-WASM engine stopped/,
    );
    expect(runFailureText(stopped)).toContain('reload the page');
    expect(runFailureText(oom)).toMatch(/^The data is too big for the browser tab.*shakhes serve/);
    expect(runFailureText('Binder Error: no column "x"')).toBe(
      'The scorecard could not be computed: Binder Error: no column "x"',
    );
    setLocaleSettings({ locale: 'fa' });
    expect(runFailureText(stopped)).toMatch(/از کار ایستاد.*shakhes serve/);
  });

  it('one KPI and a notebook cell', () => {
    expect(failureText({ message: stopped, via: null }, [])).toContain('engine stopped');
    expect(notebookMessageText(notebookMessage('engine', { message: stopped }))).toContain('engine stopped');
    setLocaleSettings({ locale: 'fa' });
    expect(notebookMessageText(notebookMessage('engine', { message: stopped }))).toContain('از کار ایستاد');
  });
});
