import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RecordBatchStreamWriter, type Table } from 'apache-arrow';
import { type Engine, EngineCancelled, EngineTimedOut } from '../engine/engine';
import type { RemoteFailure, RemoteHello } from '../engine/remoteEngine';
import { BodyError, readBody, readJson } from './requestBody';
import { type UploadFolder, UploadNameError } from './uploads';

/** An Arrow table to insert is held whole (the engine takes it whole); past this it is refused. */
const TABLE_LIMIT = 1024 * 1024 * 1024;

type Headers = Record<string, string>;

function send(res: ServerResponse, status: number, headers: Headers, body?: unknown) {
  if (body === undefined) res.writeHead(status, headers).end();
  else res.writeHead(status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function failureOf(err: unknown): [number, RemoteFailure] {
  if (err instanceof EngineCancelled) return [409, { error: 'cancelled', message: err.message }];
  if (err instanceof EngineTimedOut)
    return [408, { error: 'timeout', message: err.message, limitMs: err.limitMs }];
  const message = err instanceof Error ? err.message : String(err);
  // A malformed %-escape in a file or table name is the request's fault too.
  if (err instanceof BodyError || err instanceof UploadNameError || err instanceof URIError)
    return [400, { error: 'refused', message }];
  return [500, { error: 'failed', message }];
}

/** The result as one Arrow IPC stream, batch by batch at the pace the socket takes them. */
async function sendTable(res: ServerResponse, headers: Headers, table: Table) {
  res.writeHead(200, { ...headers, 'content-type': 'application/vnd.apache.arrow.stream' });
  await pipeline(Readable.from(RecordBatchStreamWriter.writeAll(table)), res);
}

const text = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new BodyError(`“${what}” must be a string.`);
  return v;
};

/**
 * The engine over HTTP (the routes are listed in src/engine/remoteEngine.ts). Each query
 * has the page's id, so a cancel stops that query only: queued, it never starts; running,
 * the engine interrupts it.
 */
export function engineApi(engine: Engine, uploads: UploadFolder, headers: Headers) {
  const running = new Map<string, AbortController>();

  async function query(req: IncomingMessage, res: ServerResponse) {
    const body = await readJson(req);
    const id = text(body.id, 'id');
    const limit = body.timeLimitMs;
    const stop = new AbortController();
    running.set(id, stop);
    // A page that goes away (tab closed, fetch aborted) leaves nothing running.
    res.on('close', () => stop.abort());
    try {
      const table = await engine.query(text(body.sql, 'sql'), {
        signal: stop.signal,
        single: body.single === true,
        timeLimitMs: typeof limit === 'number' && limit > 0 ? limit : undefined,
      });
      await sendTable(res, headers, table);
    } finally {
      if (running.get(id) === stop) running.delete(id);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string) {
    const slash = path.indexOf('/');
    const what = slash < 0 ? path : path.slice(0, slash);
    const name = slash < 0 ? undefined : decodeURIComponent(path.slice(slash + 1));
    switch (`${req.method} ${what}${name === undefined ? '' : '/'}`) {
      case 'GET hello':
        return send(res, 200, headers, { importDirectory: `${uploads.dir}/` } satisfies RemoteHello);
      case 'POST query':
        return query(req, res);
      case 'POST cancel': {
        const id = (await readJson(req)).id;
        if (id === undefined) await engine.cancel();
        else running.get(text(id, 'id'))?.abort();
        return send(res, 204, headers);
      }
      case 'POST tokenize':
        return send(res, 200, headers, await engine.tokenize(text((await readJson(req)).sql, 'sql')));
      case 'PUT files/':
        await uploads.receive(name!, req);
        return send(res, 204, headers);
      case 'DELETE files/':
        await uploads.remove(name!);
        return send(res, 204, headers);
      case 'PUT tables/':
        await engine.insertArrowIPC(name!, await readBody(req, TABLE_LIMIT));
        return send(res, 204, headers);
      default:
        return send(res, 404, headers, {
          error: 'refused',
          message: `No API route ${req.method} /api/${path}.`,
        });
    }
  }

  return async (req: IncomingMessage, res: ServerResponse, path: string) => {
    try {
      await route(req, res, path);
    } catch (err) {
      if (res.headersSent) res.destroy();
      else {
        const [status, failure] = failureOf(err);
        send(res, status, headers, failure);
      }
    }
  };
}
