import type { Table } from 'apache-arrow';
import type { DialectName } from '../core/sql/dialects/registry';
import type { ParquetCodec } from './parquet/codec';

/**
 * The one database boundary. Everything above it speaks SQL (built by core) and
 * receives Arrow tables; the browser and Node implementations are interchangeable
 * so a KPI gives the same number in the app, the tests and the CLI.
 */
export interface QueryOptions {
  /**
   * Aborting drops the query if it has not started and cancels it if it is running
   * (where the engine queues its calls; elsewhere it only rejects the result).
   */
  signal?: AbortSignal;
  /**
   * Milliseconds the query may run once it has started (time spent queued does not count).
   * Past it the query is cancelled and the call rejects with EngineTimedOut.
   */
  timeLimitMs?: number;
  /**
   * DuckDB must find exactly one statement in the text or refuses it (it runs as a
   * prepared statement), so a `;` inside workbook SQL can never start a second one.
   */
  single?: boolean;
}

/** DuckDB's own tokenizer's answer: where each token starts (UTF-8 byte offsets) and its kind. */
export interface EngineTokens {
  offsets: number[];
  /** DuckDB's token types: 0 identifier, 1 number, 2 string, 3 operator, 4 keyword, 5 comment. */
  types: number[];
}

export interface Engine {
  /**
   * Where registered files live, when not under the virtual import prefix (a native engine
   * keeps them in a real private folder). Read from engineRoot(engine): wrappers do not copy it.
   */
  readonly importDirectory?: string;
  /** The SQL it speaks; absent means DuckDB. Wrappers leave it out: see engineDialect.ts. */
  readonly dialect?: DialectName;
  /**
   * A statement it PREPAREs stays there for every later query (one connection, one session):
   * see preparedRange.ts. Read from engineRoot(engine): wrappers do not copy it.
   */
  readonly keepsStatements?: boolean;
  /** Run SQL and return the whole result. Rejects with EngineCancelled when cancelled. */
  query(sql: string, options?: QueryOptions): Promise<Table>;
  /** Tokens as DuckDB's parser reads the text (nothing is run). */
  tokenize(sql: string): Promise<EngineTokens>;
  /** Cancel the running query, if any. Resolves once the engine has been told. */
  cancel(): Promise<void>;
  /**
   * Make bytes readable by SQL under a virtual file name (for read_csv). The name must be
   * under the import prefix (lockdown.ts: importPath), the only place the locked engine reads.
   */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Forget a registered file; its WASM memory is released for reuse. */
  dropFile(name: string): Promise<void>;
  /** Create (or replace) a table from an Arrow IPC stream. */
  insertArrowIPC(table: string, ipc: Uint8Array): Promise<void>;
  /** The platform's Parquet reader/writer, loaded on first use. */
  loadParquet(): Promise<ParquetCodec>;
  close(): Promise<void>;
}

export class EngineCancelled extends Error {
  constructor() {
    super('The query was cancelled.');
    this.name = 'EngineCancelled';
  }
}

/** A query ran past its time limit and was cancelled. */
export class EngineTimedOut extends Error {
  constructor(readonly limitMs: number) {
    super(`The query was stopped after ${Math.round(limitMs / 1000)} s, its time limit.`);
    this.name = 'EngineTimedOut';
  }
}
