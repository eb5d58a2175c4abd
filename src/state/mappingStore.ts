import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Relationship } from '../core/formula/schema';
import type { CanonicalTableName } from '../core/model/canonical';
import {
  type MappingSuggestion,
  suggestMapping,
  suggestMappingFor,
  type TableMapping,
} from '../core/model/mapping';
import type { Plausibility } from '../core/model/mappingPlausibility';
import type { FoundLink } from '../core/model/mappingRelations';
import { type StageOutcomes, suggestStageOutcome } from '../core/model/mappingStage';
import { type MappingProblem, mappingProblem } from '../core/model/mappingValidate';
import { mappingViewSql } from '../core/model/mappingView';
import { duckdb } from '../core/sql/dialect';
import { plainColumn } from '../engine/rows';
import type { DataStore, TableEntry } from './dataStore';
import { detectLinks } from './mappingLinks';
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
import { type LoadedTable, scorecardSchema } from './scorecardSchema';

/** A mapping being edited: the suggestion it started from and the stage values to sort. */
export interface MappingDraft {
  readonly raw: string;
  readonly suggestion: MappingSuggestion;
  readonly mapping: TableMapping;
  /** Distinct values of the column won is read from (the stage, or a text won column). */
  readonly outcomeValues: string[];
  readonly outcomes: StageOutcomes;
}

export interface MappingState {
  /** Mappings in force, by raw table name. */
  applied: Record<string, AppliedMapping>;
  /** Relationships the user keeps beyond the canonical ones (doc.relationships). */
  relationships: Relationship[];
  /** Links found between the scorecard's tables by name and values: recomputed, never saved. */
  detected: FoundLink[];
  /** Bumped each time views were (re)created in the engine, so the scorecard recomputes. */
  viewsVersion: number;
  /** Why the last apply of a table failed in the engine, by raw table. */
  errors: Record<string, string>;

  /** A draft for `raw`: its current mapping, or a fresh suggestion (for `table` when given). */
  draft(raw: string, table?: CanonicalTableName): Promise<MappingDraft | null>;
  /** The distinct values of a column (for the won/lost/open list), at most 200. */
  values(raw: string, column: string): Promise<string[]>;
  /** The dates and durations `mapping` of `raw` would give, measured before it is applied. */
  plausibility(raw: string, mapping: TableMapping): Promise<Plausibility | null>;
  /** What would stop `mapping` of `raw` from holding, without applying it. */
  check(raw: string, mapping: TableMapping): MappingProblem[];
  /** Applies when nothing stops it; returns the problems either way. */
  apply(raw: string, mapping: TableMapping): Promise<MappingProblem[]>;
  /** Drops the view; the raw table stays. A table unmapped by the user is not auto-mapped again. */
  unmap(raw: string): Promise<void>;
  setRelationships(relationships: Relationship[]): void;
  /** Keeps a relationship written in the scorecard's names; it is saved in the raw tables' names. */
  declare(relationship: Relationship): void;
  /**
   * The links the scorecard follows beyond the CRM model's: the declared ones in
   * today's names (raw or canonical, as written), then the found ones.
   */
  links(): Relationship[];
  /** The tables the scorecard computes on: unmapped loaded tables and the canonical views. */
  scorecardTables(): LoadedTable[];
  /** Settles once every mapping started so far (auto-maps included) is in the engine. */
  settled(): Promise<void>;
}

/** What the workbook's document slice needs beyond the state. */
export interface MappingControl {
  /** Takes the mappings of an opened or undone workbook and recreates their views. */
  adoptMappings(applied: Record<string, AppliedMapping>, relationships: Relationship[]): Promise<void>;
  /** Whether the change being notified was the user's ('edit') or the app's own ('derived'). */
  changeKind(): 'edit' | 'derived';
  /**
   * Puts back the mapping of a table whose removal is undone, before the table is listed
   * again: listing it then recreates the view. Not an edit: the removal made none either.
   */
  keepMapping(applied: AppliedMapping): void;
}

export type MappingStore = StoreApi<MappingState> & MappingControl;

const q = duckdb.quoteIdent;
const MAX_VALUES = 200;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function kindsOf(t: Pick<TableEntry, 'columns'>) {
  return Object.fromEntries(t.columns.map((c) => [c.name, c.kind]));
}

/** The column deals.won is read from through its values: a text won column, else the stage. */
function outcomeColumn(mapping: TableMapping, t: TableEntry): string | undefined {
  if (mapping.canonicalTable !== 'deals') return undefined;
  const won = mapping.columns.won;
  if (won !== undefined) return t.columns.find((c) => c.name === won)?.kind === 'text' ? won : undefined;
  return mapping.columns.stage;
}

/**
 * Column mappings of loaded tables onto the canonical CRM model. A table whose
 * headers a CRM preset recognises, with every required column found, is mapped as
 * soon as it loads; any other is mapped by the user from a suggestion that reads
 * the names and a profile of the values (measured once per loaded table). Each mapping is a view named for
 * the canonical table over the raw table, which stays as loaded.
 */
export function createMappingStore(
  data: DataStore,
  // The day dates are "in the future" after, as an ISO day (the engine has no clock without ICU).
  today: () => string = () => new Date().toISOString().slice(0, 10),
): MappingStore {
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

  let changeKind: 'edit' | 'derived' = 'edit';
  const tableOf = (raw: string) => data.getState().tables.find((t) => t.name === raw);
  const measure = createMappingProfiles(() => data.getState().engine());
  // Without a value profile (the engine refused) the suggestion falls back on names alone.
  const profilesOf = (t: TableEntry) => measure(t).catch(() => []);
  const loadedNames = () => data.getState().tables.map((t) => t.name);

  // The store's own steps the data subscription and the slice call on.
  let internal: {
    autoMap(raw: string): Promise<void>;
    reapply(raw: string): Promise<void>;
    createView(raw: string, mapping: TableMapping): Promise<boolean>;
  };

  const store = createStore<MappingState>()((set, get) => {
    const distinct = async (raw: string, column: string): Promise<string[]> => {
      const engine = await data.getState().engine();
      const col = `CAST(${q(column)} AS VARCHAR)`;
      const result = await engine.query(
        `SELECT ${col} AS v, COUNT(*) AS n FROM ${q(raw)} WHERE ${q(column)} IS NOT NULL GROUP BY 1 ORDER BY n DESC, v LIMIT ${MAX_VALUES}`,
      );
      return plainColumn(result, 'v').map((v) => String(v));
    };

    /** Creates (or replaces) the view; false with the reason kept when the engine refuses. */
    const createView = async (raw: string, mapping: TableMapping): Promise<boolean> => {
      try {
        const engine = await data.getState().engine();
        await engine.query(
          mappingViewSql(
            raw,
            mapping,
            (tableOf(raw)?.columns ?? []).map((c) => c.name),
            { kinds: kindsOf(tableOf(raw) ?? { columns: [] }) },
          ),
        );
        set((s) => {
          const { [raw]: _gone, ...errors } = s.errors;
          return { errors };
        });
        return true;
      } catch (e) {
        set((s) => ({ errors: { ...s.errors, [raw]: messageOf(e) } }));
        return false;
      }
    };

    const dropView = async (view: string) => {
      const engine = await data.getState().engine();
      await engine.query(`DROP VIEW IF EXISTS ${q(view)}`).catch(() => undefined);
    };

    const withOutcomes = async (raw: string, mapping: TableMapping) => {
      const t = tableOf(raw);
      const column = t === undefined ? undefined : outcomeColumn(mapping, t);
      const values = column === undefined ? [] : await distinct(raw, column);
      const outcomes = suggestStageOutcome(values);
      return { values, outcomes };
    };

    /** Maps a newly loaded table when a preset recognises every required column. */
    const autoMap = (raw: string) =>
      enqueue(async () => {
        const gen = generation;
        const t = tableOf(raw);
        if (t === undefined || dismissed.has(raw) || get().applied[raw] !== undefined) return;
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
        if (hasErrors(get().check(raw, mapping))) return;
        if (!(await createView(raw, mapping)) || gen !== generation) return;
        changeKind = 'derived';
        set((st) => ({
          applied: {
            ...st.applied,
            [raw]: { raw, mapping, auto: { crm: s.preset!.crm, label: s.preset!.label } },
          },
          viewsVersion: st.viewsVersion + 1,
        }));
        changeKind = 'edit';
      });

    /** Recreates the view of a table read again; a mapping that no longer holds is dropped. */
    const reapply = (raw: string) =>
      enqueue(async () => {
        const a = get().applied[raw];
        if (a === undefined) return;
        if (hasErrors(get().check(raw, a.mapping))) {
          await dropView(a.mapping.canonicalTable);
          set((s) => ({ viewsVersion: s.viewsVersion + 1 }));
          return;
        }
        await createView(raw, a.mapping);
        set((s) => ({ viewsVersion: s.viewsVersion + 1 }));
      });

    internal = { autoMap, reapply, createView };

    return {
      applied: {},
      relationships: [],
      detected: [],
      viewsVersion: 0,
      errors: {},

      async draft(raw, table) {
        const t = tableOf(raw);
        if (t === undefined) return null;
        const headers = t.columns.map((c) => c.name);
        const current = get().applied[raw]?.mapping;
        const profiles = await profilesOf(t);
        const suggestion =
          table === undefined
            ? current === undefined
              ? suggestMapping(headers, kindsOf(t), profiles)
              : suggestMappingFor(current.canonicalTable, headers, kindsOf(t), profiles)
            : suggestMappingFor(table, headers, kindsOf(t), profiles);
        const mapping =
          current !== undefined && (table === undefined || table === current.canonicalTable)
            ? current
            : suggestion.mapping;
        const { values, outcomes } = await withOutcomes(raw, mapping);
        const saved = mapping.stageOutcomes;
        const chosen: StageOutcomes =
          saved === undefined
            ? outcomes
            : {
                won: values.filter((v) => saved.won.includes(v)),
                lost: values.filter((v) => saved.lost.includes(v)),
                open: values.filter((v) => !saved.won.includes(v) && !saved.lost.includes(v)),
              };
        const withStages: TableMapping =
          saved === undefined && values.length > 0
            ? { ...mapping, stageOutcomes: { won: chosen.won, lost: chosen.lost } }
            : mapping;
        return { raw, suggestion, mapping: withStages, outcomeValues: values, outcomes: chosen };
      },

      values(raw, column) {
        return distinct(raw, column);
      },

      async plausibility(raw, mapping) {
        const t = tableOf(raw);
        if (t === undefined) return null;
        return measurePlausibility(await data.getState().engine(), t, mapping, today());
      },

      check(raw, mapping) {
        const t = tableOf(raw);
        if (t === undefined) return [mappingProblem(raw, 'error', 'not-loaded', { table: raw })];
        return mappingProblems(raw, mapping, t.columns, loadedNames(), get().applied);
      },

      apply(raw, mapping) {
        return enqueue(async () => {
          const problems = get().check(raw, mapping);
          if (hasErrors(problems)) return problems;
          const before = get().applied[raw];
          if (before !== undefined && before.mapping.canonicalTable !== mapping.canonicalTable) {
            await dropView(before.mapping.canonicalTable);
          }
          if (!(await createView(raw, mapping))) {
            return [
              ...problems,
              mappingProblem(raw, 'error', 'view-failed', { message: get().errors[raw] ?? '' }),
            ];
          }
          dismissed.delete(raw);
          set((s) => ({
            applied: { ...s.applied, [raw]: { raw, mapping, auto: null } },
            viewsVersion: s.viewsVersion + 1,
          }));
          return problems;
        });
      },

      unmap(raw) {
        return enqueue(async () => {
          const a = get().applied[raw];
          dismissed.add(raw);
          if (a === undefined) return;
          await dropView(a.mapping.canonicalTable);
          set((s) => {
            const { [raw]: _gone, ...applied } = s.applied;
            return { applied, viewsVersion: s.viewsVersion + 1 };
          });
        });
      },

      setRelationships(relationships) {
        set({ relationships });
      },

      declare(relationship) {
        const r = declaredRelationship(relationship, {
          loaded: data.getState().tables,
          applied: get().applied,
        });
        if (get().relationships.some((x) => JSON.stringify(x) === JSON.stringify(r))) return;
        set((s) => ({ relationships: [...s.relationships, r] }));
      },

      links() {
        return scorecardLinks(get().relationships, get().detected, data.getState().tables, get().applied);
      },

      scorecardTables() {
        return scorecardTables(data.getState().tables, get().applied);
      },

      async settled() {
        // Jobs may queue more jobs (a load auto-maps); wait until the queue is quiet.
        let last: Promise<unknown> | null = null;
        while (last !== work) {
          last = work;
          await last;
        }
      },
    };
  });

  // Links are measured again after every change of tables or views, once per burst of changes.
  let linksQueued = false;
  const findLinks = () => {
    if (linksQueued) return;
    linksQueued = true;
    void enqueue(async () => {
      linksQueued = false;
      const engine = await data.getState().engine();
      const tables = scorecardTables(data.getState().tables, store.getState().applied);
      const { relationships, applied } = store.getState();
      const known = [
        ...scorecardSchema(tables).relationships,
        ...relationships.map((r) => currentRelationship(r, { loaded: data.getState().tables, applied })),
      ];
      const detected = await detectLinks(engine, tables, known);
      if (JSON.stringify(detected) !== JSON.stringify(store.getState().detected))
        store.setState({ detected });
    });
  };
  store.subscribe((s, prev) => {
    if (s.viewsVersion !== prev.viewsVersion) findLinks();
  });

  data.subscribe((s, prev) => {
    if (s.tables === prev.tables) return;
    const before = new Map(prev.tables.map((t) => [t.name, t]));
    const now = new Set(s.tables.map((t) => t.name));
    for (const [name] of before) {
      if (now.has(name)) continue;
      const a = store.getState().applied[name];
      if (a === undefined) continue;
      void enqueue(async () => {
        const engine = await data.getState().engine();
        await engine.query(`DROP VIEW IF EXISTS ${q(a.mapping.canonicalTable)}`).catch(() => undefined);
        changeKind = 'derived';
        store.setState((st) => {
          const { [name]: _gone, ...applied } = st.applied;
          return { applied, viewsVersion: st.viewsVersion + 1 };
        });
        changeKind = 'edit';
      });
    }
    for (const t of s.tables) {
      const old = before.get(t.name);
      if (old === t) continue;
      if (store.getState().applied[t.name] !== undefined) void internal.reapply(t.name);
      else if (old === undefined) void internal.autoMap(t.name);
    }
    findLinks();
  });

  const control: MappingControl = {
    adoptMappings(applied, relationships) {
      generation++;
      const previous = store.getState().applied;
      for (const t of data.getState().tables) dismissed.add(t.name);
      for (const name of Object.keys(applied)) dismissed.add(name);
      store.setState({ applied, relationships });
      return enqueue(async () => {
        const engine = await data.getState().engine();
        for (const a of Object.values(previous)) {
          const still = applied[a.raw];
          if (still === undefined || still.mapping.canonicalTable !== a.mapping.canonicalTable) {
            await engine.query(`DROP VIEW IF EXISTS ${q(a.mapping.canonicalTable)}`).catch(() => undefined);
          }
        }
        for (const a of Object.values(applied)) await internal.createView(a.raw, a.mapping);
        store.setState((st) => ({ viewsVersion: st.viewsVersion + 1 }));
      });
    },
    changeKind: () => changeKind,
    keepMapping(a) {
      changeKind = 'derived';
      store.setState((st) => ({ applied: { ...st.applied, [a.raw]: a } }));
      changeKind = 'edit';
    },
  };
  return Object.assign(store, control);
}
