import { ltr } from './isolate';

const HYPHEN = /-/g;
/** U+2011: a hyphen no line may end at. */
const NON_BREAKING_HYPHEN = '\u2011';

/**
 * A product's name as one unit inside a right-to-left sentence: left to right, and its
 * hyphens non-breaking. A narrow message box broke "DuckDB-WASM" after its hyphen, leaving
 * "WASM" alone at the start of the next line, read as a separate word.
 */
export const productName = (name: string) => ltr(name.replace(HYPHEN, NON_BREAKING_HYPHEN));

export const DUCKDB_WASM = productName('DuckDB-WASM');
