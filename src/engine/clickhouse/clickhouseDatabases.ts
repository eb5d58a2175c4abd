import type { DatabaseKind } from '../databaseKind';
import { createChdbEngine } from './chdbEngine';
import { createClickhouseHttpEngine } from './clickhouseHttpEngine';

/** A ClickHouse server over HTTP; a table named alone is in the database the URL's path names. */
export const clickhouseServer: DatabaseKind = {
  usage: 'clickhouse://USER:PASS@HOST:8123/DB',
  names: (url) => url.startsWith('clickhouse://'),
  holdsTables: () => true,
  defaultContainer: (url) =>
    decodeURIComponent(new URL(url.replace(/^clickhouse:/, 'http:')).pathname.slice(1)) || 'default',
  open: (url) => createClickhouseHttpEngine(url),
};

/** chDB, ClickHouse in this process: `chdb:PATH` is the folder at PATH, `chdb:` alone a fresh, empty one. */
export const chdbFolder: DatabaseKind = {
  usage: 'chdb: or chdb:PATH',
  names: (url) => url.startsWith('chdb:'),
  holdsTables: (url) => url.length > 'chdb:'.length,
  defaultContainer: () => 'default',
  open: (url) => createChdbEngine(url.slice('chdb:'.length) || undefined),
};
