/**
 * How DuckDB says it ran out of memory: DuckDB-WASM at its heap's end (about 3.1 GiB,
 * about 20M deals rows), or native DuckDB at its memory_limit with nowhere left to spill.
 * One test, so an import and a query are recognised alike and told to use `shakhes serve`.
 */
export function isOutOfMemory(message: string): boolean {
  return /out of memory|memory limit|could not allocate|failed to allocate/i.test(message);
}

const STOPPED = 'DuckDB-WASM stopped';

/**
 * The browser engine's worker failed (at the tab's memory limit, a WebAssembly trap), so
 * every query pending on it and every later one fails with this. English at the engine
 * boundary, like DuckDB's own messages; the page recognises it and says it in its language.
 */
export function engineStoppedMessage(detail: string): string {
  return `${STOPPED} (${detail}); nothing more can run in this tab.`;
}

export function isEngineStopped(message: string): boolean {
  return message.includes(STOPPED);
}
