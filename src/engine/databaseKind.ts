import type { Engine } from './engine';

/**
 * A database the CLI computes in, named by a URL (`--engine`). Each database's folder
 * (postgres/, clickhouse/) describes its own; databaseUrls.ts lists them.
 */
export interface DatabaseKind {
  /** Its URL's form, as usage lines and refusals show it. */
  readonly usage: string;
  /** Whether `url` names a database of this kind. */
  names(url: string): boolean;
  /** Whether the URL names a database holding a team's own tables (read in place), not a fresh, empty one. */
  holdsTables(url: string): boolean;
  /** Where a table named without a schema or database is, when `--schema` does not say. */
  defaultContainer(url: string): string;
  /** An engine on that database; `schema` is the one `--schema` names, where the database has schemas. */
  open(url: string, schema: string | undefined): Promise<Engine>;
}
