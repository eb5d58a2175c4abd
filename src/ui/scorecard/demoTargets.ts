/**
 * The demo company's own targets, so the demo opens on a scorecard with statuses as a
 * real team's would. They are the fictional company's goals, not published figures,
 * and only ratios that read the same at any grain are given one.
 */
export const DEMO_TARGETS: Readonly<Record<string, number>> = {
  nps: 40,
  csat: 0.8,
  ces: 5.5,
  repeat_purchase_rate: 0.9,
  first_response_time: 1,
  resolution_time: 24,
  web_conversion_rate: 0.015,
  lead_conversion_rate: 0.04,
  mql_to_sql_rate: 0.35,
  win_rate: 0.45,
  gross_margin: 0.75,
  profit_margin: 0.1,
  absenteeism_rate: 0.03,
  ad_ctr: 0.02,
  social_ctr: 0.01,
};
