/**
 * Where a trend starts: at the first period with data, so a range opened before the data
 * began does not draw months of nothing. With bases (thinBase.ts) a period with no rows
 * has no data even where the KPI reads 0 there (a count of nothing is 0, not blank).
 * A series with no data at all starts at 0.
 */
export function firstWithData(
  values: readonly (number | null | undefined)[],
  bases?: readonly (number | null | undefined)[],
): number {
  const i = values.findIndex((v, j) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
    const b = bases?.[j];
    return typeof b !== 'number' || b > 0;
  });
  return i === -1 ? 0 : i;
}
