import { type Dialect, duckdb } from '../sql/dialect';
import { canonicalColumn, type LogicalKind } from './canonical';
import type { TableMapping } from './mapping';

const SQL_TYPES: Readonly<Record<LogicalKind, string>> = {
  text: 'VARCHAR',
  number: 'DOUBLE',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  boolean: 'BOOLEAN',
};

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
    Object.keys(mapping.columns)
      .filter((c) => canonicalColumn(t, c) !== undefined)
      .map((c) => `${t}.${c}`),
  );
  if (t === 'deals' && outcomeSource(mapping) !== null) out.add('deals.won');
  return out;
}

function outcomeSql(d: Dialect, header: string, outcomes: { won: string[]; lost: string[] }): string {
  const raw = `CAST(${d.quoteIdent(header)} AS VARCHAR)`;
  const list = (values: string[]) => values.map((v) => d.stringLiteral(v)).join(', ');
  const parts = ['CASE'];
  if (outcomes.won.length > 0) parts.push(`WHEN ${raw} IN (${list(outcomes.won)}) THEN TRUE`);
  if (outcomes.lost.length > 0) parts.push(`WHEN ${raw} IN (${list(outcomes.lost)}) THEN FALSE`);
  // Open deals have no outcome yet: blank, so "won or lost" counts leave them out.
  parts.push('ELSE NULL END');
  return parts.join(' ');
}

export interface MappingViewOptions {
  readonly dialect?: Dialect;
  /** Defaults to the canonical table name. */
  readonly viewName?: string;
}

/**
 * `CREATE OR REPLACE VIEW <canonical> AS SELECT <raw> AS <canonical>, …` over the
 * raw table, which stays as loaded. Each column is cast to its canonical type
 * (TRY_CAST: a value that does not fit becomes blank rather than failing every
 * KPI; validateMapping reports the mismatch up front). For deals, won is derived
 * from the stage values when the file has no won flag.
 */
export function mappingViewSql(
  rawTable: string,
  mapping: TableMapping,
  options: MappingViewOptions = {},
): string {
  const d = options.dialect ?? duckdb;
  const t = mapping.canonicalTable;
  const view = options.viewName ?? t;
  if (view === rawTable) {
    throw new Error(
      `The view ${view} would replace the loaded table of the same name; load it under another name.`,
    );
  }
  const select: string[] = [];
  for (const [column, header] of Object.entries(mapping.columns)) {
    const c = canonicalColumn(t, column);
    if (c === undefined || column === 'won') continue;
    select.push(`TRY_CAST(${d.quoteIdent(header)} AS ${SQL_TYPES[c.kind]}) AS ${d.quoteIdent(column)}`);
  }
  const won = t === 'deals' ? outcomeSource(mapping) : null;
  if (won !== null) {
    const expr =
      won.viaValues && mapping.stageOutcomes !== undefined
        ? outcomeSql(d, won.header, mapping.stageOutcomes)
        : `TRY_CAST(${d.quoteIdent(won.header)} AS BOOLEAN)`;
    select.push(`${expr} AS ${d.quoteIdent('won')}`);
  }
  if (select.length === 0) throw new Error(`The mapping for ${t} has no columns.`);
  return `CREATE OR REPLACE VIEW ${d.quoteIdent(view)} AS SELECT\n  ${select.join(',\n  ')}\nFROM ${d.quoteIdent(rawTable)}`;
}
