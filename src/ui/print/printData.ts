import { type ReportGroup, reportInput, scorecardReport } from '../../core/export/scorecardReport';
import { type KpiNote, notesIn } from '../../core/model/notes';
import type { ScorecardState, WorkbookKpi } from '../../state/scorecardStore';
import { notesStore, scorecardStore, workbookStore } from '../appRoot';
import { type ChartTokens, chartTheme, chartTokens } from '../charts/chartTheme';
import { echarts } from '../charts/echarts';
import { type KpiChartInput, kpiDetailOption } from '../charts/kpiDetailChart';

/** What the printed report shows, gathered once when the user asks for it. */
export interface PrintData {
  title: string;
  printedAt: Date;
  settings: ScorecardState['settings'];
  periods: ScorecardState['periods'];
  groups: ReportGroup[];
  charts: { id: string; label: string; image: string }[];
  /** The notes on the KPIs over the periods shown, KPI by KPI. */
  notes: { kpi: WorkbookKpi; note: KpiNote }[];
}

/** Charts of at most this many KPIs: enough to show what needs attention, few enough to print. */
const MAX_CHARTS = 8;
// A4 and Letter leave about 180 mm of width between margins; the image is drawn at twice this.
const CHART_SIZE = { width: 720, height: 250 };

/** Paper is white whatever the screen's theme: the neutral colours are fixed, the accents kept. */
function paperTokens(): ChartTokens {
  return {
    ...chartTokens(),
    text: '#1d232b',
    muted: '#555d68',
    faint: '#9aa1ab',
    border: '#d5d9df',
    surface: '#ffffff',
  };
}

/** One chart drawn off screen and returned as a PNG data URL. */
function chartImage(input: KpiChartInput, tokens: ChartTokens): string {
  const el = document.createElement('div');
  el.style.cssText = `position:fixed;left:-10000px;top:0;width:${CHART_SIZE.width}px;height:${CHART_SIZE.height}px`;
  document.body.append(el);
  const chart = echarts.init(el, chartTheme(tokens), { renderer: 'canvas', ...CHART_SIZE });
  try {
    chart.setOption(kpiDetailOption(input, tokens));
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
    el.remove();
  }
}

/** KPIs that need attention (off track, on watch, a KRI breached or heading there), then the selected one. */
function chartedKpis(s: ScorecardState): string[] {
  const flagged = s.kpis
    .filter((k) => {
      const status = s.evaluations[k.id]?.status;
      const kri = s.kri[k.id];
      return status === 'bad' || status === 'warning' || kri?.breached === true || kri?.warning === true;
    })
    .map((k) => k.id);
  const ids =
    s.selectedKpi !== null && !flagged.includes(s.selectedKpi) ? [s.selectedKpi, ...flagged] : flagged;
  return ids.filter((id) => (s.series[id] ?? []).some((v) => v !== null)).slice(0, MAX_CHARTS);
}

/** The scorecard as it stands, computed first if it never was (the user printing from another sheet). */
export async function preparePrint(): Promise<PrintData> {
  if (scorecardStore.getState().status === 'idle') await scorecardStore.getState().refresh();
  const s = scorecardStore.getState();
  const title = workbookStore.getState().title;
  const tokens = paperTokens();
  const [from, to] = [s.periods[0]?.start ?? '', s.periods.at(-1)?.end ?? ''];
  const noted = (id: string) => notesIn(notesStore.getState().notes, id, from, to);
  const charts = chartedKpis(s).flatMap((id) => {
    const kpi = s.kpis.find((k) => k.id === id);
    if (kpi === undefined) return [];
    const image = chartImage(
      {
        kpi,
        periods: s.periods,
        values: s.series[id] ?? [],
        bases: s.bases[id],
        grain: s.settings.grain,
        benchmark: s.benchmarks[id],
        kri: s.kri[id],
        notes: noted(id),
      },
      tokens,
    );
    return [{ id, label: kpi.label, image }];
  });
  return {
    title,
    printedAt: new Date(),
    settings: s.settings,
    periods: s.periods,
    groups: scorecardReport(reportInput(title, s)),
    charts,
    notes: s.kpis.flatMap((kpi) => noted(kpi.id).map((note) => ({ kpi, note }))),
  };
}
