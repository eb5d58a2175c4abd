import type { ColumnProfile } from '../../core/model/classifyProfile';
import type { LoadedTable } from '../../core/model/scorecardSchema';
import { mappingProfileQueries } from '../../core/sql/columnProfileForMapping';
import type { Engine } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';
import { tableToRows } from '../../engine/rows';

/** Tables wider than this are classified on their first columns' values only; names still count in full. */
const MAX_PROFILED_COLUMNS = 60;

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Measures one column: the stats row and its most frequent values, queried one after the other. */
async function profileColumn(
  engine: Engine,
  table: string,
  column: LoadedTable['columns'][number],
): Promise<ColumnProfile> {
  const q = mappingProfileQueries(table, column.name, column.kind, engineDialect(engine));
  const s = tableToRows(await engine.query(q.stats))[0] ?? {};
  const top = tableToRows(await engine.query(q.top)).map((r) => ({
    value: String(r.v ?? ''),
    count: num(r.n),
  }));
  const filled = num(s.filled);
  const numbers = num(s.numbers);
  const ofNumbers = (v: unknown) => (numbers === 0 ? 0 : num(v) / numbers);
  const dated = column.kind === 'date' || column.kind === 'timestamp';
  return {
    name: column.name,
    kind: column.kind,
    rows: num(s.n_rows),
    filled,
    distinct: num(s.n_distinct),
    top,
    min: numOrNull(s.min_x),
    max: numOrNull(s.max_x),
    integerShare: ofNumbers(s.whole),
    in0to10: ofNumbers(s.in0to10),
    in1to5: ofNumbers(s.in1to5),
    in1to7: ofNumbers(s.in1to7),
    dateShare: filled === 0 ? 0 : dated ? 1 : Math.min(1, num(s.dates) / filled),
    minDate: textOrNull(s.min_d),
    maxDate: textOrNull(s.max_d),
    multilineShare: filled === 0 ? 0 : num(s.multiline) / filled,
    meanLength: num(s.mean_length),
  };
}

/**
 * The value profile of a loaded table for the classifier, measured once per
 * loaded version of the table (a table read again is a new entry, so it is
 * measured again).
 */
export function createMappingProfiles(engine: () => Promise<Engine>) {
  const cache = new WeakMap<LoadedTable, Promise<ColumnProfile[]>>();
  return (t: LoadedTable): Promise<ColumnProfile[]> => {
    let p = cache.get(t);
    if (p === undefined) {
      p = (async () => {
        const e = await engine();
        const out: ColumnProfile[] = [];
        for (const c of t.columns.slice(0, MAX_PROFILED_COLUMNS)) out.push(await profileColumn(e, t.name, c));
        return out;
      })();
      // A failed measurement is not kept: the next draft tries again.
      p.catch(() => cache.delete(t));
      cache.set(t, p);
    }
    return p;
  };
}
