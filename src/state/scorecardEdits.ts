import type { Draft } from 'immer';
import { fromCatalog, type WorkbookKpi } from '../app/scorecard/workbookKpis';
import type { Diagnostic } from '../core/formula/diagnostics';
import { CATALOG, catalogKpi, withDependencies } from '../core/kpi/catalog';
import { formatForUnit, percentFromPlain } from '../core/kpi/kpiFigure';
import { newKpiShape } from '../core/kpi/ratioFormula';
import type { CatalogKpi, KpiThresholds } from '../core/kpi/types';
import type { NewKpi, ScorecardState } from './scorecardTypes';

/** What the KPI edits need of the store. */
interface EditContext {
  set(fn: (s: Draft<ScorecardState>) => void): void;
  get(): ScorecardState;
  /** Recomputes the scorecard. */
  run(): Promise<void>;
  /** Judges the shown numbers again (no query). */
  reevaluate(): void;
  /** Diagnostics of `id` with `kpis` applied, without running anything. */
  check(kpis: readonly WorkbookKpi[], id: string): Diagnostic[];
  /** A catalog KPI as it joins the workbook, with its default target. */
  fresh(k: CatalogKpi): WorkbookKpi;
}

const isError = (d: Diagnostic) => d.severity === 'error';

/** A fresh id from a label: lower case words joined by `_`, unique among `taken`. */
export function idFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_+|_+$/g, '') || 'kpi';
  const start = /^\p{L}/u.test(base) ? base : `kpi_${base}`;
  let id = start;
  for (let i = 2; taken.has(id); i++) id = `${start}_${i}`;
  return id;
}

/**
 * The store's actions that edit the workbook's KPIs: a change of what a KPI computes
 * runs the scorecard again, a change of how it is judged only judges again.
 */
export function kpiEdits(c: EditContext) {
  const { set, get } = c;
  const update = (id: string, fn: (k: WorkbookKpi) => WorkbookKpi) => {
    set((s) => {
      const i = s.kpis.findIndex((k) => k.id === id);
      if (i >= 0) s.kpis[i] = fn(s.kpis[i] as WorkbookKpi);
    });
  };
  const judged = (id: string, fn: (k: WorkbookKpi) => WorkbookKpi) => {
    update(id, fn);
    c.reevaluate();
  };

  return {
    setTarget(id: string, target: number | null) {
      judged(id, (k) => ({ ...k, target }));
    },
    setThresholds(id: string, thresholds: KpiThresholds) {
      judged(id, (k) => ({ ...k, thresholds }));
    },
    setLabel(id: string, label: string) {
      update(id, (k) => ({ ...k, label }));
    },
    setUnit(id: string, unit: WorkbookKpi['unit']) {
      // The unit carries its format: a KPI switched to % reads 37 %, and its figures are typed as 35.
      judged(id, (k) => {
        const format = formatForUnit(unit, k.format);
        if (format !== 'percent' || k.format === 'percent') return { ...k, unit, format };
        // Figures typed before the switch were read as plain numbers: 35 then meant 35 %.
        const th = k.thresholds;
        const scale = (v: number | undefined) => (v === undefined ? undefined : percentFromPlain(v));
        return {
          ...k,
          unit,
          format,
          target: k.target === null ? null : percentFromPlain(k.target),
          ...(th === undefined
            ? {}
            : { thresholds: { warning: scale(th.warning), critical: scale(th.critical) } }),
        };
      });
    },
    setDirection(id: string, direction: WorkbookKpi['direction']) {
      judged(id, (k) => ({ ...k, direction }));
    },

    async setFormula(id: string, formula: string): Promise<Diagnostic[]> {
      const current = get().kpis.find((k) => k.id === id);
      if (current === undefined) return [];
      if (formula === current.formula) {
        get().discardDraft(id);
        return [];
      }
      const next = get().kpis.map((k) => (k.id === id ? { ...k, formula } : k));
      const diagnostics = c.check(next, id);
      if (diagnostics.some(isError)) {
        set((s) => {
          s.drafts[id] = { formula, diagnostics };
        });
        return diagnostics;
      }
      set((s) => {
        delete s.drafts[id];
      });
      update(id, (k) => ({ ...k, formula }));
      await c.run();
      return diagnostics;
    },

    discardDraft(id: string) {
      set((s) => {
        delete s.drafts[id];
      });
    },

    async addCatalogKpi(id: string) {
      const have = new Set(get().kpis.map((k) => k.id));
      const add = withDependencies(id).filter((k) => !have.has(k.id));
      if (add.length === 0 || catalogKpi(id) === undefined) return;
      set((s) => {
        s.kpis.push(...add.map((k) => c.fresh(k)));
        s.selectedKpi = id;
      });
      await c.run();
    },

    async addKpi(def: NewKpi): Promise<{ id: string | null; diagnostics: Diagnostic[] }> {
      const taken = new Set([...get().kpis.map((k) => k.id), ...CATALOG.map((k) => k.id)]);
      const id = idFromLabel(def.label, taken);
      const shape = newKpiShape(def.formula);
      const unit = def.unit ?? shape.unit;
      const kpi: WorkbookKpi = {
        id,
        label: def.label.trim() || id,
        formula: def.formula,
        unit,
        format: formatForUnit(unit, shape.format),
        direction: def.direction ?? 'up',
        family: shape.family,
        kind: 'kpi',
        description: '',
        origin: 'user',
        target: null,
      };
      const diagnostics = c.check([...get().kpis, kpi], id);
      if (diagnostics.some(isError)) return { id: null, diagnostics };
      set((s) => {
        s.kpis.push(kpi);
        s.selectedKpi = id;
      });
      await c.run();
      return { id, diagnostics };
    },

    async removeKpi(id: string) {
      set((s) => {
        s.kpis = s.kpis.filter((k) => k.id !== id);
        delete s.series[id];
        delete s.bases[id];
        delete s.evaluations[id];
        delete s.drafts[id];
        delete s.failures[id];
        if (s.selectedKpi === id) s.selectedKpi = null;
      });
      await c.run();
    },
  };
}

/** The catalog KPI `k` as it joins the workbook, with the target `targets` gives it. */
export function withTarget(
  k: CatalogKpi,
  targets: Readonly<Record<string, number>> | undefined,
): WorkbookKpi {
  return { ...fromCatalog(k), target: targets?.[k.id] ?? null };
}
