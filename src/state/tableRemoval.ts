import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppliedMapping } from '../app/mapping/mappingTables';
import type { DataStore, TakenTable } from './dataStore';

/** A removed table the user can still bring back, exactly as it was. */
export interface RemovedTable {
  readonly table: string;
  /** The canonical table its mapping made, when it was mapped. */
  readonly mappedAs: string | null;
}

/** Why a removal or its undo did not happen, with the table it was about. */
export interface RemovalProblem {
  readonly code: 'remove-failed' | 'undo-taken' | 'undo-failed';
  readonly table: string;
}

export interface TableRemovalState {
  /** The last removal, while it can be undone. */
  removed: RemovedTable | null;
  problem: RemovalProblem | null;
  /** Takes the table out of the workbook; the previous removal, if any, becomes final. */
  remove(table: string): Promise<boolean>;
  /** Brings the last removed table back with its rows and mapping. */
  undo(): Promise<boolean>;
  /** Makes the last removal final (the undo lapsed, the workbook is saved or replaced). */
  commit(): Promise<void>;
  dismissProblem(): void;
}

type TableRemoval = StoreApi<TableRemovalState>;

/** What the removal needs of the mapping store: read a table's mapping, put it back. */
interface RemovalMappings {
  getState(): { applied: Readonly<Record<string, AppliedMapping>> };
  keepMapping(applied: AppliedMapping): void;
}

interface Held {
  taken: TakenTable;
  aside: string;
  mapping: AppliedMapping | undefined;
}

/**
 * Removing a table with an undo. The table is renamed aside in the engine, not dropped,
 * and leaves the list: the workbook, autosave and the scorecard see it gone (its mapping's
 * view goes with it, and KPIs that read it fold among the unavailable ones). Undo renames
 * it back and lists it again with its mapping, rows untouched. Only the rename lives in
 * the engine's memory, so a reload in between keeps the removal, as autosave wrote it.
 */
export function createTableRemoval(data: DataStore, mappings: RemovalMappings): TableRemoval {
  let held: Held | null = null;
  // Removals, undos and commits run one at a time, in the order asked.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const p = chain.then(job, job);
    chain = p.catch(() => undefined);
    return p;
  };

  const drop = (h: Held) =>
    data
      .getState()
      .dropUnlisted(h.aside)
      .catch(() => undefined);

  return createStore<TableRemovalState>()((set) => {
    const commitNow = async () => {
      const h = held;
      held = null;
      set({ removed: null });
      if (h) await drop(h);
    };

    return {
      removed: null,
      problem: null,

      remove(table) {
        return serial(async () => {
          await commitNow();
          if (!data.getState().tables.some((t) => t.name === table)) return false;
          let aside: string;
          try {
            aside = await data.getState().setAside(table);
          } catch {
            set({ problem: { code: 'remove-failed', table } });
            return false;
          }
          const mapping = mappings.getState().applied[table];
          const taken = data.getState().takeOut(table);
          if (taken === null) return false;
          held = { taken, aside, mapping };
          set({
            removed: { table, mappedAs: mapping?.mapping.canonicalTable ?? null },
            problem: null,
          });
          return true;
        });
      },

      undo() {
        return serial(async () => {
          const h = held;
          if (h === null) return false;
          const table = h.taken.entry.name;
          // A table loaded under the same name since: the user decides which one stays.
          if (data.getState().tables.some((t) => t.name.toLowerCase() === table.toLowerCase())) {
            set({ problem: { code: 'undo-taken', table } });
            return false;
          }
          try {
            await data.getState().bringBack(h.aside, table);
          } catch {
            set({ problem: { code: 'undo-failed', table } });
            return false;
          }
          held = null;
          // Its mapping comes back unless another table was mapped onto the same canonical table since.
          const canonical = h.mapping?.mapping.canonicalTable;
          const claimed = Object.values(mappings.getState().applied).some(
            (a) => a.mapping.canonicalTable === canonical,
          );
          if (h.mapping && !claimed) mappings.keepMapping(h.mapping);
          data.getState().putBack(h.taken);
          set({ removed: null, problem: null });
          return true;
        });
      },

      commit() {
        return serial(commitNow);
      },

      dismissProblem() {
        set({ problem: null });
      },
    };
  });
}
