import type { PlainValue, ScorecardRow } from '../../engine/scorecardRun';
import { type FrameKey, frameId, parseFrameKey, parseLegacyFrameKey } from './frameKey';

/** A result row without its KPI values: which period (and breakdown value) it is. */
export type RowHead = Omit<ScorecardRow, 'values' | 'bases'>;

/** Where a KPI's bases are kept beside its values: results kept before bases existed simply lack them. */
const baseKey = (key: string) => `${key}\u0004base`;

/**
 * Results of one frame (data, grain, calendar, range, breakdown), column by column:
 * each KPI's values under a key that names its definition and those it refers to.
 * A KPI edited or added is computed alone and joins the frame; the others are reused.
 */
interface Frame {
  key: FrameKey;
  heads: RowHead[];
  values: Map<string, PlainValue[]>;
}

/** What survives a reload: plain JSON. */
export interface CacheSnapshot {
  frames: { key: FrameKey; heads: RowHead[]; values: [string, PlainValue[]][] }[];
}

const headKey = (h: RowHead) =>
  `${h.periodStart}\u0000${h.periodEnd}\u0000${String(h.by)}\u0000${h.range ?? ''}`;

function sameHeads(a: readonly RowHead[], b: readonly RowHead[]): boolean {
  return a.length === b.length && a.every((h, i) => headKey(h) === headKey(b[i] as RowHead));
}

/** Frames kept: a few grains × ranges × breakdowns; each is small (KPIs × periods numbers). */
const FRAME_LIMIT = 32;

/** The results of recent frames, by frame key and KPI key. */
export class ResultsCache {
  private readonly frames = new Map<string, Frame>();

  /** Whether the frame holds the values of the KPI key `kpiKey`. */
  has(frameKey: FrameKey, kpiKey: string): boolean {
    return this.frames.get(frameId(frameKey))?.values.has(kpiKey) === true;
  }

  /** Keeps a run's rows; `keyOf` names each KPI id's values. */
  store(frameKey: FrameKey, rows: readonly ScorecardRow[], keyOf: ReadonlyMap<string, string>): void {
    const heads = rows.map(({ values: _values, bases: _bases, ...head }) => head);
    let f = this.frames.get(frameId(frameKey));
    // The spine depends on the frame alone, so a differing one means the data moved: start over.
    if (f === undefined || !sameHeads(f.heads, heads)) f = { key: frameKey, heads, values: new Map() };
    for (const [id, key] of keyOf) {
      f.values.set(
        key,
        rows.map((r) => r.values[id] ?? null),
      );
      if (rows.some((r) => id in r.bases))
        f.values.set(
          baseKey(key),
          rows.map((r) => r.bases[id] ?? null),
        );
    }
    this.touch(f);
  }

  /** Rows with each id's values, or null when any is missing. */
  rows(frameKey: FrameKey, keyOf: ReadonlyMap<string, string>): ScorecardRow[] | null {
    const f = this.frames.get(frameId(frameKey));
    if (f === undefined) return null;
    const columns: [string, PlainValue[], PlainValue[] | undefined][] = [];
    for (const [id, key] of keyOf) {
      const v = f.values.get(key);
      if (v === undefined) return null;
      columns.push([id, v, f.values.get(baseKey(key))]);
    }
    this.touch(f);
    return f.heads.map((h, i) => {
      const values: Record<string, PlainValue> = {};
      const bases: Record<string, PlainValue> = {};
      for (const [id, v, b] of columns) {
        values[id] = v[i] ?? null;
        if (b !== undefined) bases[id] = b[i] ?? null;
      }
      return { ...h, values, bases };
    });
  }

  /**
   * The frames of `data`, oldest first: other data's results can never be asked for again.
   * `only`: the frame ids to keep (by `frameId`); without it every frame of `data`.
   */
  snapshot(data: string, only?: ReadonlySet<string>): CacheSnapshot {
    const frames: CacheSnapshot['frames'] = [];
    for (const [id, f] of this.frames)
      if (f.key.data === data && (only === undefined || only.has(id)))
        frames.push({ key: f.key, heads: f.heads, values: [...f.values] });
    return { frames };
  }

  seed(snapshot: CacheSnapshot): void {
    for (const f of snapshot.frames) this.touch({ key: f.key, heads: f.heads, values: new Map(f.values) });
  }

  private touch(f: Frame): void {
    const id = frameId(f.key);
    this.frames.delete(id);
    this.frames.set(id, f);
    while (this.frames.size > FRAME_LIMIT) {
      const oldest = this.frames.keys().next().value;
      if (oldest === undefined) break;
      this.frames.delete(oldest);
    }
  }
}

/**
 * Checks a snapshot read back from browser storage before it is trusted. A frame key
 * saved as text (before keys were typed) is read into its fields; a frame whose key
 * fits neither form is left out, so an old or damaged snapshot costs a query, not a crash.
 */
export function parseCacheSnapshot(v: unknown): CacheSnapshot | null {
  if (typeof v !== 'object' || v === null || !Array.isArray((v as CacheSnapshot).frames)) return null;
  const cell = (x: unknown) =>
    x === null || typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean';
  const text = (x: unknown) => x === null || typeof x === 'string';
  const frames: CacheSnapshot['frames'] = [];
  for (const f of (v as { frames: unknown[] }).frames as CacheSnapshot['frames']) {
    if (typeof f !== 'object' || f === null || !Array.isArray(f.heads) || !Array.isArray(f.values))
      return null;
    for (const h of f.heads) {
      if (typeof h !== 'object' || h === null) return null;
      if (!text(h.periodStart) || !text(h.periodEnd) || !text(h.period) || !cell(h.by)) return null;
    }
    for (const entry of f.values) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) return null;
      if (entry[1].length !== f.heads.length || !entry[1].every(cell)) return null;
    }
    const key = typeof f.key === 'string' ? parseLegacyFrameKey(f.key) : parseFrameKey(f.key);
    if (key !== null) frames.push({ key, heads: f.heads, values: f.values });
  }
  return { frames };
}
