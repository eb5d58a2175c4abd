import type { Engine } from './engine';

/**
 * Which engine a wrapper (boundedEngine, serialEngine) runs its queries on. State kept per
 * database, such as how far `_calendar` reaches, must be keyed by the database and not by
 * the wrapper: the scorecard and each notebook cell query through wrappers of their own.
 */
const inners = new WeakMap<Engine, Engine>();

/** Records that `wrapper` runs its queries on `inner`, and returns the wrapper. */
export function wrapping(wrapper: Engine, inner: Engine): Engine {
  inners.set(wrapper, inner);
  return wrapper;
}

/** The engine at the bottom of any wrappers. */
export function engineRoot(engine: Engine): Engine {
  let e = engine;
  for (let next = inners.get(e); next !== undefined; next = inners.get(e)) e = next;
  return e;
}
