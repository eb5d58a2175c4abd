import { scorecardOfDocument } from '../app/scorecard/documentScorecard';
import { toDocumentBenchmarks } from '../app/scorecard/userBenchmarks';
import { toDocument } from '../app/scorecard/workbookKpis';
import type { WorkbookDocument } from '../core/model/documentSchema';
import type { DocumentSlice } from './documentSlice';
import { parseScorecardResults } from './scorecardResults';
import type { ScorecardStore } from './scorecardTypes';

/** The document's settings, KPIs and benchmarks into the store, without running anything. */
function adoptDocument(store: ScorecardStore, doc: WorkbookDocument): void {
  store.setState(scorecardOfDocument(doc, store.getState().settings));
}

/**
 * Shows a kept workbook's last scorecard before its tables are back: the document's
 * settings and KPIs, then the results kept with them when they still match.
 */
export function previewScorecard(store: ScorecardStore, doc: WorkbookDocument, results: unknown): boolean {
  const parsed = parseScorecardResults(results);
  if (parsed === null) return false;
  adoptDocument(store, doc);
  return store.getState().resume(parsed);
}

/** The scorecard's share of the workbook: settings, calendar and the KPIs with their targets. */
export function scorecardSlice(store: ScorecardStore): DocumentSlice {
  return {
    contribute(doc: WorkbookDocument) {
      const { settings, kpis } = store.getState();
      doc.calendar = settings.calendar;
      doc.settings = {
        ...doc.settings,
        grain: settings.grain,
        dateRange: { from: settings.from, to: settings.to },
        industry: settings.industry,
        breakdown: settings.breakdown,
        currency: settings.currency,
      };
      doc.kpis = kpis.map(toDocument);
      doc.benchmarks = toDocumentBenchmarks(store.getState().userBenchmarks);
    },
    adopt(doc) {
      adoptDocument(store, doc);
      void store.getState().refresh();
    },
    subscribe(onChange) {
      return store.subscribe((s, prev) => {
        if (s.kpis === prev.kpis && s.settings === prev.settings && s.userBenchmarks === prev.userBenchmarks)
          return;
        // While a run is under way the store is the one changing its KPIs (new data, new defaults).
        onChange(s.status === 'running' ? 'derived' : 'edit');
      });
    },
  };
}
