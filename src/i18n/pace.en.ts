/** Strings of the current period to date and its pace (src/core/kpi/pace.ts). */
export const paceEn = {
  'pace.col': 'To date',
  'pace.colTip':
    '{from} – {today}: {days} of the {total} days of {period}. “Today” is the latest date in the data.',
  'pace.met': 'On pace',
  'pace.at-risk': 'At risk',
  'pace.off-pace': 'Off pace',
  'pace.basis': 'Projected {projection} at period end, target {target} ({method})',
  'pace.method.run-rate': 'run rate, each weekday weighted as in the last eight weeks',
  'pace.method.to-date': 'a rate or level stays where it stands',
  'pace.cellTip': 'Previous period, same days: {previous} · Last year, same days: {lastYear}',
  'pace.heading': '{period} to date',
  'pace.days': '{days} of {total} days, to {today}',
  'pace.value': 'Value to date',
  'pace.previous': 'Previous period, first {days} days',
  'pace.lastYear': 'Same days last year',
  'pace.projection': 'Projected at period end',
  'pace.target': 'Target',
  'pace.noTarget': 'Set a target to see whether it is on pace.',
  'pace.noDays': 'The period has no data yet.',
} as const;
