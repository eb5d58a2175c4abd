import type { Dialect } from '../sql/dialect';
import { canonicalColumn } from './canonical';
import type { ColumnKind } from './columnKind';
import type { TableMapping } from './mapping';
import { type ComputedSource, computedSql, SQL_TYPES } from './mappingComputed';

/** The computed columns that apply: a canonical column the mapping does not read from a header. */
export function computedColumns(mapping: TableMapping): [string, ComputedSource][] {
  return Object.entries(mapping.computed ?? {}).filter(
    ([c]) =>
      mapping.columns[c] === undefined &&
      c !== 'won' &&
      canonicalColumn(mapping.canonicalTable, c) !== undefined,
  );
}

/** The outcome column the won flag is read from: a mapped won column, else the stage. */
function outcomeSource(mapping: TableMapping): { header: string; viaValues: boolean } | null {
  const won = mapping.columns.won;
  if (won !== undefined) return { header: won, viaValues: mapping.stageOutcomes !== undefined };
  const stage = mapping.columns.stage;
  if (stage !== undefined && mapping.stageOutcomes !== undefined) return { header: stage, viaValues: true };
  return null;
}

/** Canonical `table.column` names the mapping's view will have, the derived won included. */
export function mappedColumns(mapping: TableMapping): Set<string> {
  const t = mapping.canonicalTable;
  const out = new Set(
    [...Object.keys(mapping.columns), ...computedColumns(mapping).map(([c]) => c)]
      .filter((c) => canonicalColumn(t, c) !== undefined)
      .map((c) => `${t}.${c}`),
  );
  if (t === 'deals' && outcomeSource(mapping) !== null) out.add('deals.won');
  return out;
}

function outcomeSql(d: Dialect, header: string, outcomes: { won: string[]; lost: string[] }): string {
  const raw = d.cast(d.quoteIdent(header), 'text');
  const list = (values: string[]) => values.map((v) => d.stringLiteral(v)).join(', ');
  const parts = ['CASE'];
  if (outcomes.won.length > 0) parts.push(`WHEN ${raw} IN (${list(outcomes.won)}) THEN TRUE`);
  if (outcomes.lost.length > 0) parts.push(`WHEN ${raw} IN (${list(outcomes.lost)}) THEN FALSE`);
  // Open deals have no outcome yet: blank, so "won or lost" counts leave them out.
  parts.push('ELSE NULL END');
  return parts.join(' ');
}

/**
 * One column of a mapping's view. `canonical` columns carry the canonical name and
 * type; the others are the file's own columns under their own names, so formulas,
 * breakdowns and the notebook can reach every column of the file.
 */
interface ViewColumn {
  /** Name in the view. */
  readonly name: string;
  /** The raw header read as is, or cast; null for won derived from stage values and for computed columns. */
  readonly header: string | null;
  readonly canonical: boolean;
  /** A canonical column the file lacks, set to a constant or derived by a formula. */
  readonly computed?: ComputedSource;
}

/**
 * The columns of a mapping's view, canonical first (in mapping order), then every
 * raw header. Names never repeat, compared without case as DuckDB does:
 * - a raw header that already has the canonical name of the column it is mapped to
 *   appears once, as that canonical column (cast to its canonical type);
 * - a raw header whose name a canonical column took from another header is kept as
 *   `<header>_raw` (`_raw2`, `_raw3`, … should that be taken too).
 */
export function viewLayout(mapping: TableMapping, headers: readonly string[]): ViewColumn[] {
  const t = mapping.canonicalTable;
  const out: ViewColumn[] = [];
  for (const [column, header] of Object.entries(mapping.columns)) {
    if (canonicalColumn(t, column) === undefined || column === 'won') continue;
    out.push({ name: column, header, canonical: true });
  }
  for (const [column, computed] of computedColumns(mapping)) {
    out.push({ name: column, header: null, canonical: true, computed });
  }
  const won = t === 'deals' ? outcomeSource(mapping) : null;
  if (won !== null) {
    const derived = won.viaValues && mapping.stageOutcomes !== undefined;
    out.push({ name: 'won', header: derived ? null : won.header, canonical: true });
  }
  const canonicalNames = new Set(out.map((c) => c.name.toLowerCase()));
  // Raw names no canonical column took are reserved first, so a rename never takes one.
  const taken = new Set([...canonicalNames, ...headers.map((h) => h.toLowerCase())]);
  for (const header of headers) {
    const lower = header.toLowerCase();
    if (!canonicalNames.has(lower)) {
      out.push({ name: header, header, canonical: false });
      continue;
    }
    if (out.some((c) => c.canonical && c.header === header && c.name.toLowerCase() === lower)) continue;
    let name = `${header}_raw`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${header}_raw${n}`;
    taken.add(name.toLowerCase());
    out.push({ name, header, canonical: false });
  }
  return out;
}

/** The view column that carries raw `header`, if any: its own name, a rename, or the canonical column it became. */
export function viewColumnOf(layout: readonly ViewColumn[], header: string): ViewColumn | undefined {
  return (
    layout.find((c) => !c.canonical && c.header === header) ??
    layout.find((c) => c.canonical && c.header === header && c.name.toLowerCase() === header.toLowerCase())
  );
}

interface MappingViewOptions {
  /** The dialect of the engine the view is made in (src/engine/engineDialect.ts). */
  readonly dialect: Dialect;
  /** Defaults to the canonical table name. */
  readonly viewName?: string;
  /** How each raw column was read: the names and types derived formulas are checked against. */
  readonly kinds?: Readonly<Record<string, ColumnKind>>;
}

/**
 * `CREATE OR REPLACE VIEW <canonical> AS SELECT <raw> AS <canonical>, …, <raw>, …`
 * over the raw table, which stays as loaded (mappingSelectSql says what it selects).
 */
export function mappingViewSql(
  rawTable: string,
  mapping: TableMapping,
  headers: readonly string[],
  options: MappingViewOptions,
): string {
  const d = options.dialect;
  const view = options.viewName ?? mapping.canonicalTable;
  if (view === rawTable) {
    throw new Error(
      `The view ${view} would replace the loaded table of the same name; load it under another name.`,
    );
  }
  return `CREATE OR REPLACE VIEW ${d.quoteIdent(view)} AS ${mappingSelectSql(rawTable, mapping, headers, options)}`;
}

/**
 * What a mapping's view selects: `headers` are the raw table's columns, all kept
 * (viewLayout). Each canonical column is cast to its canonical type (TRY_CAST: a
 * value that does not fit becomes blank rather than failing every KPI;
 * validateMapping reports the mismatch up front). For deals, won is derived from
 * the stage values when the file has no won flag. Computed columns are an escaped
 * constant or a checked row formula (mappingComputed.ts).
 */
export function mappingSelectSql(
  rawTable: string,
  mapping: TableMapping,
  headers: readonly string[],
  options: MappingViewOptions,
): string {
  const d = options.dialect;
  const t = mapping.canonicalTable;
  const layout = viewLayout(mapping, headers);
  if (!layout.some((c) => c.canonical)) throw new Error(`The mapping for ${t} has no columns.`);
  const raw = headers.map((h) => ({ name: h, kind: options.kinds?.[h] ?? ('text' as const) }));
  const select = layout.map((c) => {
    const kind = canonicalColumn(t, c.name)?.kind ?? 'text';
    const sql =
      c.computed === undefined ? columnSql(d, mapping, c) : computedSql(d, kind, c.computed, rawTable, raw);
    return `${sql} AS ${d.quoteIdent(c.name)}`;
  });
  return `SELECT\n  ${select.join(',\n  ')}\nFROM ${d.quoteIdent(rawTable)}`;
}

function columnSql(d: Dialect, mapping: TableMapping, c: ViewColumn): string {
  if (!c.canonical) return d.quoteIdent(c.header as string);
  if (c.name === 'won') {
    const won = outcomeSource(mapping) as { header: string; viaValues: boolean };
    return won.viaValues && mapping.stageOutcomes !== undefined
      ? outcomeSql(d, won.header, mapping.stageOutcomes)
      : d.tryCast(d.quoteIdent(won.header), 'boolean');
  }
  const kind = canonicalColumn(mapping.canonicalTable, c.name)?.kind ?? 'text';
  return d.tryCast(d.quoteIdent(c.header as string), SQL_TYPES[kind]);
}
