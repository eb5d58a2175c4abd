import type { CheckedKpi, TExpr } from './checked';

/** The shapes a scorecard plan is made of: blocks of aggregate slots over one source and date column. */
export interface TimeSource {
  table: string;
  column: string;
}

export type Call = Extract<TExpr, { t: 'call' }>;

export interface Slot {
  name: string;
  call: Call;
  kpi: CheckedKpi;
  empty: 0 | null;
}

/**
 * `aggregate`: plain aggregates over the source's rows (per period, or per range);
 * `event`: ACTIVE() by running sums of start and end events.
 */
export type BlockKind = 'aggregate' | 'event';

export interface Block {
  name: string;
  kind: BlockKind;
  source: string;
  time: string | null;
  usesPeriod: boolean;
  slots: Slot[];
  /** Tables referenced by slots and filters, to be joined in. */
  tables: Set<string>;
  kpis: Set<string>;
}
