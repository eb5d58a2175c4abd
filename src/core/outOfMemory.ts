/**
 * How DuckDB says it ran out of memory: DuckDB-WASM at its heap's end (about 3.1 GiB,
 * about 20M deals rows), or native DuckDB at its memory_limit with nowhere left to spill.
 * One test, so an import and a query are recognised alike and told to use `shakhes serve`.
 */
export function isOutOfMemory(message: string): boolean {
  return /out of memory|memory limit|could not allocate|failed to allocate/i.test(message);
}
