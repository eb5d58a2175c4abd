import type { DatabaseKind } from '../databaseKind';
import { createPostgresEngine } from './postgresEngine';

/** A PostgreSQL server (or one speaking its protocol: Citus, Redshift), read in place or given copies. */
export const postgresDatabase: DatabaseKind = {
  usage: 'postgres://USER@HOST:PORT/DB',
  names: (url) => /^postgres(ql)?:\/\//.test(url),
  holdsTables: () => true,
  defaultContainer: () => 'public',
  open: (url, schema) => createPostgresEngine({ url, schema }),
};
