import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { UnavailableFamily } from '../../core/kpi/unavailableGroups';

/**
 * Which columns the scorecard shows. `glance` is always there and fits a 1280-pixel
 * screen: the KPI, its latest value, status and four comparisons. The others are
 * opened on demand and extend the grid to the right.
 */
export type ColumnSet = 'glance' | 'targets' | 'periods';
export type OptionalSet = Exclude<ColumnSet, 'glance'>;

interface ScorecardView {
  shown: Readonly<Record<OptionalSet, boolean>>;
  /** Families whose unavailable KPIs are listed rather than folded into one line. */
  open: readonly UnavailableFamily[];
  toggleSet(set: OptionalSet): void;
  toggleFold(family: UnavailableFamily): void;
}

/** How the scorecard is viewed: not part of the workbook, kept while the page is open. */
export const scorecardViewStore = createStore<ScorecardView>()((set) => ({
  shown: { targets: false, periods: false },
  open: [],
  toggleSet: (which) => set((s) => ({ shown: { ...s.shown, [which]: !s.shown[which] } })),
  toggleFold: (family) =>
    set((s) => ({
      open: s.open.includes(family) ? s.open.filter((f) => f !== family) : [...s.open, family],
    })),
}));

export function useScorecardView<T>(selector: (s: ScorecardView) => T): T {
  return useStore(scorecardViewStore, selector);
}
