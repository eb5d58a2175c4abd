import { describe, expect, it } from 'vitest';
import { DATABASE_URLS, databaseNamed } from '../../../src/engine/databaseUrls';

describe('databases named by URL', () => {
  it.each([
    ['postgres://me@localhost:5432/crm', 'postgres://USER@HOST:PORT/DB', true, 'public'],
    ['postgresql://me@localhost/crm', 'postgres://USER@HOST:PORT/DB', true, 'public'],
    ['clickhouse://me:pw@ch:8123/sales', 'clickhouse://USER:PASS@HOST:8123/DB', true, 'sales'],
    ['clickhouse://me:pw@ch:8123/', 'clickhouse://USER:PASS@HOST:8123/DB', true, 'default'],
    ['chdb:/data/ch', 'chdb: or chdb:PATH', true, 'default'],
    ['chdb:', 'chdb: or chdb:PATH', false, 'default'],
  ])('%s is a %s database (own tables: %s, tables named alone in %s)', (url, usage, holds, container) => {
    const kind = databaseNamed(url);
    expect(kind?.usage).toBe(usage);
    expect(kind?.holdsTables(url)).toBe(holds);
    expect(kind?.defaultContainer(url)).toBe(container);
  });

  it('names no database for a DuckDB build or anything else', () => {
    for (const url of ['wasm', 'native', 'mysql://me@db/crm', 'http://ch:8123', '', undefined])
      expect(databaseNamed(url)).toBeUndefined();
  });

  it('lists every form for usage lines', () => {
    expect(DATABASE_URLS).toBe(
      'postgres://USER@HOST:PORT/DB, clickhouse://USER:PASS@HOST:8123/DB, chdb: or chdb:PATH',
    );
  });
});
