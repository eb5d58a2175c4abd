import { kpisForTables } from '../app/scorecard/workbookKpis';
import type { WorkbookDocument } from '../core/model/documentSchema';
import { presentColumns } from '../core/model/scorecardSchema';
import { withTarget } from '../state/scorecardEdits';
import { previewScorecard } from '../state/scorecardSlice';
import type { ScorecardResults } from '../state/scorecardTypes';
import { matchShipped } from '../state/shippedResults';
import { scorecardStore } from './appRoot';
import { demoDigests, demoTables } from './demoFiles';
import { DEMO_TARGETS } from './scorecard/demoTargets';

// The demo's scorecard computed when the demo was built (samples/generator/shippedResults.ts),
// an asset of this origin fetched only by a demo load: it stays out of the page's scripts.
const url = Object.values(
  import.meta.glob('../../samples/crm-demo-prepared/results.json', {
    query: '?url',
    import: 'default',
    eager: true,
  }) as Record<string, string>,
)[0];

/** The scorecard the demo's tables will give: the KPIs the app lists for them, the settings now. */
function demoScorecard() {
  const { kpis } = kpisForTables([], presentColumns(demoTables()), (c) => withTarget(c, DEMO_TARGETS));
  const { settings, userBenchmarks } = scorecardStore.getState();
  return { kpis, settings, userBenchmarks };
}

/**
 * Adopts the shipped document's scorecard and shows its results. The KPIs are the ones the
 * demo's tables give (matchShipped checked it): a change the app derives, as a run listing
 * them is, never an undo step of the user's; so it is made under the running status a run
 * has, which the preview then ends.
 */
function previewAsDerived(doc: WorkbookDocument, results: ScorecardResults): boolean {
  scorecardStore.setState({ status: 'running' });
  const shown = previewScorecard(scorecardStore, doc, results);
  if (!shown) scorecardStore.setState({ status: 'idle' });
  return shown;
}

const today = () => new Date().toISOString().slice(0, 10);

async function fetchShipped(): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`the demo's results could not be read (HTTP ${res.status})`);
  return res.json();
}

/**
 * Paints the demo's shipped scorecard while DuckDB starts, as a warm start paints the
 * results autosave kept: marked as a preview until the computed run replaces it. Shown
 * only when the results belong to the tables being fetched and to the scorecard the app
 * will compute (src/state/shippedResults.ts), and only while `wanted()` says the demo is
 * still loading and nothing has run. Each outcome is a performance mark ("shipped results:
 * painted" or "… refused", the reason as its detail), for the bench and the tests.
 */
export async function previewShippedDemo(wanted: () => boolean): Promise<void> {
  const digests = demoDigests();
  if (url === undefined || digests === null) return;
  let reason: string;
  try {
    const [value, tables] = await Promise.all([fetchShipped(), digests]);
    const match = matchShipped(value, { digests: tables, scorecard: demoScorecard(), today: today() });
    if (!match.ok) reason = match.reason;
    // A run under way or done, or another workbook opened meanwhile, is newer than any preview.
    else if (!wanted() || scorecardStore.getState().status !== 'idle')
      reason = 'the scorecard moved on first';
    else if (previewAsDerived(match.doc, match.results)) {
      performance.mark('shipped results: painted');
      return;
    } else reason = 'the results do not fit the scorecard they were adopted into';
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  performance.mark('shipped results: refused', { detail: reason });
}
