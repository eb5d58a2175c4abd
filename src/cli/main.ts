import { pathToFileURL } from 'node:url';
import type { Engine } from '../engine/engine';
import { EngineCancelled } from '../engine/engine';
import { ImportError } from '../engine/ingest/types';
import { createNodeEngine } from '../engine/nodeEngine';
import { flag, oneOf, type ParsedArgs, parseArgs, UsageError } from './args';
import { docsCommand } from './docs';
import { evalCommand } from './eval';
import { explainCommand } from './explain';
import { type CliIO, processIO } from './io';
import { mapCommand } from './map';
import { runCommand } from './run';
import { serveCommand } from './serve';
import { isTargetUrl } from './targetEngine';

/** A command starts the engine only once its arguments hold, so a typo is answered at once. */
type Command = (args: ParsedArgs, engine: () => Promise<Engine>, io: CliIO) => Promise<number>;
type EnginelessCommand = (args: ParsedArgs, io: CliIO) => Promise<number>;

/** The CLI's commands; each returns its exit status. */
const COMMANDS: Record<
  string,
  { run?: Command; plain?: EnginelessCommand; usage: string; booleans: string[] }
> = {
  eval: {
    run: evalCommand,
    booleans: ['sql'],
    usage:
      'eval --data NAME=FILE [--data …] [--rel T.C=T.C] [--grain day|week|month|quarter|year|total] [--calendar gregorian|jalali]\n' +
      '     [--by TABLE.COLUMN] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--time TABLE.COLUMN] [--format json|csv|table] [--sql] [--map auto]\n' +
      '     "FORMULA" | --kpi NAME=FORMULA [--kpi …]',
  },
  explain: {
    run: explainCommand,
    booleans: [],
    usage:
      'explain KPI --by TABLE.COLUMN [--period latest|yoy|FROM/TO..FROM/TO] [--grain day|week|month|quarter|year]\n' +
      '     [--calendar gregorian|jalali] [--top N] [--format table|json|csv] [--lang en|fa] [--data NAME=FILE …] [--map auto] [FILE.shakhes]\n' +
      '     [--engine postgres://…|clickhouse://…|chdb: [--schema S] [--table NAME=SCHEMA.TABLE …]]',
  },
  map: {
    run: mapCommand,
    booleans: [],
    usage: 'map --data NAME=FILE [--data …] [--format json|table]',
  },
  run: {
    run: runCommand,
    booleans: [],
    usage:
      'run FILE.shakhes [--data NAME=FILE …] [--map auto] [--grain day|week|month|quarter|year|total] [--format json|csv|md]\n' +
      '  run --data NAME=FILE [--data …] [--map auto] [--grain day|week|month|quarter|year|total] [--format json|csv|md]\n' +
      '  run FILE.shakhes --engine postgres://USER@HOST:PORT/DB [--schema S] [--table NAME=SCHEMA.TABLE …] (its tables read in place)',
  },
  serve: {
    plain: serveCommand,
    booleans: [],
    usage:
      'serve [PATH …] [--port N] [--memory-limit 8GB] [--threads N] [--workbook FILE.shakhes]   (files, folders, globs such as exports/*.csv)',
  },
  docs: { plain: docsCommand, booleans: [], usage: 'docs [--out docs/formulas.md]' },
};

/** The commands that compute and so take `--engine native|wasm`. */
const ENGINE_COMMANDS = new Set(['eval', 'run', 'explain']);

/** Reads `--engine` and removes it, so the command's own option check does not see it. */
function takeEngineChoice(args: ParsedArgs): 'native' | 'wasm' | undefined {
  // A database URL (postgres://…, chdb:) is the command's own: it computes there, on the
  // database's tables or on copies of what DuckDB loaded (targetEngine.ts, inPlace.ts).
  if (isTargetUrl(flag(args, 'engine'))) return undefined;
  const choice = oneOf('engine', flag(args, 'engine'), ['native', 'wasm'] as const);
  args.flags.delete('engine');
  return choice;
}

/**
 * Native DuckDB by default (all cores, spilling), the WASM build when asked or when the
 * native one cannot load on this machine (its prebuilt binary is per platform): both give
 * the same numbers (test/integration/cli/engineParity.test.ts).
 */
async function startEngine(choice: 'native' | 'wasm' | undefined, io: CliIO): Promise<Engine> {
  if (choice === 'wasm') return createNodeEngine();
  try {
    const { createNativeEngine } = await import('../engine/nativeEngine');
    return await createNativeEngine({ allowedDirectories: [] });
  } catch (err) {
    if (choice === 'native') throw err;
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    io.err(`note: native DuckDB did not load (${why}); using DuckDB-WASM.`);
    return createNodeEngine();
  }
}

function usage(): string {
  return `Usage: shakhes <command> …\n\n${Object.values(COMMANDS)
    .map((c) => `  ${c.usage}`)
    .join('\n')}\n\n  eval, run and explain take --engine native|wasm (native DuckDB by default).`;
}

/** Runs one CLI invocation; returns the exit status (2 for bad input of any kind). */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    io.err(name === undefined || name === '--help' ? usage() : `Unknown command “${name}”.\n\n${usage()}`);
    return name === '--help' ? 0 : 2;
  }
  let started: Promise<Engine> | undefined;
  try {
    const args = parseArgs(rest, new Set(command.booleans));
    if (command.plain) return await command.plain(args, io);
    const choice = ENGINE_COMMANDS.has(name) ? takeEngineChoice(args) : undefined;
    const engine = () => {
      started ??= startEngine(choice, io);
      return started;
    };
    return await command.run!(args, engine, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${usage()}`);
      return 2;
    }
    if (err instanceof ImportError) {
      io.err(`error: ${err.message}`);
      return 2;
    }
    if (err instanceof EngineCancelled) return 130;
    io.err(`error: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await (await started?.catch(() => undefined))?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
