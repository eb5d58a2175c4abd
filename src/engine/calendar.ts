import type { Engine } from './engine';
import { engineDialect } from './engineDialect';
import { engineRoot } from './engineRoot';

const DAY_MS = 86_400_000;

const covered = new WeakMap<Engine, { from: number; to: number }>();

function epochDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** (Re)builds `_calendar` with one row per day from `from` to `to` (ISO dates, inclusive), in the engine's own SQL. */
async function buildCalendar(engine: Engine, from: string, to: string): Promise<void> {
  const a = epochDay(from);
  const b = epochDay(to);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a)
    throw new Error(`Bad calendar range ${from}..${to}`);
  for (const sql of engineDialect(engine).calendarTable(from, to)) await engine.query(sql);
  covered.set(engineRoot(engine), { from: a, to: b });
}

/** Sensible default span: wide enough for most CRM histories, small enough to build in milliseconds. */
const DEFAULT_FROM = '2000-01-01';
const DEFAULT_TO = '2040-12-31';
const MARGIN_DAYS = 2 * 366;

/** Calendar work per database (engineRoot), one after another. */
const chains = new WeakMap<Engine, Promise<void>>();

/**
 * Makes sure `_calendar` covers [from, to] (with a margin), building or widening it when
 * needed. Calls are queued per database: a scorecard and a notebook asking at the same
 * time would otherwise both build, and one would find the other's staging table.
 */
export function ensureCalendar(engine: Engine, from?: string | null, to?: string | null): Promise<void> {
  const run = async () => {
    const want = {
      from: Math.min(epochDay(DEFAULT_FROM), from ? epochDay(from) - MARGIN_DAYS : Number.POSITIVE_INFINITY),
      to: Math.max(epochDay(DEFAULT_TO), to ? epochDay(to) + MARGIN_DAYS : Number.NEGATIVE_INFINITY),
    };
    const have = covered.get(engineRoot(engine));
    if (have !== undefined && have.from <= want.from && have.to >= want.to) return;
    const span =
      have === undefined ? want : { from: Math.min(have.from, want.from), to: Math.max(have.to, want.to) };
    await buildCalendar(engine, isoOf(span.from), isoOf(span.to));
  };
  const root = engineRoot(engine);
  const next = (chains.get(root) ?? Promise.resolve()).then(run, run);
  chains.set(
    root,
    next.catch(() => undefined),
  );
  return next;
}
