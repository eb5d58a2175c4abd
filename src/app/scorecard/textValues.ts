import { MAX_KNOWN_VALUES } from '../../core/formula/schema';
import { distinctValuesQuery } from '../../core/sql/distinctValuesQuery';
import type { Engine } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';
import { plainColumn } from '../../engine/rows';

export interface ColumnRef {
  readonly table: string;
  readonly column: string;
}

/**
 * The values of the text columns formulas compare with fixed text, learnt from the data
 * for the formula checker's "never holds" warning. Asked only for compared columns, once
 * per version of the data; a column with more than MAX_KNOWN_VALUES values is not listed.
 */
export interface TextValues {
  /** The values, when known and few; undefined otherwise. */
  known(table: string, column: string): readonly string[] | undefined;
  /** Learns the columns not yet known for `dataKey`; true when anything new was learnt. */
  learn(engine: Engine, dataKey: string, columns: readonly ColumnRef[]): Promise<boolean>;
}

export function createTextValues(): TextValues {
  let forData = '';
  // null: too many values to list, or the query failed; either way nothing is warned.
  const values = new Map<string, readonly string[] | null>();
  const keyOf = (table: string, column: string) => JSON.stringify([table, column]);
  return {
    known(table, column) {
      return values.get(keyOf(table, column)) ?? undefined;
    },
    async learn(engine, dataKey, columns) {
      if (dataKey !== forData) {
        values.clear();
        forData = dataKey;
      }
      let learnt = false;
      for (const c of columns) {
        const key = keyOf(c.table, c.column);
        if (values.has(key)) continue;
        try {
          const t = await engine.query(
            distinctValuesQuery(c.table, c.column, MAX_KNOWN_VALUES, engineDialect(engine)),
          );
          const list = plainColumn(t, 'v').filter((v): v is string => typeof v === 'string');
          if (dataKey !== forData) return false;
          values.set(key, list.length > MAX_KNOWN_VALUES ? null : list);
          learnt = true;
        } catch {
          // A warning is a help, never a failure: the column stays unknown.
          values.set(key, null);
        }
      }
      return learnt;
    },
  };
}
