import type { BenchmarkRow } from '../../core/kpi/benchmarks';
import { catalogKpi } from '../../core/kpi/catalog';
import type { WorkbookDocument } from '../../core/model/documentSchema';
import type { FrameSettings } from './frames';
import { fromDocumentBenchmarks, scaleForFormat } from './userBenchmarks';
import { fromDocument, type WorkbookKpi } from './workbookKpis';

/** What a workbook sets of its scorecard: the frame, the industry it is compared with, its currency. */
export interface ScorecardSettings extends FrameSettings {
  industry: string;
  /** ISO code amounts are shown in (IRT is the toman); shown only, never converted. */
  currency: string;
}

/** The settings of a scorecard no workbook has set. */
export const NEW_SCORECARD_SETTINGS: ScorecardSettings = {
  grain: 'month',
  calendar: 'gregorian',
  from: null,
  to: null,
  breakdown: null,
  industry: 'all',
  currency: 'USD',
};

/** The scorecard's part of a workbook document: settings over `settings`, KPIs and the user's benchmarks. */
export function scorecardOfDocument(
  doc: WorkbookDocument,
  settings: ScorecardSettings,
): { settings: ScorecardSettings; kpis: WorkbookKpi[]; userBenchmarks: BenchmarkRow[] } {
  return {
    settings: {
      ...settings,
      grain: doc.settings.grain,
      calendar: doc.calendar,
      from: doc.settings.dateRange.from,
      to: doc.settings.dateRange.to,
      breakdown: doc.settings.breakdown,
      industry: doc.settings.industry ?? settings.industry,
      currency: doc.settings.currency,
    },
    kpis: doc.kpis.map(fromDocument),
    userBenchmarks: fromDocumentBenchmarks(doc.benchmarks, (id) => {
      const k = doc.kpis.find((x) => x.id === id || x.benchmarkKey === id) ?? catalogKpi(id);
      return scaleForFormat(k?.format ?? 'number');
    }),
  };
}
