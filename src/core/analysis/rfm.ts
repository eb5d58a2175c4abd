import type { Dialect } from '../sql/dialect';

/**
 * RFM segmentation (kpi-reference.md): recency = days from the analysis date to a
 * customer's last order, frequency = distinct orders, monetary = net spend, each
 * scored 1–5 by quintile (recency reversed: most recent = 5). Rows are ordered by
 * value and then by customer before NTILE splits them, so ties cannot make a
 * quintile bigger than another or change between runs.
 */

export const RFM_SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential loyalists',
  'New',
  'Promising',
  'Need attention',
  'About to sleep',
  'At risk',
  "Can't lose them",
  'Hibernating',
] as const;

/** The R×F map as 25 segment names: index (r − 1) × 5 + (f − 1). */
type RfmMap = readonly string[];

function segmentFor(r: number, f: number): string {
  if (r === 5 && f >= 4) return 'Champions';
  if ((r === 3 || r === 4) && f >= 4) return 'Loyal';
  if (r >= 4 && (f === 2 || f === 3)) return 'Potential loyalists';
  if (r === 5 && f === 1) return 'New';
  if (r === 4 && f === 1) return 'Promising';
  if (r === 3 && f === 3) return 'Need attention';
  if (r === 3 && f <= 2) return 'About to sleep';
  if (r <= 2 && (f === 3 || f === 4)) return 'At risk';
  if (r <= 2 && f === 5) return "Can't lose them";
  return 'Hibernating';
}

/** The common segment map of kpi-reference.md; a convention, so the cell lets the user edit it. */
export const DEFAULT_RFM_MAP: RfmMap = Array.from({ length: 25 }, (_, i) =>
  segmentFor(Math.floor(i / 5) + 1, (i % 5) + 1),
);

export function rfmCell(map: RfmMap, r: number, f: number): string {
  return map[(r - 1) * 5 + (f - 1)] ?? 'Other';
}

interface RfmSpec {
  table: string;
  customer: string;
  orderId: string;
  date: string;
  value: string;
  /** ISO date recency is measured to; the last order date in the data when absent. */
  asOf?: string | null;
  map: RfmMap;
}

export const RFM_DEFAULTS = {
  table: 'orders',
  customer: 'customer_id',
  orderId: 'order_id',
  date: 'ordered_at',
  value: 'revenue',
} as const;

/** A CASE that names each (r, f) pair's segment, grouped by segment so it stays short. */
function segmentCase(map: RfmMap, d: Dialect): string {
  const cellsBySegment = new Map<string, string[]>();
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++) {
      const name = rfmCell(map, r, f);
      const list = cellsBySegment.get(name) ?? [];
      list.push(`(r = ${r} AND f = ${f})`);
      cellsBySegment.set(name, list);
    }
  const whens = [...cellsBySegment].map(
    ([name, conds]) => `WHEN ${conds.join(' OR ')} THEN ${d.stringLiteral(name)}`,
  );
  return `CASE ${whens.join(' ')} END`;
}

/** Customers with their R, F and M values and scores and segment, one row each. */
function rfmScoresSql(spec: RfmSpec, d: Dialect): string {
  const q = (n: string) => d.quoteIdent(n);
  const lastOrder = d.cast(`max(${q(spec.date)})`, 'date');
  const asOf = spec.asOf != null ? d.dateLiteral(spec.asOf) : `(SELECT ${lastOrder} FROM ${q(spec.table)})`;
  const customer = d.cast(q(spec.customer), 'text');
  return `WITH per_customer AS (
  SELECT ${customer} AS customer,
    ${d.daysBetween(lastOrder, asOf)} AS recency_days,
    ${d.aggregate('countDistinct', [q(spec.orderId)], null)} AS frequency,
    ${d.cast(`coalesce(${d.aggregate('sum', [q(spec.value)], null)}, 0)`, 'double')} AS monetary
  FROM ${q(spec.table)}
  WHERE ${q(spec.customer)} IS NOT NULL AND ${q(spec.date)} IS NOT NULL
  GROUP BY ${customer}
), scored AS (
  SELECT customer, recency_days, frequency, monetary,
    ntile(5) OVER (ORDER BY recency_days DESC, customer) AS r,
    ntile(5) OVER (ORDER BY frequency, customer) AS f,
    ntile(5) OVER (ORDER BY monetary, customer) AS m
  FROM per_customer
)
SELECT customer, recency_days, frequency, monetary, r, f, m, ${segmentCase(spec.map, d)} AS segment FROM scored`;
}

/** Segment sizes and value: customers, revenue, its share, and the typical R/F/M of each segment. */
export function rfmSummarySql(spec: RfmSpec, d: Dialect): string {
  const avg = (x: string) => d.cast(d.aggregate('avg', [x], null), 'double');
  const revenue = d.aggregate('sum', ['monetary'], null);
  return `WITH customers_scored AS (
${rfmScoresSql(spec, d)}
)
SELECT segment,
  ${d.aggregate('countRows', [], null)} AS customers,
  ${revenue} AS revenue,
  ${revenue} / nullif(sum(${revenue}) OVER (), 0) AS revenue_share,
  ${avg('recency_days')} AS avg_recency_days,
  ${avg('frequency')} AS avg_orders,
  ${avg('monetary')} AS avg_revenue
FROM customers_scored
GROUP BY segment
ORDER BY revenue DESC, segment`;
}
