import { RESTORE_STAGING_PREFIX } from '../core/model/tableNames';
import { duckdb } from '../core/sql/dialects/registry';
import { dropSql, type RelationKind, renameTableSql } from '../core/sql/tableDdl';
import type { Engine } from '../engine/engine';
import { scratchName } from '../engine/scratchName';

/**
 * New contents for a set of tables, loaded beside the open workbook's tables and put in
 * their place together or not at all. A workbook that fails half-way (a broken Parquet,
 * a dataset that clashes with a view) must leave the open workbook as it was.
 */
export interface TableSwap {
  /** A fresh name to load `table`'s new contents under; the staged table replaces `table` on commit. */
  stage(table: string): string;
  /** Drops `table` (a table of the workbook being replaced) in the same transaction as the commit. */
  drop(table: string): void;
  /**
   * Puts every staged table in place in one transaction: whatever table or view holds a
   * target name is dropped and the staged table renamed to it, and the tables given to
   * `drop` are dropped. On any failure the transaction is rolled back, so the engine's
   * tables and views are as they were.
   */
  commit(): Promise<void>;
  /** Drops the staged tables that were not put in place. Safe to call more than once. */
  discard(): Promise<void>;
}

/** What each name among `names` is in the engine now (lower-cased name → kind). */
async function kindsOf(engine: Engine, names: readonly string[]): Promise<Map<string, RelationKind>> {
  const list = names.map((n) => duckdb.stringLiteral(n.toLowerCase())).join(', ');
  const result = await engine.query(
    `SELECT lower(table_name) AS name, 'TABLE' AS kind FROM duckdb_tables() WHERE schema_name = 'main' AND lower(table_name) IN (${list})
     UNION ALL
     SELECT lower(view_name), 'VIEW' FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' AND lower(view_name) IN (${list})`,
  );
  return new Map(result.toArray().map((r) => [String(r.name), r.kind === 'VIEW' ? 'VIEW' : 'TABLE']));
}

export function tableSwap(engine: Engine): TableSwap {
  // A token no document can name: staging names start with `__`, which the name rules refuse
  // for datasets (core/model/tableNames.ts), and it is new for each swap, so neither a hostile
  // name nor an earlier, unfinished swap can stand in a staged table's way.
  const token = scratchName('');
  let staged: { staging: string; table: string }[] = [];
  const dropped = new Set<string>();
  let count = 0;
  return {
    stage(table) {
      // A second staged table for one name would silently replace the first on commit.
      if (staged.some((s) => s.table.toLowerCase() === table.toLowerCase()))
        throw new Error(`The table "${table}" is already staged.`);
      const staging = `${RESTORE_STAGING_PREFIX}${token}_${count++}`;
      staged.push({ staging, table });
      return staging;
    },

    drop(table) {
      dropped.add(table);
    },

    async commit() {
      const targets = new Set(staged.map((s) => s.table.toLowerCase()));
      // A name being staged is replaced anyway; dropping it too would be one DROP too many.
      const drops = [...dropped].filter((t) => !targets.has(t.toLowerCase()));
      if (staged.length === 0 && drops.length === 0) return;
      // Statement by statement: the browser engine runs one statement per call.
      await engine.query('BEGIN TRANSACTION');
      try {
        const kinds = await kindsOf(engine, [...staged.map((s) => s.table), ...drops]);
        for (const table of drops) {
          const kind = kinds.get(table.toLowerCase());
          if (kind !== undefined) await engine.query(dropSql(duckdb, table, kind));
        }
        for (const s of staged) {
          const kind = kinds.get(s.table.toLowerCase());
          if (kind !== undefined) await engine.query(dropSql(duckdb, s.table, kind));
          await engine.query(renameTableSql(duckdb, s.staging, s.table));
        }
        await engine.query('COMMIT');
      } catch (e) {
        // A failed COMMIT has already ended the transaction; then there is nothing to roll back.
        await engine.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
      // Other callers' queries can run between these statements (the engine queues calls,
      // not transactions), and one that fails aborts the transaction: DuckDB then answers
      // COMMIT without error but rolls back. A staged table still there tells.
      const left = await kindsOf(engine, [...staged.map((s) => s.staging), ...drops]);
      if (left.size > 0)
        throw new Error(
          'The tables could not be put in place (the engine rolled the change back); nothing was changed.',
        );
      staged = [];
      dropped.clear();
    },

    async discard() {
      const left = staged;
      staged = [];
      for (const s of left) await engine.query(dropSql(duckdb, s.staging)).catch(() => undefined);
    },
  };
}
