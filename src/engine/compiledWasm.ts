import { readFile } from 'node:fs/promises';

/**
 * DuckDB-WASM's Node bindings compile their 34 MB module from its file on every
 * instantiate(): seconds on a quiet machine and tens of seconds on a loaded one, for each
 * engine (every page of a test, the CLI's engines, the native engine's tokenizer). Here
 * the module is compiled once per process and each database is instantiated from it: its
 * own memory and state, the same machine code.
 */
const modules = new Map<string, Promise<WebAssembly.Module>>();

function compiled(path: string): Promise<WebAssembly.Module> {
  let module = modules.get(path);
  if (module === undefined) {
    module = readFile(path).then((bytes) => WebAssembly.compile(bytes));
    // A compile that failed is tried again by the next engine, not handed to it.
    module.catch(() => modules.delete(path));
    modules.set(path, module);
  }
  return module;
}

type Success = (instance: WebAssembly.Instance, module: WebAssembly.Module) => void;

/**
 * The members of @duckdb/duckdb-wasm's DuckDBNodeBindings (1.32) this replaces or reads:
 * its instantiate() looks `instantiateWasm` up on the object, so an own property wins.
 */
interface NodeBindingsHook {
  mainModulePath: unknown;
  _runtime: unknown;
  instantiateWasm: unknown;
}

/**
 * Instantiates DuckDB-WASM's Node `bindings` from the process's compiled module. A change
 * of the bindings' shape (a new duckdb-wasm) fails here, saying so, rather than going
 * back to a compile per engine unnoticed.
 */
export async function instantiateCompiled(bindings: { instantiate(): Promise<unknown> }): Promise<void> {
  const hook = bindings as unknown as NodeBindingsHook;
  const runtime = hook._runtime;
  if (
    typeof hook.mainModulePath !== 'string' ||
    typeof hook.instantiateWasm !== 'function' ||
    typeof runtime !== 'object' ||
    runtime === null
  )
    throw new Error(
      "DuckDB-WASM's Node bindings no longer have the instantiateWasm hook, mainModulePath and _runtime that src/engine/compiledWasm.ts uses: check it against the installed @duckdb/duckdb-wasm.",
    );
  const module = await compiled(hook.mainModulePath);
  let failed: (reason: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => {
    failed = reject;
  });
  hook.instantiateWasm = (imports: WebAssembly.Imports, success: Success) => {
    // As the bindings' own hook does: the module's imports call the runtime through this global.
    const table: Record<string, unknown> = {};
    for (const name of Object.getOwnPropertyNames(runtime))
      if (name !== 'constructor') table[name] = Object.getOwnPropertyDescriptor(runtime, name)?.value;
    globalThis.DUCKDB_RUNTIME = table;
    // Theirs would leave instantiate() waiting forever on a failure; this one ends it.
    WebAssembly.instantiate(module, imports).then((instance) => success(instance, module), failed);
    return [];
  };
  await Promise.race([bindings.instantiate(), failure]);
}
