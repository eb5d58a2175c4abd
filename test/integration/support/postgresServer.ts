import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster for one test file: its URL and how to get rid of it. */
export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

/** Debian keeps each major version's server programs apart; the newest one wins. */
function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length === 0 ? null : join(root, versions[0], 'bin');
}

/** Why the servers cannot be had here, or null when they can. */
export function postgresMissing(): string | null {
  return binDir() === null ? 'PostgreSQL is not installed (apt-get install postgresql)' : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** Retries a connection until the server answers (or the budget is spent), instead of sleeping. */
async function untilReady(url: string, server: { exited: boolean; log: string[] }): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exited) throw new Error(`postgres exited:\n${server.log.join('')}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
    } catch (err) {
      // A client whose connect failed is not ended: pg's end() would wait for ever.
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    await client.end();
    return;
  }
}

/**
 * initdb into a temporary folder and start `postgres` on a free local port. The tests
 * run as root, which initdb refuses, so the cluster belongs to `nobody` (trust
 * authentication, listening on 127.0.0.1 only); stop() ends the server and deletes it.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = binDir();
  if (bin === null) throw new Error(postgresMissing() ?? 'no PostgreSQL');
  const dir = await mkdtemp(join(tmpdir(), 'shakhes-pg-'));
  const data = join(dir, 'data');
  // Root runs the server programs as `nobody` (the process itself, not through runuser,
  // so a signal to the child reaches the postmaster).
  const owner = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  if ('uid' in owner) {
    await chown(dir, 65534, 65534);
    await chmod(dir, 0o700);
  }
  await run(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'shakhes', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    { ...owner, cwd: dir },
  );
  const port = await freePort();
  const args = [
    ['-D', data, '-p', String(port), '-k', dir],
    ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'TimeZone=UTC'],
  ].flat();
  const child = spawn(join(bin, 'postgres'), args, { ...owner, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const state = { exited: false, log: [] as string[] };
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      state.exited = true;
      resolve();
    });
  });
  child.stdout.on('data', (b: Buffer) => state.log.push(b.toString()));
  child.stderr.on('data', (b: Buffer) => state.log.push(b.toString()));
  const url = `postgres://shakhes@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    if (!state.exited) {
      // SIGINT is PostgreSQL's fast shutdown: sessions are ended, nothing waits for clients.
      child.kill('SIGINT');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await untilReady(url, state);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}
