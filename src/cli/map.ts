import { canonicalTable } from '../core/model/canonical';
import type { Engine } from '../engine/engine';
import { checkKnown, flag, flags, type ParsedArgs, UsageError } from './args';
import type { CliIO } from './io';
import { loadDataArgs } from './loadData';
import { autoMap, type FoundRelationship, mappingSession, type TableSuggestion } from './mapSession';

const FORMATS = ['json', 'table'] as const;
type MapFormat = (typeof FORMATS)[number];

const MAP_OPTIONS = ['data', 'format'];

/** Confidence as the report gives it: two decimals, enough to compare and stable to read. */
const round = (x: number) => Math.round(x * 100) / 100;

/** canonical column → header, in the canonical table's own column order. */
function columnsInOrder(t: TableSuggestion): [string, string][] {
  const order = canonicalTable(t.mapping.canonicalTable)?.columns.map((c) => c.name) ?? [];
  return Object.entries(t.mapping.columns).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}

/** One table's suggestion as plain JSON. */
function tableJson(t: TableSuggestion) {
  const s = t.suggestion;
  const none = s.noGoodMatch;
  return {
    name: t.raw,
    file: t.sourceName,
    rows: t.rows,
    table: none ? null : s.table,
    // With no good match, how sure the classifier is that nothing fits.
    confidence: round(none ? s.noneLikelihood : s.confidence),
    alternatives: (none ? [{ table: s.table, confidence: s.confidence }, ...s.alternatives] : s.alternatives)
      .slice(0, 3)
      .map((a) => ({ table: a.table, confidence: round(a.confidence) })),
    preset: none ? null : s.preset,
    columns: none ? {} : Object.fromEntries(columnsInOrder(t)),
    unmapped: none ? [] : s.unmapped,
    stages: none ? null : t.stages,
    warnings: none
      ? []
      : t.problems.map((p) => ({ target: p.target, severity: p.severity, message: p.message })),
    applies: t.applied,
  };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const arrow = (r: FoundRelationship) => `${r.fromTable}.${r.fromColumn} → ${r.toTable}.${r.toColumn}`;

/** The suggestion in lines a person reads: a headline per table, then its details indented. */
function tableText(tables: readonly TableSuggestion[], relationships: readonly FoundRelationship[]): string {
  const lines: string[] = [];
  for (const t of tables) {
    const s = t.suggestion;
    const head = `${t.raw} (${t.sourceName}, ${t.rows} rows)`;
    if (s.noGoodMatch) {
      lines.push(
        `${head}: no good match (${pct(s.noneLikelihood)} sure none fits; closest ${s.table} ${pct(s.confidence)})`,
      );
      continue;
    }
    lines.push(`${head}: ${s.table}, ${pct(s.confidence)} sure${t.applied ? '' : ' (not applied)'}`);
    if (s.preset !== null) lines.push(`  recognised: ${s.preset.label}`);
    for (const [column, header] of columnsInOrder(t)) lines.push(`  ${column} ← ${header}`);
    if (t.stages !== null) {
      const list = (v: readonly string[]) => (v.length === 0 ? '—' : v.join(', '));
      lines.push(
        `  stages (${t.stages.column}): won ${list(t.stages.won)}; lost ${list(t.stages.lost)}; open ${list(t.stages.open)}`,
      );
    }
    for (const p of t.problems) lines.push(`  ${p.severity}: ${p.message}`);
  }
  lines.push(relationships.length === 0 ? 'relationships: none found' : 'relationships:');
  for (const r of relationships)
    lines.push(
      `  ${arrow(r)} (${r.via === 'model' ? 'CRM model' : `${Math.round((r.found ?? 0) * 100)} % of values found`})`,
    );
  return lines.join('\n');
}

/**
 * `map`: what the app suggests for each file (canonical table, confidence, preset,
 * columns, stage outcomes, warnings) and the relationships between the tables once
 * the suggestions that hold are applied: exactly what `--map auto` does.
 */
export async function mapCommand(
  args: ParsedArgs,
  startEngine: () => Promise<Engine>,
  io: CliIO,
): Promise<number> {
  checkKnown(args, MAP_OPTIONS);
  const format = flag(args, 'format') ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got “${format}”.`);
  if (args.positional.length > 0)
    throw new UsageError(`map takes only options; got “${args.positional.join(' ')}”.`);
  const specs = flags(args, 'data');
  if (specs.length === 0) throw new UsageError('map needs at least one --data NAME=FILE.');
  const imports = await loadDataArgs(startEngine, specs);
  const engine = await startEngine();
  const { tables, relationships } = await autoMap(mappingSession(engine, imports));
  if ((format as MapFormat) === 'json') {
    io.out(
      JSON.stringify(
        {
          tables: tables.map(tableJson),
          relationships: relationships.map((r) => ({
            from: `${r.fromTable}.${r.fromColumn}`,
            to: `${r.toTable}.${r.toColumn}`,
            via: r.via,
            ...(r.found === undefined ? {} : { found: r.found }),
          })),
        },
        null,
        2,
      ),
    );
  } else io.out(tableText(tables, relationships));
  return 0;
}
