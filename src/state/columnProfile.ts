import type { ColumnKind } from '../core/model/columnKind';
import { buildProfileQueries, histogramEdges } from '../core/sql/profileQuery';
import type { Engine } from '../engine/engine';
import { engineDialect } from '../engine/engineDialect';
import { arrowToRows, type CellValue } from './arrowRows';

export interface HistogramBin {
  /** Edges on the column's own scale: the number, or epoch ms for dates and times. */
  from: number;
  to: number;
  count: number;
}

export interface ColumnProfile {
  table: string;
  column: string;
  kind: ColumnKind;
  rows: number;
  blanks: number;
  distinct: number;
  min: CellValue;
  max: CellValue;
  top: { value: CellValue; count: number }[];
  /** Numbers, dates and times; every bin present, empty ones with count 0. */
  histogram: HistogramBin[] | null;
}

/** Runs the profile queries one after another (the engine has one connection). */
export async function fetchColumnProfile(
  engine: Engine,
  table: string,
  column: string,
  kind: ColumnKind,
): Promise<ColumnProfile> {
  const q = buildProfileQueries(table, column, kind, engineDialect(engine));
  const stats = arrowToRows(await engine.query(q.stats)).rows[0] ?? {};
  const top = arrowToRows(await engine.query(q.top)).rows.map((r) => ({
    value: r.value ?? null,
    count: Number(r.n ?? 0),
  }));
  let histogram: HistogramBin[] | null = null;
  if (q.histogram) {
    const rows = arrowToRows(await engine.query(q.histogram)).rows;
    if (rows.length > 0) {
      // Dates are binned on epoch seconds; the UI speaks epoch milliseconds.
      const unit = kind === 'date' || kind === 'timestamp' ? 1000 : 1;
      const lo = Number(rows[0].lo);
      const hi = Number(rows[0].hi);
      const edges = histogramEdges(lo, hi);
      const counts = new Map(rows.map((r) => [Number(r.bin), Number(r.n)]));
      histogram = edges.slice(0, -1).map((from, i) => ({
        from: from * unit,
        to: edges[i + 1] * unit,
        count: counts.get(i) ?? 0,
      }));
    } else {
      histogram = [];
    }
  }
  return {
    table,
    column,
    kind,
    rows: Number(stats.rows ?? 0),
    blanks: Number(stats.blanks ?? 0),
    distinct: Number(stats.distinct ?? 0),
    min: stats.min ?? null,
    max: stats.max ?? null,
    top,
    histogram,
  };
}
