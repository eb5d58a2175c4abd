import type { Relationship } from '../../core/formula/schema';
import type { CanonicalTableName } from '../../core/model/canonical';
import {
  type MappingSuggestion,
  suggestMapping,
  suggestMappingFor,
  type TableMapping,
} from '../../core/model/mapping';
import type { Plausibility } from '../../core/model/mappingPlausibility';
import type { FoundLink } from '../../core/model/mappingRelations';
import { type StageOutcomes, suggestStageOutcome } from '../../core/model/mappingStage';
import { type MappingProblem, mappingProblem } from '../../core/model/mappingValidate';
import { mappingViewSql } from '../../core/model/mappingView';
import { type LoadedTable, scorecardSchema } from '../../core/model/scorecardSchema';
import { duckdb } from '../../core/sql/dialects/registry';
import { dropSql } from '../../core/sql/tableDdl';
import type { Engine } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';
import { plainColumn } from '../../engine/rows';
import { createLinkMeasures, detectLinks } from './mappingLinks';
import { measurePlausibility } from './mappingPlausibility';
import { createMappingProfiles } from './mappingProfiles';
import {
  type AppliedMapping,
  currentRelationship,
  declaredRelationship,
  hasErrors,
  mappingProblems,
  scorecardLinks,
  scorecardTables,
} from './mappingTables';

/** A mapping being edited: the suggestion it started from and the stage values to sort. */
export interface MappingDraft {
  readonly raw: string;
  readonly suggestion: MappingSuggestion;
  readonly mapping: TableMapping;
  /** Distinct values of the column won is read from (the stage, or a text won column). */
  readonly outcomeValues: string[];
  readonly outcomes: StageOutcomes;
}

/** What the service holds: what the mapping store shows, and the workbook saves in part. */
export interface MappingSnapshot {
  /** Mappings in force, by raw table name. */
  readonly applied: Readonly<Record<string, AppliedMapping>>;
  /** Relationships the user keeps beyond the canonical ones (doc.relationships). */
  readonly relationships: readonly Relationship[];
  /** Links found between the scorecard's tables by name and values: recomputed, never saved. */
  readonly detected: readonly FoundLink[];
  /** Bumped each time views were (re)created in the engine, so the scorecard recomputes. */
  readonly viewsVersion: number;
  /** Why the last apply of a table failed in the engine, by raw table. */
  readonly errors: Readonly<Record<string, string>>;
}

interface MappingServiceDeps {
  engine(): Promise<Engine>;
  /** The loaded raw tables now; a table read again is a new object (its profile is measured again). */
  tables(): readonly LoadedTable[];
  /** The day dates are "in the future" after, as an ISO day (the engine has no clock without ICU). */
  today?(): string;
  /** Told every change: `kind` says whether the user made it ('edit') or the app on its own ('derived'). */
  changed?(snapshot: MappingSnapshot, kind: 'edit' | 'derived'): void;
}

const q = duckdb.quoteIdent;
const MAX_VALUES = 200;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const kindsOf = (t: LoadedTable) => Object.fromEntries(t.columns.map((c) => [c.name, c.kind]));

/** The column deals.won is read from through its values: a text won column, else the stage. */
function outcomeColumn(mapping: TableMapping, t: LoadedTable): string | undefined {
  if (mapping.canonicalTable !== 'deals') return undefined;
  const won = mapping.columns.won;
  if (won !== undefined) return t.columns.find((c) => c.name === won)?.kind === 'text' ? won : undefined;
  return mapping.columns.stage;
}

/** The sorting of `values` a mapping keeps, or the suggested one when it keeps none. */
function chosenOutcomes(saved: TableMapping['stageOutcomes'], values: string[], suggested: StageOutcomes) {
  if (saved === undefined) return suggested;
  return {
    won: values.filter((v) => saved.won.includes(v)),
    lost: values.filter((v) => saved.lost.includes(v)),
    open: values.filter((v) => !saved.won.includes(v) && !saved.lost.includes(v)),
  };
}

/**
 * Column mappings of loaded tables onto the canonical CRM model, made in the engine. A table
 * whose headers a CRM preset recognises, with every required column found, is mapped as soon
 * as it loads; any other is mapped by the user from a suggestion that reads the names and a
 * profile of the values (measured once per loaded table). Each mapping is a view named for the
 * canonical table over the raw table, which stays as loaded. Engine work runs one job at a time.
 */
export function createMappingService(deps: MappingServiceDeps) {
  let state: MappingSnapshot = { applied: {}, relationships: [], detected: [], viewsVersion: 0, errors: {} };
  const update = (patch: Partial<MappingSnapshot>, kind: 'edit' | 'derived' = 'edit') => {
    const viewsChanged = patch.viewsVersion !== undefined && patch.viewsVersion !== state.viewsVersion;
    state = { ...state, ...patch };
    deps.changed?.(state, kind);
    if (viewsChanged) findLinks();
  };
  const bumpViews = () => ({ viewsVersion: state.viewsVersion + 1 });
  const withoutRaw = <T>(record: Readonly<Record<string, T>>, raw: string) => {
    const { [raw]: _gone, ...rest } = record;
    return rest;
  };

  // Tables the user unmapped, and tables that came with a workbook: never auto-mapped.
  const dismissed = new Set<string>();
  // Bumped when a workbook is adopted: work started before it is dropped.
  let generation = 0;
  let work: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const p = work.then(job, job);
    work = p.catch(() => undefined);
    return p;
  };

  const tableOf = (raw: string) => deps.tables().find((t) => t.name === raw);
  const measure = createMappingProfiles(deps.engine);
  // Without a value profile (the engine refused) the suggestion falls back on names alone.
  const profilesOf = (t: LoadedTable) => measure(t).catch(() => []);

  const distinct = async (raw: string, column: string): Promise<string[]> => {
    const engine = await deps.engine();
    const col = `CAST(${q(column)} AS VARCHAR)`;
    const result = await engine.query(
      `SELECT ${col} AS v, COUNT(*) AS n FROM ${q(raw)} WHERE ${q(column)} IS NOT NULL GROUP BY 1 ORDER BY n DESC, v LIMIT ${MAX_VALUES}`,
    );
    return plainColumn(result, 'v').map((v) => String(v));
  };

  /** Creates (or replaces) the view; false with the reason kept when the engine refuses. */
  const createView = async (raw: string, mapping: TableMapping): Promise<boolean> => {
    const t = tableOf(raw) ?? { name: raw, columns: [] };
    try {
      const engine = await deps.engine();
      const headers = t.columns.map((c) => c.name);
      // The engine's own dialect: read in place, the views are PostgreSQL's (src/cli/inPlace.ts).
      await engine.query(
        mappingViewSql(raw, mapping, headers, { kinds: kindsOf(t), dialect: engineDialect(engine) }),
      );
      update({ errors: withoutRaw(state.errors, raw) });
      return true;
    } catch (e) {
      update({ errors: { ...state.errors, [raw]: messageOf(e) } });
      return false;
    }
  };

  const dropView = async (view: string) => {
    const engine = await deps.engine();
    await engine.query(dropSql(engineDialect(engine), view, 'VIEW')).catch(() => undefined);
  };

  const withOutcomes = async (raw: string, mapping: TableMapping) => {
    const t = tableOf(raw);
    const column = t === undefined ? undefined : outcomeColumn(mapping, t);
    const values = column === undefined ? [] : await distinct(raw, column);
    return { values, outcomes: suggestStageOutcome(values) };
  };

  const check = (raw: string, mapping: TableMapping): MappingProblem[] => {
    const t = tableOf(raw);
    if (t === undefined) return [mappingProblem(raw, 'error', 'not-loaded', { table: raw })];
    const loaded = deps.tables().map((x) => x.name);
    return mappingProblems(raw, mapping, t.columns, loaded, state.applied);
  };

  /** Maps a newly loaded table when a preset recognises every required column. */
  const autoMap = (raw: string) =>
    enqueue(async () => {
      const gen = generation;
      const t = tableOf(raw);
      if (t === undefined || dismissed.has(raw) || state.applied[raw] !== undefined) return;
      const headers = t.columns.map((c) => c.name);
      // Only an export a preset recognises by name is mapped unasked; the values are measured
      // (and the engine kept busy) only for those, then confirm the table.
      if (suggestMapping(headers, kindsOf(t)).preset === null) return;
      const profiles = await profilesOf(t);
      if (gen !== generation) return;
      const s = suggestMapping(headers, kindsOf(t), profiles);
      if (s.preset === null || s.noGoodMatch || s.missingRequired.length > 0) return;
      let mapping: TableMapping = s.mapping;
      if (outcomeColumn(mapping, t) !== undefined) {
        const { outcomes } = await withOutcomes(raw, mapping);
        if (gen !== generation) return;
        // Without a single won or lost value the outcome is a guess: leave it to the user.
        if (outcomes.won.length === 0 && outcomes.lost.length === 0) return;
        mapping = { ...mapping, stageOutcomes: { won: outcomes.won, lost: outcomes.lost } };
      }
      if (hasErrors(check(raw, mapping))) return;
      if (!(await createView(raw, mapping)) || gen !== generation) return;
      const auto = { crm: s.preset.crm, label: s.preset.label };
      update({ applied: { ...state.applied, [raw]: { raw, mapping, auto } }, ...bumpViews() }, 'derived');
    });

  /** Recreates the view of a table read again; a mapping that no longer holds is dropped. */
  const reapply = (raw: string) =>
    enqueue(async () => {
      const a = state.applied[raw];
      if (a === undefined) return;
      if (hasErrors(check(raw, a.mapping))) await dropView(a.mapping.canonicalTable);
      else await createView(raw, a.mapping);
      update(bumpViews());
    });

  /** A loaded table went: its view goes with it (the app's doing, not an edit). */
  const forget = (raw: string, a: AppliedMapping) =>
    enqueue(async () => {
      await dropView(a.mapping.canonicalTable);
      update({ applied: withoutRaw(state.applied, raw), ...bumpViews() }, 'derived');
    });

  // Links are looked for again after every change of tables or views, once per burst of
  // changes; what was measured already costs no query (mappingLinks.ts).
  let linksQueued = false;
  const measures = createLinkMeasures();
  function findLinks() {
    if (linksQueued) return;
    linksQueued = true;
    void enqueue(async () => {
      linksQueued = false;
      const engine = await deps.engine();
      const loaded = deps.tables();
      const { relationships, applied } = state;
      const known = [
        ...scorecardSchema(scorecardTables(loaded, applied)).relationships,
        ...relationships.map((r) => currentRelationship(r, { loaded, applied })),
      ];
      const detected = await detectLinks(engine, scorecardTables(loaded, applied), known, measures);
      if (JSON.stringify(detected) !== JSON.stringify(state.detected)) update({ detected });
    });
  }

  return {
    state: (): MappingSnapshot => state,

    /** A draft for `raw`: its current mapping, or a fresh suggestion (for `table` when given). */
    async draft(raw: string, table?: CanonicalTableName): Promise<MappingDraft | null> {
      const t = tableOf(raw);
      if (t === undefined) return null;
      const headers = t.columns.map((c) => c.name);
      const current = state.applied[raw]?.mapping;
      const profiles = await profilesOf(t);
      const target = table ?? current?.canonicalTable;
      const suggestion =
        target === undefined
          ? suggestMapping(headers, kindsOf(t), profiles)
          : suggestMappingFor(target, headers, kindsOf(t), profiles);
      const mapping =
        current !== undefined && (table === undefined || table === current.canonicalTable)
          ? current
          : suggestion.mapping;
      const { values, outcomes } = await withOutcomes(raw, mapping);
      const saved = mapping.stageOutcomes;
      const chosen = chosenOutcomes(saved, values, outcomes);
      const withStages: TableMapping =
        saved === undefined && values.length > 0
          ? { ...mapping, stageOutcomes: { won: chosen.won, lost: chosen.lost } }
          : mapping;
      return { raw, suggestion, mapping: withStages, outcomeValues: values, outcomes: chosen };
    },

    /** The distinct values of a column (for the won/lost/open list), at most 200. */
    values: distinct,

    /** The dates and durations `mapping` of `raw` would give, measured before it is applied. */
    async plausibility(raw: string, mapping: TableMapping): Promise<Plausibility | null> {
      const t = tableOf(raw);
      if (t === undefined) return null;
      const today = deps.today?.() ?? new Date().toISOString().slice(0, 10);
      return measurePlausibility(await deps.engine(), t, mapping, today);
    },

    /** What would stop `mapping` of `raw` from holding, without applying it. */
    check,

    /** Applies when nothing stops it; returns the problems either way. */
    apply(raw: string, mapping: TableMapping): Promise<MappingProblem[]> {
      return enqueue(async () => {
        const problems = check(raw, mapping);
        if (hasErrors(problems)) return problems;
        const before = state.applied[raw];
        if (before !== undefined && before.mapping.canonicalTable !== mapping.canonicalTable)
          await dropView(before.mapping.canonicalTable);
        if (!(await createView(raw, mapping)))
          return [
            ...problems,
            mappingProblem(raw, 'error', 'view-failed', { message: state.errors[raw] ?? '' }),
          ];
        dismissed.delete(raw);
        update({ applied: { ...state.applied, [raw]: { raw, mapping, auto: null } }, ...bumpViews() });
        return problems;
      });
    },

    /** Drops the view; the raw table stays. A table unmapped by the user is not auto-mapped again. */
    unmap(raw: string): Promise<void> {
      return enqueue(async () => {
        const a = state.applied[raw];
        dismissed.add(raw);
        if (a === undefined) return;
        await dropView(a.mapping.canonicalTable);
        update({ applied: withoutRaw(state.applied, raw), ...bumpViews() });
      });
    },

    setRelationships(relationships: Relationship[]) {
      update({ relationships });
    },

    /** Keeps a relationship written in the scorecard's names; it is saved in the raw tables' names. */
    declare(relationship: Relationship) {
      const r = declaredRelationship(relationship, { loaded: deps.tables(), applied: state.applied });
      if (state.relationships.some((x) => JSON.stringify(x) === JSON.stringify(r))) return;
      update({ relationships: [...state.relationships, r] });
    },

    /** The declared links in today's names, then the found ones: what the scorecard follows beyond the model's. */
    links: (): Relationship[] =>
      scorecardLinks(state.relationships, state.detected, deps.tables(), state.applied),

    /** The tables the scorecard computes on: unmapped loaded tables and the canonical views. */
    scorecardTables: (): LoadedTable[] => scorecardTables(deps.tables(), state.applied),

    /** Settles once every mapping started so far (auto-maps included) is in the engine. */
    async settled() {
      // Jobs may queue more jobs (a load auto-maps); wait until the queue is quiet.
      let last: Promise<unknown> | null = null;
      while (last !== work) {
        last = work;
        await last;
      }
    },

    /**
     * The loaded tables changed from `before` to `now`: a removed table's view goes, a table
     * read again is mapped again, and a new one is auto-mapped when a preset recognises it.
     */
    tablesChanged(before: readonly LoadedTable[], now: readonly LoadedTable[]) {
      const old = new Map(before.map((t) => [t.name, t]));
      const names = new Set(now.map((t) => t.name));
      for (const [name] of old) {
        const a = state.applied[name];
        if (!names.has(name) && a !== undefined) void forget(name, a);
      }
      for (const t of now) {
        const was = old.get(t.name);
        if (was === t) continue;
        if (state.applied[t.name] !== undefined) void reapply(t.name);
        else if (was === undefined) void autoMap(t.name);
      }
      findLinks();
    },

    /** Takes the mappings of an opened or undone workbook and recreates their views. */
    adopt(applied: Record<string, AppliedMapping>, relationships: Relationship[]): Promise<void> {
      generation++;
      const previous = state.applied;
      for (const t of deps.tables()) dismissed.add(t.name);
      for (const name of Object.keys(applied)) dismissed.add(name);
      update({ applied, relationships });
      return enqueue(async () => {
        for (const a of Object.values(previous)) {
          const still = applied[a.raw];
          if (still === undefined || still.mapping.canonicalTable !== a.mapping.canonicalTable)
            await dropView(a.mapping.canonicalTable);
        }
        for (const a of Object.values(applied)) await createView(a.raw, a.mapping);
        update(bumpViews());
      });
    },

    /**
     * Puts back the mapping of a table whose removal is undone, before the table is listed
     * again: listing it then recreates the view. Not an edit: the removal made none either.
     */
    keep(a: AppliedMapping) {
      update({ applied: { ...state.applied, [a.raw]: a } }, 'derived');
    },
  };
}

export type MappingService = ReturnType<typeof createMappingService>;
