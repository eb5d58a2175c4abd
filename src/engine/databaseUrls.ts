import { chdbFolder, clickhouseServer } from './clickhouse/clickhouseDatabases';
import type { DatabaseKind } from './databaseKind';
import { postgresDatabase } from './postgres/postgresDatabase';

/** Every database `--engine URL` can name: a new one is its folder's DatabaseKind and a line here. */
const DATABASES: readonly DatabaseKind[] = [postgresDatabase, clickhouseServer, chdbFolder];

/** The kind of database `url` names, if it names one. */
export function databaseNamed(url: string | undefined): DatabaseKind | undefined {
  return url === undefined ? undefined : DATABASES.find((d) => d.names(url));
}

/** The URL forms `--engine` takes, for usage lines and refusals. */
export const DATABASE_URLS = DATABASES.map((d) => d.usage).join(', ');
