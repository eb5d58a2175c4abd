import { afterEach, describe, expect, it } from 'vitest';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { failureText } from '../../../src/ui/scorecard/failureText';

/** A KPI that fails at the browser engine's memory limit says where to go instead, as an import does. */
describe("a KPI's failure text", () => {
  afterEach(() => setLocaleSettings({ locale: 'en' }));

  it('points to shakhes serve when DuckDB-WASM ran out of memory, in English and Persian', () => {
    const failure = { message: 'Out of Memory Error: could not allocate block of size 256 KiB', via: null };
    expect(failureText(failure, [])).toContain('shakhes serve');
    expect(failureText(failure, [])).not.toContain('256 KiB');
    setLocaleSettings({ locale: 'fa' });
    expect(failureText(failure, [])).toContain('shakhes serve');
  });

  it("keeps the engine's own words for any other failure", () => {
    expect(failureText({ message: 'Binder Error: no column "x"', via: null }, [])).toContain('no column "x"');
  });
});
