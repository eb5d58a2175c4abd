import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../engine/engine';
import type { ServedTable } from '../engine/servedTables';
import { type StartedServer, startServer } from '../server/startServer';
import { checkKnown, flag, type ParsedArgs, UsageError } from './args';
import type { CliIO } from './io';
import { clashLine, ServeWorkbookError, serveWorkbook } from './serveWorkbook';
import { type StopSignal, stopSignal } from './stopSignal';

/** The built app: beside the sources (`npx vite build` writes it), or SHAKHES_DIST (as for the browser tests). */
const dist = () => process.env.SHAKHES_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));

const WILDCARD = /[*?[]/;

/** A glob's last part as a RegExp (`*`, `?`); wildcards in folder names are refused (the folder must be one). */
function patternOf(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replaceAll('*', '[^/]*')
    .replaceAll('?', '[^/]');
  return new RegExp(`^${escaped}$`);
}

class ServePathError extends Error {}

/**
 * What SQL may read for one command-line path: the file, the folder, or a glob's folder,
 * each made absolute. A missing path, an unreadable file or a glob that matches nothing
 * is refused, naming the path.
 */
async function allowedPath(given: string): Promise<string> {
  const path = resolve(given);
  if (WILDCARD.test(basename(path))) {
    const dir = dirname(path);
    if (WILDCARD.test(dir))
      throw new ServePathError(`${given}: only the file name part of a path may hold * or ?.`);
    const names = await readdir(dir).catch(() => {
      throw new ServePathError(`${given}: the folder ${dir} does not exist or cannot be read.`);
    });
    const pattern = patternOf(basename(path));
    if (!names.some((n) => pattern.test(n))) throw new ServePathError(`${given}: no file matches.`);
    return dir;
  }
  const info = await stat(path).catch(() => {
    throw new ServePathError(`${given}: no such file or folder.`);
  });
  await access(path, constants.R_OK | (info.isDirectory() ? constants.X_OK : 0)).catch(() => {
    throw new ServePathError(`${given}: cannot be read (permissions).`);
  });
  return path;
}

/** The files of a folder given on the command line that become tables: the formats the app imports. */
const DATA_FILE = /\.(csv|tsv|parquet|json|xlsx)$/i;

/** The files or globs a command-line path stands for: a folder's data files, one by one. */
async function sources(path: string): Promise<string[]> {
  if (WILDCARD.test(basename(path)) || !(await stat(path)).isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => DATA_FILE.test(n) && !n.startsWith('.')).sort();
  return names.map((n) => join(path, n));
}

/**
 * Imports every path given into a table of the server's engine, read in place with the
 * browser's typing rules, and says what each became.
 */
async function importPaths(
  engine: Engine,
  paths: string[],
  io: CliIO,
  signal: AbortSignal,
): Promise<ServedTable[]> {
  const { importFromPath } = await import('../engine/ingest/importFromPath');
  const tables: ServedTable[] = [];
  for (const given of paths)
    for (const path of await sources(resolve(given))) {
      if (signal.aborted) return tables;
      const result = await importFromPath(engine, path, { existing: tables.map((t) => t.table), signal });
      tables.push({ ...result, path });
      const problems = result.problems.count > 0 ? `, ${result.problems.count} values that did not fit` : '';
      io.out(`  ${result.table}: ${result.rows} rows from ${path}${problems}`);
    }
  return tables;
}

function wholeNumber(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}; got “${value}”.`);
  return n;
}

/** What `serve` was given, checked: the paths SQL may read and the engine's settings. */
interface ServeSetup {
  port: number;
  threads: number | undefined;
  memoryLimit: string | undefined;
  allowed: string[];
}

/**
 * Starts the engine, reads the PATHs and the workbook into it and serves them until
 * `stop` says; whatever ends this (a stop, a refusal, an error) closes the engine and so
 * removes its private folder.
 */
async function serveUntilStopped(args: ParsedArgs, setup: ServeSetup, stop: StopSignal, io: CliIO) {
  // Loaded here: the native binding is no cost to the other commands.
  const { createNativeEngine } = await import('../engine/nativeEngine');
  const engine = await createNativeEngine({
    allowedDirectories: setup.allowed,
    memoryLimit: setup.memoryLimit,
    threads: setup.threads || undefined,
  });
  // A Ctrl-C during the start interrupts the import that is running.
  const interrupt = () => void engine.cancel();
  stop.signal.addEventListener('abort', interrupt);
  let server: StartedServer | undefined;
  try {
    const tables = await importPaths(engine, args.positional, io, stop.signal);
    const given = flag(args, 'workbook');
    const opened = given === undefined ? undefined : await serveWorkbook(engine, given, tables);
    if (opened) io.out(`  ${opened.tables.length} tables from the workbook ${given}`);
    for (const clash of opened?.workbook.renamed ?? []) io.out(clashLine(clash));
    if (stop.signal.aborted) return stop.stopped;
    server = await startServer({
      root: dist(),
      port: setup.port,
      engine,
      tables: [...tables, ...(opened?.tables ?? [])],
      workbook: opened?.workbook,
    });
    io.out(
      `Shakhes is serving on ${server.origin} (this machine only). Open:\n\n  ${server.url}\n\nCtrl-C stops it.`,
    );
    await stop.stopped;
    return 0;
  } catch (err) {
    if (stop.signal.aborted) return stop.stopped;
    if (err instanceof ServeWorkbookError) {
      io.err(`error: ${err.message}`);
      return 2;
    }
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      io.err(
        `error: port ${setup.port} is in use; choose another with --port, or --port 0 for any free one.`,
      );
      return 1;
    }
    throw err;
  } finally {
    stop.signal.removeEventListener('abort', interrupt);
    // The server's close stops what runs and closes the engine; without a server, the engine alone.
    await (server ? server.close() : engine.close());
  }
}

/**
 * `serve [PATH …] [--workbook FILE]`: the app on native DuckDB, on 127.0.0.1 only, until Ctrl-C
 * (or a TERM). Prints the address with its token and opens nothing. Status 0 when stopped
 * while serving; 128 + the signal's number when stopped while starting.
 */
export async function serveCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  checkKnown(args, ['port', 'memory-limit', 'threads', 'workbook']);
  const port = wholeNumber('port', flag(args, 'port'), 65535) ?? 0;
  const threads = wholeNumber('threads', flag(args, 'threads'), 1024);
  const memoryLimit = flag(args, 'memory-limit');
  if (memoryLimit !== undefined && !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(memoryLimit))
    throw new UsageError(`--memory-limit takes an amount such as 8GB; got “${memoryLimit}”.`);
  let allowed: string[];
  try {
    allowed = await Promise.all(args.positional.map(allowedPath));
  } catch (err) {
    if (err instanceof ServePathError) {
      io.err(`error: ${err.message}`);
      return 2;
    }
    throw err;
  }
  const stop = stopSignal();
  try {
    return await serveUntilStopped(args, { port, threads, memoryLimit, allowed }, stop, io);
  } finally {
    stop.dispose();
  }
}
