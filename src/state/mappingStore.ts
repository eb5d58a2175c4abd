import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  createMappingService,
  type MappingDraft,
  type MappingService,
  type MappingSnapshot,
} from '../app/mapping/mappingService';
import type { AppliedMapping } from '../app/mapping/mappingTables';
import type { Relationship } from '../core/formula/schema';
import type { CanonicalTableName } from '../core/model/canonical';
import type { TableMapping } from '../core/model/mapping';
import type { Plausibility } from '../core/model/mappingPlausibility';
import type { MappingProblem } from '../core/model/mappingValidate';
import type { LoadedTable } from '../core/model/scorecardSchema';
import type { DataStore } from './dataStore';

export type { MappingDraft } from '../app/mapping/mappingService';

/** The service's snapshot (mappings, relationships, found links, views version, errors) and its actions. */
export interface MappingState extends MappingSnapshot {
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

export type MappingStore = StoreApi<MappingState> &
  MappingControl & {
    /** The service behind the store, for callers that drive it directly (the CLI's `--map auto`). */
    readonly service: MappingService;
  };

/**
 * The mapping service's state for the page, over the data store's tables: the service
 * does the work in the engine and tells the store each change; the store follows the
 * data store's tables for it.
 */
export function createMappingStore(
  data: DataStore,
  // The day dates are "in the future" after, as an ISO day (the engine has no clock without ICU).
  today: () => string = () => new Date().toISOString().slice(0, 10),
): MappingStore {
  let changeKind: 'edit' | 'derived' = 'edit';
  // Set once the store exists: the service reports no change before its first action.
  let store: StoreApi<MappingState> | null = null;
  const service = createMappingService({
    engine: () => data.getState().engine(),
    tables: () => data.getState().tables,
    today,
    changed(snapshot, kind) {
      changeKind = kind;
      try {
        store?.setState(snapshot);
      } finally {
        changeKind = 'edit';
      }
    },
  });
  store = createStore<MappingState>()(() => ({
    ...service.state(),
    draft: (raw, table) => service.draft(raw, table),
    values: (raw, column) => service.values(raw, column),
    plausibility: (raw, mapping) => service.plausibility(raw, mapping),
    check: (raw, mapping) => service.check(raw, mapping),
    apply: (raw, mapping) => service.apply(raw, mapping),
    unmap: (raw) => service.unmap(raw),
    setRelationships: (relationships) => service.setRelationships(relationships),
    declare: (relationship) => service.declare(relationship),
    links: () => service.links(),
    scorecardTables: () => service.scorecardTables(),
    settled: () => service.settled(),
  }));
  data.subscribe((s, prev) => {
    if (s.tables !== prev.tables) service.tablesChanged(prev.tables, s.tables);
  });
  const control: MappingControl = {
    adoptMappings: (applied, relationships) => service.adopt(applied, relationships),
    changeKind: () => changeKind,
    keepMapping: (a) => service.keep(a),
  };
  return Object.assign(store, control, { service });
}
