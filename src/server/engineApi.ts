import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RecordBatchStreamWriter, type Table } from 'apache-arrow';
import { uniqueTableName } from '../core/ingest/tableName';
import { DatasetSchema } from '../core/model/documentSchema';
import { dropSql, renameTableSql } from '../core/sql/tableDdl';
import { type Engine, EngineCancelled, EngineTimedOut } from '../engine/engine';
import { engineDialect } from '../engine/engineDialect';
import { importFromPath } from '../engine/ingest/importFromPath';
import { ImportError } from '../engine/ingest/types';
import type { RemoteFailure, RemoteHello } from '../engine/remoteEngine';
import { scratchName } from '../engine/scratchName';
import type { ServedTable, ServedWorkbook } from '../engine/servedTables';
import { ownQueries } from './ownQueries';
import { BodyError, readBody, readJson } from './requestBody';
import type { TableList } from './tableList';
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
  if (err instanceof ImportError) {
    const { message, file, problem, line, column } = err;
    return [400, { error: 'refused', message, file, problem, line, column }];
  }
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

/** A refused import of an upload, naming the user's file where it named the upload's name on disk. */
function asNamed(err: ImportError, upload: string, name: string): ImportError {
  const swap = (text: string) => text.replaceAll(upload, name).replaceAll(basename(upload), name);
  const problem = err.problem && {
    ...err.problem,
    params: Object.fromEntries(
      Object.entries(err.problem.params).map(([k, v]) => [k, typeof v === 'string' ? swap(v) : v]),
    ) as typeof err.problem.params,
  };
  return new ImportError(swap(err.file), swap(err.message), { line: err.line, column: err.column }, problem);
}

/** What the server holds besides its engine: the tables it lists and the workbook it opens with. */
interface Served {
  tables: TableList;
  workbook: ServedWorkbook | null;
}

/**
 * The engine over HTTP (the routes are listed in src/engine/remoteEngine.ts). Each query
 * has the page's id, so a cancel stops that query only: queued, it never starts; running,
 * the engine interrupts it.
 */
export function engineApi(engine: Engine, uploads: UploadFolder, headers: Headers, served: Served) {
  const running = new Map<string, AbortController>();

  /**
   * A file the page streamed into the upload folder, imported by path with the typing rules
   * of every import. A page that cancels (or goes away) stops it: the import is interrupted,
   * nothing of it stays in the engine, the list is as it was and the file is removed.
   */
  async function importUpload(req: IncomingMessage, res: ServerResponse): Promise<ServedTable> {
    const stop = new AbortController();
    res.on('close', () => stop.abort());
    const body = await readJson(req);
    const upload = text(body.upload, 'upload');
    const path = uploads.path(upload);
    const name = text(body.name, 'name');
    const existing = Array.isArray(body.existing) ? body.existing.map((n) => text(n, 'existing')) : [];
    const options = DatasetSchema.shape.options.optional().safeParse(body.options);
    if (!options.success) throw new BodyError(`“options” are not read options: ${options.error.message}`);
    const table = body.table === undefined ? uniqueTableName(name, existing) : text(body.table, 'table');
    // Read under a name no page uses, and put in place only if the page still wants it.
    const scratch = scratchName('__upload_');
    const d = engineDialect(engine);
    try {
      const result = await importFromPath(ownQueries(engine), path, {
        table: scratch,
        options: options.data,
        signal: stop.signal,
      }).catch((err) => {
        throw err instanceof ImportError ? asNamed(err, path, name) : err;
      });
      if (stop.signal.aborted) throw new EngineCancelled();
      await engine.query(dropSql(d, table));
      await engine.query(renameTableSql(d, scratch, table));
      // Named as the user's file, not the upload's name on disk.
      const imported: ServedTable = { ...result, table, sourceName: name, path, dropped: true };
      served.tables.add(imported);
      return imported;
    } catch (err) {
      await engine.query(dropSql(d, scratch)).catch(() => undefined);
      await uploads.remove(upload);
      throw err;
    }
  }

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
      case 'GET tables':
        return send(res, 200, headers, await served.tables.list());
      case 'POST import':
        return send(res, 200, headers, await importUpload(req, res));
      case 'GET workbook':
        return send(res, 200, headers, served.workbook);
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
