import { rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type ChdbSession, loadChdb } from '../../../src/engine/clickhouse/chdbModule';

/** A ClickHouse HTTP front: its URL, and how to stop it. */
export interface ClickhouseFront {
  url: string;
  stop(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/**
 * No ClickHouse server here runs today's SQL (Debian's is 18.16), so the HTTP client is
 * tested against this: a small front speaking the part of ClickHouse's HTTP interface the
 * client uses (`query`, `database`, `default_format`, data in the body) over one chDB
 * session, which runs the same SQL. An `INSERT … FORMAT ArrowStream` with data is run by
 * chDB reading the data from a file, chDB having no request body to read.
 */
export async function startClickhouseFront(path?: string): Promise<ClickhouseFront> {
  const chdb = loadChdb();
  if (chdb === null) throw new Error('chDB is not installed');
  // On `path`, the server's data is that chDB folder's (a team's tables); else a fresh one.
  const session: ChdbSession = new chdb.Session(path, {
    connectionArgs: ['--output_format_arrow_compression_method=none'],
  });
  let files = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const answer = async (params: URLSearchParams, body: Buffer): Promise<Uint8Array> => {
    let sql = params.get('query') ?? body.toString('utf8');
    const file = join(session.path, `body_${++files}.arrows`);
    const insert = params.has('query') ? /^(INSERT INTO .+) FORMAT ArrowStream$/s.exec(sql) : null;
    if (insert !== null) {
      await writeFile(file, body);
      sql = `${insert[1]} SELECT * FROM file('${file}', 'ArrowStream')`;
    }
    try {
      const database = params.get('database');
      if (database !== null) await session.queryAsync(`USE \`${database.replaceAll('`', '')}\``);
      const result = await session.queryAsync(sql, { format: params.get('default_format') ?? 'TSV' });
      return result.bytes();
    } finally {
      await rm(file, { force: true });
    }
  };
  const server = createServer(async (req, res) => {
    const params = new URL(req.url ?? '/', 'http://front').searchParams;
    const body = await bodyOf(req);
    // One session, one statement at a time, as a ClickHouse HTTP session runs them.
    const next = queue.then(() => answer(params, body));
    queue = next.catch(() => undefined);
    try {
      const bytes = await next;
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.end(bytes);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(err instanceof Error ? err.message : String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `clickhouse://default:@127.0.0.1:${port}/default`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      session.close();
    },
  };
}
