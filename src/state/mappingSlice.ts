import { appliedMappingsOf } from '../app/mapping/mappingTables';
import type { WorkbookDocument } from '../core/model/documentSchema';
import type { DocumentSlice } from './documentSlice';
import type { MappingStore } from './mappingStore';

/**
 * The column mappings' share of the workbook: each dataset's mapping and the
 * user's relationships. On open, restore and undo the views are made again.
 */
export function mappingSlice(store: MappingStore): DocumentSlice {
  return {
    contribute(doc: WorkbookDocument) {
      const { applied, relationships } = store.getState();
      for (const d of doc.datasets) {
        const a = applied[d.table];
        if (a === undefined) continue;
        const { canonicalTable, columns, computed, stageOutcomes } = a.mapping;
        d.mapping = {
          canonicalTable,
          columns: { ...columns },
          ...(computed === undefined ? {} : { computed: { ...computed } }),
          ...(stageOutcomes === undefined
            ? {}
            : { stageOutcomes: { won: [...stageOutcomes.won], lost: [...stageOutcomes.lost] } }),
        };
      }
      doc.relationships = relationships.map((r) => ({ ...r }));
    },
    adopt(doc) {
      const before = store.getState().applied;
      // An undo keeps the note that the app made the mapping; an opened file has none.
      const applied = appliedMappingsOf(doc, (table) => before[table]?.auto ?? null);
      void store.adoptMappings(applied, doc.relationships);
    },
    subscribe(onChange) {
      return store.subscribe((s, prev) => {
        if (s.applied === prev.applied && s.relationships === prev.relationships) return;
        onChange(store.changeKind());
      });
    },
  };
}
