import { afterEach, describe, expect, it } from 'vitest';
import { errorEntryOf } from '../../../src/app/data/importJobs';
import { importError } from '../../../src/engine/ingest/types';
import { EngineStopped } from '../../../src/engine/workerWatch';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { importErrorText } from '../../../src/ui/importErrorText';
import { stopText } from '../../../src/ui/scorecard/failureText';

/**
 * Issue 16 follow-ups in the tab: an import after the engine stopped showed `load-failed`
 * with DuckDB-WASM's English inside, even in Persian; and the scorecard's time-limit
 * message did not say that `shakhes serve` runs bigger data, as the out-of-memory one does.
 */
afterEach(() => setLocaleSettings({ locale: 'en' }));

/** The error the importer makes when the stopped engine refuses its first query. */
const stoppedLoad = () =>
  errorEntryOf(
    1,
    'deals.csv',
    importError('load-failed', {
      file: 'deals.csv',
      detail: new EngineStopped('Array buffer allocation failed').message,
    }),
  );

describe('an import after the tab’s engine stopped', () => {
  it('says the engine stopped and what to do, in English and in Persian, without DuckDB-WASM’s words', () => {
    const en = importErrorText(stoppedLoad()).text;
    expect(en).toMatch(
      /deals\.csv.* could not be loaded\. The browser tab ran out of memory.*“shakhes serve”/,
    );
    expect(en).not.toContain('DuckDB-WASM stopped');
    setLocaleSettings({ locale: 'fa' });
    const fa = importErrorText(stoppedLoad()).text;
    expect(fa).toMatch(/deals\.csv.*بارگذاری نشد\. .*از کار ایستاد.*shakhes serve/);
    expect(fa).not.toContain('DuckDB-WASM stopped');
    expect(fa).not.toMatch(/could not|ran out/);
  });

  it('leaves any other failed load as the importer says it', () => {
    const other = errorEntryOf(
      2,
      'x.csv',
      importError('load-failed', { file: 'x.csv', detail: 'Parser Error: x' }),
    );
    expect(importErrorText(other).text).toBe('x.csv could not be loaded: Parser Error: x');
  });
});

describe('the scorecard stopped at its time limit', () => {
  const timedOut = { kind: 'timed-out' as const, seconds: 30 };

  it('in the tab says that shakhes serve runs bigger data, in English and Persian', () => {
    expect(stopText(timedOut, false)).toMatch(
      /^The scorecard stopped after 30 s, the workbook's time limit\..*For data this big, open the workbook with “shakhes serve”/,
    );
    setLocaleSettings({ locale: 'fa' });
    expect(stopText(timedOut, false)).toMatch(/متوقف شد.*برای داده‌ای به این بزرگی.*shakhes serve/);
  });

  it('in a page shakhes serve served, and on Cancel, does not', () => {
    expect(stopText(timedOut, true)).not.toContain('shakhes serve');
    expect(stopText({ kind: 'cancelled', seconds: 4 }, false)).toBe(
      'The scorecard was cancelled after 4 s. Change a setting to compute it again.',
    );
  });
});
