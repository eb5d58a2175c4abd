/** Strings of typed dates (the scorecard's range, notebook inputs): the hint and what is wrong. */
export const datesEn = {
  'dateEntry.hint': 'Year/month/day, Jalali ({jalali}) or Gregorian ({gregorian})',
  'dateEntry.shape': 'Write the date year first, as {example}.',
  'dateEntry.year':
    '{year} is neither a Jalali year (such as {jalaliYear}) nor a Gregorian one (such as {gregorianYear}).',
  'dateEntry.month': 'There is no month {month}: months run from {first} to {last}.',
  'dateEntry.day': 'There is no day {day} in {month} {year}: that month has {days} days.',
  'dateEntry.order': 'The start is after the end: {from} comes after {to}.',
} as const;
