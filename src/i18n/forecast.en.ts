/** Strings of the forecast band on KPI charts and the anomaly marks (src/core/kpi/forecast.ts, anomaly.ts). */
export const forecastEn = {
  'forecast.band': 'Forecast',
  'forecast.backtest': 'backtest error {pct}',
  'forecast.noBacktest': 'backtest error: no period to score',
  'forecast.caption': 'Forecast ({method}): {backtest}',
  'forecast.explain':
    'Mean absolute percentage error of one-period-ahead forecasts over the last {n} periods, each made from the periods before it. The band is ±1.28 × the root mean square of those errors, wider by √h h periods ahead (about 80 % of past errors fall inside).',
  'forecast.method.seasonalNaive': 'same period last season',
  'forecast.method.holtWinters': 'Holt–Winters',
  'forecast.method.linear': 'linear trend',
  'anomaly.series': 'Anomaly',
  'anomaly.mark': '!',
  'anomaly.label': 'Anomaly',
  'anomaly.rule':
    'Anomaly: {actual} is outside the expected band {lo} to {hi} (expected {expected}). Rule: a period is marked when it is more than 4 robust standard deviations (1.4826 × the median absolute deviation of the errors) from the forecast made from the periods before it.',
} as const;
