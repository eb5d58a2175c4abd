import { describe, expect, it } from 'vitest';
import { fa } from '../../../src/i18n/fa';
import { importMessagesFa } from '../../../src/i18n/importMessages.fa';
import { DUCKDB_WASM, productName } from '../../../src/i18n/productName';

/**
 * The Persian message for a file too big for the tab broke "DuckDB-WASM" after its hyphen,
 * "WASM" starting the next line. Product names are written with non-breaking hyphens.
 */
describe('product names in Persian messages', () => {
  it('are left to right with non-breaking hyphens', () => {
    expect(productName('DuckDB-WASM')).toBe('\u2066DuckDB\u2011WASM\u2069');
    expect(productName('DuckDB')).toBe('\u2066DuckDB\u2069');
  });

  it('never hold DuckDB-WASM with a hyphen a line may break at', () => {
    const texts = Object.entries(fa).flatMap(([key, m]) =>
      (typeof m === 'string' ? [m] : m ? [m.one, m.other] : []).map((text) => ({ key, text })),
    );
    const tooLarge = importMessagesFa['too-large']({ file: 'deals.csv' } as never);
    texts.push({ key: 'import too-large', text: tooLarge });
    const naming = texts.filter(({ text }) => /DuckDB.WASM/.test(text));
    // The tab's out-of-memory and engine-stopped messages of the notebook, and the import's.
    expect(naming.map((n) => n.key).sort()).toEqual([
      'import too-large',
      'notebook.problem.engineStopped',
      'notebook.problem.outOfMemory',
    ]);
    for (const { text } of naming) {
      expect(text).not.toContain('DuckDB-WASM');
      expect(text).toContain(DUCKDB_WASM);
    }
  });
});
