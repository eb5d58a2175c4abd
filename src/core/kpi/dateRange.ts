/** A run of days, ISO dates inclusive. */
export interface DateSpan {
  readonly from: string;
  readonly to: string;
}

/** First day of the month `months - 1` months before `iso`'s month: the start of a window of `months` months. */
export function monthsBack(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 - (months - 1);
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 10);
}

/** The smallest span holding every one given; null for none. */
export function spanOf(spans: readonly DateSpan[]): DateSpan | null {
  if (spans.length === 0) return null;
  let { from, to } = spans[0];
  for (const s of spans) {
    if (s.from < from) from = s.from;
    if (s.to > to) to = s.to;
  }
  return { from, to };
}

export function overlaps(a: DateSpan, b: DateSpan): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * The range a scorecard shows when the user has not chosen one: it ends on the last date
 * of the tables in use and starts on their first date, or `months` months back when the
 * data runs longer (periods beyond that make the grid wide and say little). With no dated
 * table it is today alone: an undated table's whole-range figure does not depend on it.
 */
export function defaultRange(spans: readonly DateSpan[], months: number, today: string): DateSpan {
  const all = spanOf(spans);
  if (all === null) return { from: today, to: today };
  const window = monthsBack(all.to, months);
  return { from: all.from > window ? all.from : window, to: all.to };
}
