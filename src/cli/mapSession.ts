import { createMappingService, type MappingService } from '../app/mapping/mappingService';
import { hasErrors } from '../app/mapping/mappingTables';
import type { Relationship } from '../core/formula/schema';
import type { MappingSuggestion } from '../core/model/mapping';
import type { StageOutcomes } from '../core/model/mappingStage';
import type { MappingProblem } from '../core/model/mappingValidate';
import { type LoadedTable, scorecardSchema } from '../core/model/scorecardSchema';
import type { Engine } from '../engine/engine';
import type { ImportResult } from '../engine/ingest/types';
import { UsageError } from './args';

/** What the app suggests for one loaded table, and whether it holds (mapping.check). */
export interface TableSuggestion {
  readonly raw: string;
  readonly sourceName: string;
  readonly rows: number;
  readonly suggestion: MappingSuggestion;
  /** The mapping the mapping dialog would open with: the suggestion plus won/lost stage values. */
  readonly mapping: MappingSuggestion['mapping'];
  /** The column deals.won is read from, with its values sorted; null when the table has none. */
  readonly stages: (StageOutcomes & { readonly column: string }) | null;
  readonly problems: MappingProblem[];
  /** Whether `--map auto` applies it: a good match with nothing stopping it. */
  readonly applied: boolean;
}

/**
 * How a relationship was found: the canonical model's keys, or a column whose values
 * are found in another table's key (`found`: the share of its distinct values found).
 */
export interface FoundRelationship extends Relationship {
  readonly via: 'model' | 'values';
  readonly found?: number;
}

/** A loaded table as the CLI reports it. */
interface SessionTable extends LoadedTable {
  readonly sourceName: string;
  readonly rows: number;
}

/** The app's mapping service over the CLI's engine, and the tables it maps. */
interface MappingSession {
  readonly mapping: MappingService;
  tables(): readonly SessionTable[];
}

const MAP_MODES = ['auto'] as const;

/** `--map auto` → true; absent → false; anything else is refused. */
export function mapAuto(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (!(MAP_MODES as readonly string[]).includes(value))
    throw new UsageError(`--map takes ${MAP_MODES.join(', ')}; got “${value}”.`);
  return true;
}

/** The mapping service over `engine`, with `imports` loaded: a preset-recognised table is mapped at once. */
export function mappingSession(engine: Engine, imports: readonly ImportResult[] = []): MappingSession {
  return sessionOver(
    engine,
    imports.map((r) => ({ name: r.table, sourceName: r.sourceName, rows: r.rows, columns: r.columns })),
  );
}

/** The mapping service over tables already in the engine (an opened workbook's, say). */
export function sessionOver(engine: Engine, tables: readonly SessionTable[]): MappingSession {
  const mapping = createMappingService({ engine: async () => engine, tables: () => tables });
  if (tables.length > 0) mapping.tablesChanged([], tables);
  return { mapping, tables: () => tables };
}

/**
 * The suggestion the mapping dialog opens with for each loaded table (the service's own
 * draft, so names, values and stage outcomes are read exactly as in the app), applied
 * when `apply` is set, it is a good match, and the service's check finds nothing that stops
 * it. Tables a CRM preset already mapped on load keep that mapping.
 */
async function suggestAll(session: MappingSession, apply: boolean): Promise<TableSuggestion[]> {
  const { mapping } = session;
  await mapping.settled();
  const out: TableSuggestion[] = [];
  for (const t of session.tables()) {
    const draft = await mapping.draft(t.name);
    if (draft === null) continue;
    const { suggestion } = draft;
    const already = mapping.state().applied[t.name] !== undefined;
    let problems = mapping.check(t.name, draft.mapping);
    let applied = already;
    if (!already && apply && !suggestion.noGoodMatch && !hasErrors(problems)) {
      problems = await mapping.apply(t.name, draft.mapping);
      applied = mapping.state().applied[t.name] !== undefined;
    }
    const column = stageColumn(draft.mapping, draft.outcomeValues);
    out.push({
      raw: t.name,
      sourceName: t.sourceName,
      rows: t.rows,
      suggestion,
      mapping: draft.mapping,
      stages: column === undefined ? null : { column, ...draft.outcomes },
      problems,
      applied,
    });
  }
  return out;
}

/** The column stage outcomes were read from: a won column given as text, else the stage. */
function stageColumn(m: MappingSuggestion['mapping'], values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  return m.columns.won ?? m.columns.stage;
}

const keyOf = (r: Relationship) => `${r.fromTable}.${r.fromColumn}→${r.toTable}.${r.toColumn}`;

/**
 * The links in force between the tables the scorecard sees, as the app uses them: the
 * canonical model's, then those the mapping service found by values (it measures them
 * after every change of views, so they are known once it has settled).
 */
function relationshipsFound(session: MappingSession): FoundRelationship[] {
  const { mapping } = session;
  const model = scorecardSchema(mapping.scorecardTables()).relationships.map((r) => ({
    ...r,
    via: 'model' as const,
  }));
  const seen = new Set(model.map(keyOf));
  const byValues = mapping
    .state()
    .detected.filter((r) => !seen.has(keyOf(r)))
    .map((r) => ({
      fromTable: r.fromTable,
      fromColumn: r.fromColumn,
      toTable: r.toTable,
      toColumn: r.toColumn,
      via: 'values' as const,
      found: r.foundShare,
    }));
  return [...model, ...byValues];
}

/**
 * Applies every suggestion that holds, as a user confirming each one in the dialog
 * would; returns what was suggested and the relationships in force (found links are
 * used at once, in the app as here).
 */
export async function autoMap(
  session: MappingSession,
): Promise<{ tables: TableSuggestion[]; relationships: FoundRelationship[] }> {
  const tables = await suggestAll(session, true);
  await session.mapping.settled();
  return { tables, relationships: relationshipsFound(session) };
}

/**
 * The tables a formula can name once mapped: what the scorecard sees (canonical views
 * and unmapped tables) plus each mapped table under its own name, so `--data` names
 * keep working next to the canonical ones.
 */
export function reachableTables(session: MappingSession): LoadedTable[] {
  const { applied } = session.mapping.state();
  return [
    ...session.mapping.scorecardTables(),
    ...session.tables().filter((t) => applied[t.name] !== undefined),
  ];
}

/** One line on stderr per table `--map auto` left as loaded, saying why. */
export function skippedNotes(tables: readonly TableSuggestion[]): string[] {
  return tables
    .filter((t) => !t.applied)
    .map((t) => {
      const why = t.suggestion.noGoodMatch
        ? 'no canonical table fits it well'
        : (t.problems.find((p) => p.severity === 'error')?.message ?? 'it was not applied');
      return `note: ${t.raw} (${t.sourceName}) was left unmapped: ${why}.`;
    });
}
