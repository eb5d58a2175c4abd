import { benchmarkTooltip } from '../../core/kpi/benchmarks';
import { KPI_FAMILIES } from '../../core/kpi/catalog';
import type { Evaluation } from '../../core/kpi/evaluate';
import type { Pace } from '../../core/kpi/pace';
import {
  groupUnavailable,
  type UnavailableFamily,
  type UnavailableGroup,
} from '../../core/kpi/unavailableGroups';
import type { TotalFigure } from '../../core/kpi/wholeRange';
import { formatNumber } from '../../i18n/format';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import type { ScorecardState, UnavailableKpi, WorkbookKpi } from '../../state/scorecardStore';
import { failureText } from './failureText';
import { familyLabel } from './families';
import { formatKpiValue, unitLabel } from './formatKpi';
import { kpiPace } from './kpiPace';

export type GroupRow = { kind: 'group'; id: string; title: string; count: number };
export type KpiRow = {
  kind: 'kpi';
  id: string;
  kpi: WorkbookKpi;
  values: (number | null)[];
  evaluation: Evaluation | undefined;
  total: TotalFigure | undefined;
  /** The period the data has not finished, to date; null when there is none. */
  pace: Pace | null;
  benchmarkTip: string | null;
  benchmarkValue: string;
  failed: boolean;
  /** Why the engine could not compute it, when it could not; shown in place of its numbers. */
  runFailure: string | null;
  basis: 'thresholds' | 'target' | 'benchmark' | null;
  selected: boolean;
};
export type UnavailableRow = {
  kind: 'unavailable';
  id: string;
  label: string;
  unit: string;
  missing: readonly string[];
};
/** One line for a family's unavailable KPIs, opening onto them. */
export type FoldRow = { kind: 'fold'; id: string; group: UnavailableGroup; open: boolean };
export type Row = GroupRow | KpiRow | UnavailableRow | FoldRow;

export const isKpi = (r: Row | undefined): r is KpiRow => r?.kind === 'kpi';

type RowInput = Pick<
  ScorecardState,
  | 'kpis'
  | 'unavailable'
  | 'series'
  | 'evaluations'
  | 'benchmarks'
  | 'diagnostics'
  | 'failures'
  | 'statusBasis'
  | 'totals'
  | 'toDate'
> & {
  selected: string | null;
  /** Tables the scorecard sees (mapped ones by their canonical name): what is absent is named. */
  presentTables: ReadonlySet<string>;
  /** Families whose folded line is open. */
  open: ReadonlySet<UnavailableFamily>;
};

const familyOf = (u: UnavailableKpi): UnavailableFamily => (u.kpi.kind === 'kri' ? 'risk' : u.kpi.family);

/**
 * The scorecard's rows: the KPIs that compute, under full-width family headers, KRIs
 * apart after them; then the ones the data cannot compute, one folded line per family
 * that opens onto them.
 */
export function scorecardRows(s: RowInput): Row[] {
  const out: Row[] = [];
  const kpiRow = (k: WorkbookKpi): KpiRow => {
    const b = s.benchmarks[k.id];
    return {
      kind: 'kpi',
      id: k.id,
      kpi: k,
      values: s.series[k.id] ?? [],
      evaluation: s.evaluations[k.id],
      total: s.totals[k.id],
      pace: kpiPace(k, s.toDate),
      benchmarkTip: b === undefined ? null : benchmarkTooltip(b),
      benchmarkValue:
        b === undefined
          ? ''
          : b.scale === 'index'
            ? t('scorecard.benchIndex', {
                n: b.value === undefined || b.value === null ? '' : formatNumber(b.value),
              })
            : formatKpiValue(b.value ?? b.range?.low ?? null, k),
      failed: (s.diagnostics[k.id] ?? []).some((d) => d.severity === 'error'),
      runFailure: s.failures[k.id] === undefined ? null : failureText(s.failures[k.id], s.kpis),
      basis: s.statusBasis[k.id] ?? null,
      selected: k.id === s.selected,
    };
  };
  const section = (key: string, title: string, items: Row[], count = items.length) => {
    if (items.length === 0) return;
    out.push({ kind: 'group', id: `group:${key}`, title, count }, ...items);
  };
  for (const f of KPI_FAMILIES) {
    section(f, familyLabel(f), s.kpis.filter((k) => k.kind === 'kpi' && k.family === f).map(kpiRow));
  }
  section('kri', t('scorecard.kriGroup'), s.kpis.filter((k) => k.kind === 'kri').map(kpiRow));

  const groups = groupUnavailable(
    s.unavailable.map((u) => ({ id: u.kpi.id, family: u.kpi.family, kind: u.kpi.kind, missing: u.missing })),
    s.presentTables,
  );
  const folded: Row[] = [];
  for (const group of groups) {
    const open = s.open.has(group.family);
    folded.push({ kind: 'fold', id: `fold:${group.family}`, group, open });
    if (!open) continue;
    for (const u of s.unavailable) {
      if (familyOf(u) !== group.family) continue;
      folded.push({
        kind: 'unavailable',
        id: `unavailable:${u.kpi.id}`,
        label: kpiLabel(u.kpi),
        unit: unitLabel(u.kpi),
        missing: u.missing,
      });
    }
  }
  section('unavailable', t('scorecard.fold.group'), folded, s.unavailable.length);
  return out;
}
