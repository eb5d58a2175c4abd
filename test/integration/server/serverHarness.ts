import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { Engine } from '../../../src/engine/engine';
import { wrapping } from '../../../src/engine/engineRoot';
import { type StartedServer, startServer } from '../../../src/server/startServer';

/** A minimal build: index.html with its policy in a <meta> tag, as vite writes it. */
export async function fakeBuild(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'shakhes-serve-build-'));
  await writeFile(
    join(root, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head><body></body></html>`,
  );
  return root;
}

/**
 * The engine the server gets, telling when a query with `marker` in its text reaches it,
 * so a test cancels a query it knows is running (no sleep).
 */
export function watchedEngine(engine: Engine, marker: string) {
  const waiting: (() => void)[] = [];
  const watched: Engine = wrapping(
    {
      ...engine,
      query: (sql, options) => {
        if (sql.includes(marker)) for (const ok of waiting.splice(0)) ok();
        return engine.query(sql, options);
      },
    },
    engine,
  );
  /** Resolves when the next such query reaches the engine. */
  const nextStart = () => new Promise<void>((ok) => waiting.push(ok));
  return { engine: watched, nextStart };
}

export interface Served {
  server: StartedServer;
  root: string;
  close(): Promise<void>;
}

export async function serve(engine: Engine): Promise<Served> {
  const root = await fakeBuild();
  const server = await startServer({ root, port: 0, engine });
  return {
    server,
    root,
    async close() {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with any headers (fetch may not set Host), as another site or a rebound DNS name would send it. */
export function raw(
  origin: string,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawAnswer> {
  return new Promise((ok, fail) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
      });
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** The command line, run in this process: what it printed so far, and its status once it ends. */
export function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}
