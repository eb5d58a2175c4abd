import type { CatalogEntry } from '../types';

/**
 * Key risk indicators. Each has a risk threshold (`critical`) and a warning level;
 * the thresholds are starting points for a workbook to edit, not published figures.
 */
export const RISK_KPIS: readonly CatalogEntry[] = [
  {
    id: 'complaint_share',
    label: 'Complaint share of tickets',
    formula: 'DIVIDE(COUNTIF(tickets.type = "Complaint"), COUNT(tickets.ticket_id))',
    table: 'tickets',
    timeColumn: 'created_at',
    unit: '%',
    format: 'percent',
    direction: 'down',
    family: 'customer',
    kind: 'kri',
    thresholds: { warning: 0.12, critical: 0.15 },
    description:
      'Complaints as a share of tickets opened in the period. A rising share tends to come before churn; break it down by segment to see where.',
  },
  {
    id: 'detractor_share',
    label: 'Detractor share',
    formula: 'DIVIDE(COUNTIF(surveys.nps <= 6), COUNT(surveys.nps))',
    table: 'surveys',
    timeColumn: 'answered_at',
    unit: '%',
    format: 'percent',
    direction: 'down',
    family: 'customer',
    kind: 'kri',
    thresholds: { warning: 0.3, critical: 0.4 },
    description:
      'Answers of 0–6 to the recommend question over all answers. Few answers make it jumpy: read it with the n.',
  },
  {
    id: 'sla_breach_share',
    label: 'Resolution SLA breaches',
    formula: 'DIVIDE(COUNTIF(DAYS(tickets.created_at, tickets.resolved_at) > 3), COUNT(tickets.resolved_at))',
    table: 'tickets',
    timeColumn: 'resolved_at',
    unit: '%',
    format: 'percent',
    direction: 'down',
    family: 'operational',
    kind: 'kri',
    thresholds: { warning: 0.15, critical: 0.25 },
    description:
      'Tickets resolved in the period more than three calendar days after they were opened, over tickets resolved. Edit the 3 to your SLA.',
  },
  {
    id: 'late_first_response_share',
    label: 'Tickets not answered the same day',
    formula:
      'DIVIDE(COUNTIF(ISBLANK(tickets.first_response_at) OR DAYS(tickets.created_at, tickets.first_response_at) >= 1), COUNT(tickets.ticket_id))',
    table: 'tickets',
    timeColumn: 'created_at',
    unit: '%',
    format: 'percent',
    direction: 'down',
    family: 'operational',
    kind: 'kri',
    thresholds: { warning: 0.2, critical: 0.3 },
    description:
      'Tickets opened in the period with no reply on the calendar day they came in (or none yet). A ticket opened just before midnight counts as late when answered after it.',
  },
  {
    id: 'largest_deal_share',
    label: 'Largest deal share of bookings',
    formula: 'DIVIDE(MAX(IF(deals.won, deals.amount)), SUMIF(deals.amount, deals.won))',
    table: 'deals',
    timeColumn: 'closed_at',
    unit: '%',
    format: 'percent',
    direction: 'down',
    family: 'sales',
    kind: 'kri',
    thresholds: { warning: 0.08, critical: 0.1 },
    description:
      'The largest deal won in the period as a share of the won amount: bookings that hang on one deal. The concentration rule of thumb calls one customer at 10 % or more of revenue high.',
  },
  {
    id: 'cost_to_revenue',
    label: 'Cost to revenue',
    formula: 'DIVIDE(SUM(orders.cost) + operating_expenses, total_revenue)',
    table: 'orders',
    timeColumn: 'ordered_at',
    unit: 'ratio',
    format: 'number',
    direction: 'down',
    family: 'financial',
    kind: 'kri',
    thresholds: { warning: 0.95, critical: 1 },
    description:
      'Cost of sales plus operating expenses per unit of revenue. At 1 or more the period lost money; orders with no recorded cost make it look better than it is.',
  },
];
