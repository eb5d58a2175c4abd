import type { Dialect } from '../core/sql/dialect';
import { dialectNamed } from '../core/sql/dialects/registry';
import type { Engine } from './engine';
import { engineRoot } from './engineRoot';

/** The dialect of the database under any wrappers (boundedEngine, serialEngine): DuckDB unless it says otherwise. */
export function engineDialect(engine: Engine): Dialect {
  return dialectNamed(engine.dialect ?? engineRoot(engine).dialect ?? 'duckdb');
}
