import type { DateSpan } from '../kpi/dateRange';
import type { CalendarKind, Grain } from '../sql/calendarSchema';
import type { Contribution } from './contribution';
import type { PeriodChoice } from './contributionPeriods';
import type { ContributionRefusal, ContributionRequest } from './contributionQuery';

/** "Why did it change?": a KPI, a dimension and the two periods whose change is split. */
export interface ExplainRequest extends ContributionRequest {
  period: PeriodChoice;
  /** For `latest` and `yoy`: the periods' grain and calendar. */
  grain: Grain;
  calendar: CalendarKind;
  /** How many segments to show before folding the rest into "other". */
  top?: number;
}

export interface ExplainedPeriod extends DateSpan {
  /** The calendar's label ('2024-Q2', '1403-02'), or the range itself. */
  readonly label: string;
}

/** A change split by segment, between the periods it was measured in. */
export type ExplainedChange = { readonly a: ExplainedPeriod; readonly b: ExplainedPeriod } & Contribution;

export type ExplainResult =
  | ({ readonly t: 'explained' } & ExplainedChange)
  | ContributionRefusal
  | { readonly t: 'no-period'; readonly kpi: string };
