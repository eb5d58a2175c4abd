/**
 * Published benchmarks, copied only from the figures in shared/kpi-reference.md.
 * Each row carries where it came from, the year and the statistic so the user can
 * judge it; rows seen only as a secondary citation say so. Never add a figure here
 * that is not in that reference.
 */

export type BenchmarkStatistic =
  | 'median'
  | 'average'
  | 'index'
  | 'aggregate'
  | 'company-reported'
  | 'annual average'
  | 'monthly'
  | 'annual'
  | 'average of brand scores';

/** How `value` reads: fractions for percentages, so it compares with KPI values directly. */
export type BenchmarkScale =
  | 'fraction'
  | 'points'
  | 'index'
  | 'days'
  | 'months'
  | 'currency'
  | 'hours'
  | 'ratio';

export interface Quartiles {
  readonly p25?: number;
  readonly p50?: number;
  readonly p75?: number;
}

/** A published "good practice" level, e.g. world-class FCR at 80 % or more. */
export interface BestPracticeBand {
  readonly min?: number;
  readonly max?: number;
  readonly label: string;
}

export interface BenchmarkRow {
  readonly key: string;
  /** The KPI id (catalog `benchmarkKey`) the figure is for. */
  readonly kpiId: string;
  /** Industry key for the picker; 'all' for an economy- or market-wide figure. */
  readonly industry: string;
  /** The population as the source words it. */
  readonly scope: string;
  /** Null when the source gives only a range. */
  readonly value: number | null;
  readonly range?: { readonly low: number; readonly high: number };
  readonly scale: BenchmarkScale;
  readonly statistic: BenchmarkStatistic;
  /** As the source dates it: '2024', 'Q4 2023', '~2021'. */
  readonly year: string;
  readonly source: string;
  readonly url?: string;
  /** Seen only as a citation in another publication: shown as "secondary source". */
  readonly secondary: boolean;
  readonly quartiles?: Quartiles;
  readonly bestPractice?: BestPracticeBand;
  /** How the figure differs from the catalog KPI, when it does. */
  readonly note?: string;
}

/** A row the user typed or imported; same shape, source 'user'. */
interface RowSpec extends Omit<BenchmarkRow, 'key'> {}

const acsi = (industry: string, scope: string, value: number, year: string, study: string): RowSpec => ({
  kpiId: 'csat',
  industry,
  scope,
  value,
  scale: 'index',
  statistic: 'index',
  year,
  source: study,
  url: 'https://theacsi.org',
  secondary: false,
  note: 'ACSI is a 0–100 index, not the share of 4–5 answers: shown for context, not compared.',
});

const sqm = (
  kpiId: 'first_contact_resolution' | 'csat',
  industry: string,
  scope: string,
  value: number,
): RowSpec => ({
  kpiId,
  industry,
  scope,
  value,
  scale: 'fraction',
  statistic: 'average',
  year: '~2022',
  source: 'SQM Group',
  secondary: false,
  ...(kpiId === 'csat'
    ? { note: 'Top-box CSAT of call-centre customers; the catalog CSAT counts 4 and 5.' }
    : {}),
});

const hubspotWin = (industry: string, scope: string, value: number): RowSpec => ({
  kpiId: 'win_rate',
  industry,
  scope,
  value,
  scale: 'fraction',
  statistic: 'average',
  year: '~2021',
  source: 'HubSpot',
  secondary: true,
  note: 'Reported as win/close rate; close rate may include open deals.',
});

const recurly = (industry: string, scope: string, value: number): RowSpec => ({
  kpiId: 'churn_rate',
  industry,
  scope,
  value,
  scale: 'fraction',
  statistic: 'median',
  year: '2019',
  source: 'Recurly research',
  secondary: false,
  note: 'Monthly churn: compare at month grain.',
});

const rivalIq = (industry: string, scope: string, value: number): RowSpec => ({
  kpiId: 'engagement_rate',
  industry,
  scope,
  value,
  scale: 'fraction',
  statistic: 'median',
  year: '2023',
  source: 'Rival IQ',
  secondary: true,
});

const npsBench = (industry: string, scope: string, value: number): RowSpec => ({
  kpiId: 'nps',
  industry,
  scope,
  value,
  scale: 'points',
  statistic: 'average of brand scores',
  year: '2024',
  source: 'npsBench',
  secondary: false,
  note: 'Built from public signals; directional, not survey-based.',
});

const damodaran = (industry: string, scope: string, value: number): RowSpec => ({
  kpiId: 'profit_margin',
  industry,
  scope,
  value,
  scale: 'fraction',
  statistic: 'aggregate',
  year: 'Jan 2024',
  source: 'Damodaran, NYU Stern',
  secondary: false,
  note: 'Operating margin after tax, US companies; the catalog margin is before tax.',
});

const ons = (industry: string, scope: string, value: number): RowSpec => ({
  kpiId: 'absenteeism_rate',
  industry,
  scope,
  value,
  scale: 'fraction',
  statistic: 'annual',
  year: '2022',
  source: 'ONS',
  secondary: false,
  note: 'Share of working hours lost to sickness absence, UK.',
});

const SPECS: readonly RowSpec[] = [
  acsi('all', 'US national', 77.8, 'Q4 2023', 'ACSI'),
  acsi('all', 'US national', 78.0, 'Q1 2024', 'ACSI'),
  acsi('streaming', 'Streaming services', 79, '2024', 'ACSI Telecom Study (press release)'),
  acsi('isp', 'Internet service providers', 71, '2024', 'ACSI Telecom Study (press release)'),
  acsi('subscription_tv', 'Subscription TV', 70, '2024', 'ACSI Telecom Study (press release)'),
  acsi('retail', 'Retail', 78.0, '2023–24', 'ACSI Retail Study (press coverage)'),
  acsi('online_retail', 'Online retail', 80, '2023–24', 'ACSI Retail Study (press coverage)'),
  sqm('first_contact_resolution', 'retail', 'Retail call centres', 0.78),
  sqm('first_contact_resolution', 'insurance', 'Insurance call centres', 0.76),
  sqm('first_contact_resolution', 'energy', 'Energy call centres', 0.72),
  sqm('first_contact_resolution', 'financial_services', 'Financial services call centres', 0.71),
  sqm('first_contact_resolution', 'tech_support', 'Tech support call centres', 0.65),
  sqm('first_contact_resolution', 'telecom', 'Telco call centres', 0.61),
  sqm('csat', 'retail', 'Retail call centres', 0.81),
  sqm('csat', 'insurance', 'Insurance call centres', 0.8),
  sqm('csat', 'energy', 'Energy call centres', 0.76),
  sqm('csat', 'financial_services', 'Financial services call centres', 0.75),
  sqm('csat', 'tech_support', 'Tech support call centres', 0.75),
  sqm('csat', 'telecom', 'Telco call centres', 0.68),
  {
    kpiId: 'first_contact_resolution',
    industry: 'all',
    scope: 'North American call centres',
    value: 0.7,
    scale: 'fraction',
    statistic: 'average',
    year: '2022',
    source: 'SQM Group',
    secondary: false,
    bestPractice: { min: 0.8, label: 'World class: 80 % or more' },
  },
  recurly('subscription', 'Subscription businesses, all', 0.0548),
  recurly('b2b', 'Subscription businesses, B2B', 0.0515),
  recurly('b2c', 'Subscription businesses, B2C', 0.0681),
  {
    kpiId: 'churn_rate',
    industry: 'telecom',
    scope: 'US postpaid phone',
    value: null,
    range: { low: 0.0077, high: 0.0083 },
    scale: 'fraction',
    statistic: 'company-reported',
    year: 'Q2 2023',
    source: "Carriers' results",
    secondary: false,
    note: 'Monthly churn, as reported by the carriers.',
  },
  {
    kpiId: 'net_revenue_retention',
    industry: 'b2b_saas',
    scope: 'B2B SaaS',
    value: 1.01,
    scale: 'fraction',
    statistic: 'median',
    year: 'FY2024',
    source: 'Benchmarkit 2025',
    secondary: true,
  },
  {
    kpiId: 'cac_ratio',
    industry: 'b2b_saas',
    scope: 'B2B SaaS',
    value: 2.0,
    scale: 'ratio',
    statistic: 'median',
    year: 'FY2024',
    source: 'Benchmarkit 2025',
    secondary: true,
    note: 'Sales and marketing spend per $1 of new ARR.',
  },
  {
    kpiId: 'cac_payback',
    industry: 'b2b_saas',
    scope: 'B2B SaaS',
    value: 16,
    scale: 'months',
    statistic: 'median',
    year: 'FY2025',
    source: 'Benchmarkit',
    secondary: true,
    // Lower is better: the top quartile pays back in 6 months or less, the bottom in 24 or more.
    quartiles: { p25: 6, p50: 16, p75: 24 },
  },
  hubspotWin('software', 'Software', 0.22),
  hubspotWin('electronics', 'Electronics', 0.23),
  hubspotWin('financial_services', 'Finance', 0.19),
  hubspotWin('business_industrial', 'Business & industrial', 0.27),
  {
    kpiId: 'sales_cycle',
    industry: 'b2b_saas',
    scope: 'SaaS, ACV $25k',
    value: 60,
    scale: 'days',
    statistic: 'median',
    year: '2017',
    source: 'Bridge Group',
    secondary: false,
  },
  {
    kpiId: 'ad_ctr',
    industry: 'all',
    scope: 'Paid search, all industries',
    value: 0.0642,
    scale: 'fraction',
    statistic: 'average',
    year: '2024',
    source: 'WordStream',
    secondary: true,
    note: 'Paid search only; display and social ads click far less.',
  },
  {
    kpiId: 'paid_search_conversion_rate',
    industry: 'all',
    scope: 'Paid search, all industries',
    value: 0.0696,
    scale: 'fraction',
    statistic: 'average',
    year: '2024',
    source: 'WordStream',
    secondary: true,
  },
  {
    kpiId: 'cost_per_lead',
    industry: 'all',
    scope: 'Paid search, all industries',
    value: 66.69,
    scale: 'currency',
    statistic: 'average',
    year: '2024',
    source: 'WordStream',
    secondary: true,
    note: 'US dollars, paid search.',
  },
  rivalIq('tiktok', 'TikTok', 0.0569),
  rivalIq('instagram', 'Instagram', 0.0047),
  rivalIq('facebook', 'Facebook', 0.0006),
  rivalIq('x', 'X', 0.00035),
  {
    kpiId: 'absenteeism_rate',
    industry: 'all',
    scope: 'US full-time workers, lost worktime',
    value: 0.014,
    scale: 'fraction',
    statistic: 'annual average',
    year: '2017',
    source: 'BLS CPS table 46',
    secondary: false,
    note: 'Hours absent over hours usually worked: the same ratio as the catalog KPI.',
  },
  {
    kpiId: 'absence_rate_workers',
    industry: 'all',
    scope: 'US full-time workers, absence rate',
    value: 0.028,
    scale: 'fraction',
    statistic: 'annual average',
    year: '2017',
    source: 'BLS CPS table 46',
    secondary: false,
    note: 'Share of workers absent in a week, not of hours.',
  },
  ons('all', 'UK, all workers', 0.026),
  ons('public_sector', 'UK public sector', 0.036),
  ons('private_sector', 'UK private sector', 0.023),
  {
    kpiId: 'absence_days_per_employee',
    industry: 'all',
    scope: 'UK employees',
    value: 7.8,
    scale: 'days',
    statistic: 'average',
    year: '2023',
    source: 'CIPD',
    secondary: false,
    note: 'Days per employee per year.',
  },
  {
    kpiId: 'employee_turnover',
    industry: 'all',
    scope: 'US nonfarm, total separations',
    value: 0.038,
    scale: 'fraction',
    statistic: 'monthly',
    year: 'Dec 2022',
    source: 'BLS JOLTS',
    secondary: false,
    note: 'Monthly rate: compare at month grain.',
  },
  {
    kpiId: 'training_hours_per_employee',
    industry: 'all',
    scope: 'Organisations surveyed by ATD',
    value: 13.7,
    scale: 'hours',
    statistic: 'average',
    year: '2024',
    source: 'ATD',
    secondary: false,
    note: 'Formal hours per employee per year: compare at year grain.',
  },
  damodaran('advertising', 'Advertising', 0.096),
  damodaran('business_services', 'Business services', 0.101),
  damodaran('computer_services', 'Computer services', 0.067),
  {
    kpiId: 'nps',
    industry: 'b2b_software',
    scope: 'B2B software',
    value: 40,
    scale: 'points',
    statistic: 'average',
    year: '2022',
    source: 'Retently',
    secondary: true,
  },
  npsBench('luxury', 'Luxury', 84),
  npsBench('consumer_electronics', 'Consumer electronics', 56),
  npsBench('hotels', 'Hotels', 55),
  npsBench('retail', 'Retail', 51),
  npsBench('airlines', 'Airlines', 31),
  npsBench('isp', 'Internet service providers', 12),
  npsBench('b2b_saas', 'B2B SaaS', 58),
];

/** Keys are made from the KPI, industry and source so they stay stable when rows are added. */
function keyOf(r: RowSpec): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
  return `${r.kpiId}:${r.industry}:${slug(r.source)}:${slug(r.year)}`;
}

export const BENCHMARKS: readonly BenchmarkRow[] = SPECS.map((r) => ({ key: keyOf(r), ...r }));

/** Industry keys and labels for the picker, in reading order. */
export const INDUSTRIES: readonly { readonly key: string; readonly label: string }[] = [
  { key: 'all', label: 'All industries' },
  { key: 'advertising', label: 'Advertising' },
  { key: 'airlines', label: 'Airlines' },
  { key: 'b2b', label: 'B2B subscription' },
  { key: 'b2b_saas', label: 'B2B SaaS' },
  { key: 'b2b_software', label: 'B2B software' },
  { key: 'b2c', label: 'B2C subscription' },
  { key: 'business_industrial', label: 'Business & industrial' },
  { key: 'business_services', label: 'Business services' },
  { key: 'computer_services', label: 'Computer services' },
  { key: 'consumer_electronics', label: 'Consumer electronics' },
  { key: 'electronics', label: 'Electronics' },
  { key: 'energy', label: 'Energy' },
  { key: 'financial_services', label: 'Financial services' },
  { key: 'hotels', label: 'Hotels' },
  { key: 'insurance', label: 'Insurance' },
  { key: 'isp', label: 'Internet service providers' },
  { key: 'luxury', label: 'Luxury' },
  { key: 'online_retail', label: 'Online retail' },
  { key: 'private_sector', label: 'Private sector' },
  { key: 'public_sector', label: 'Public sector' },
  { key: 'retail', label: 'Retail' },
  { key: 'software', label: 'Software' },
  { key: 'streaming', label: 'Streaming' },
  { key: 'subscription', label: 'Subscription businesses' },
  { key: 'subscription_tv', label: 'Subscription TV' },
  { key: 'tech_support', label: 'Tech support' },
  { key: 'telecom', label: 'Telecom' },
  { key: 'facebook', label: 'Facebook' },
  { key: 'instagram', label: 'Instagram' },
  { key: 'tiktok', label: 'TikTok' },
  { key: 'x', label: 'X' },
];

export function benchmarksFor(kpiId: string, userRows: readonly BenchmarkRow[] = []): BenchmarkRow[] {
  return [...userRows, ...BENCHMARKS].filter((r) => r.kpiId === kpiId);
}

const yearOf = (r: BenchmarkRow) => Number(/\d{4}/.exec(r.year)?.[0] ?? 0);

/**
 * The one row to compare a KPI with: the user's own rows first, then the chosen
 * industry, then an all-industries figure; among equals, a primary source before
 * a secondary one, then the newest. Undefined when nothing fits.
 */
export function lookupBenchmark(
  kpiId: string,
  industry?: string | null,
  userRows: readonly BenchmarkRow[] = [],
): BenchmarkRow | undefined {
  const rows = benchmarksFor(kpiId, userRows);
  const rank = (r: BenchmarkRow): number[] => [
    r.source === 'user' ? 0 : 1,
    industry != null && r.industry === industry ? 0 : r.industry === 'all' ? 1 : 2,
    r.secondary ? 1 : 0,
    -yearOf(r),
  ];
  const fits = rows.filter((r) => r.source === 'user' || r.industry === industry || r.industry === 'all');
  fits.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return 0;
  });
  return fits[0];
}

function formatValue(r: BenchmarkRow, v: number): string {
  switch (r.scale) {
    case 'fraction':
      return `${Number((v * 100).toFixed(3))} %`;
    case 'days':
      return `${v} days`;
    case 'months':
      return `${v} months`;
    case 'hours':
      return `${v} hours`;
    case 'currency':
      return `$${v}`;
    default:
      return String(v);
  }
}

/** The text shown wherever a benchmark is used: figure, statistic, scope, year and source. */
export function benchmarkTooltip(r: BenchmarkRow): string {
  const figure =
    r.value !== null
      ? formatValue(r, r.value)
      : r.range !== undefined
        ? `${formatValue(r, r.range.low)} to ${formatValue(r, r.range.high)}`
        : 'no figure';
  const lines = [
    `${figure} (${r.statistic}), ${r.scope}, ${r.year}`,
    `Source: ${r.source === 'user' ? 'your own benchmark' : r.source}${r.secondary ? ' (secondary source)' : ''}`,
  ];
  if (r.quartiles !== undefined) {
    const q = r.quartiles;
    const parts = [
      q.p25 !== undefined ? `25th ${formatValue(r, q.p25)}` : null,
      q.p50 !== undefined ? `median ${formatValue(r, q.p50)}` : null,
      q.p75 !== undefined ? `75th ${formatValue(r, q.p75)}` : null,
    ].filter((p) => p !== null);
    lines.push(`Quartiles: ${parts.join(', ')}`);
  }
  if (r.bestPractice !== undefined) lines.push(r.bestPractice.label);
  if (r.note !== undefined) lines.push(r.note);
  if (r.url !== undefined) lines.push(r.url);
  return lines.join('\n');
}

/** The benchmark as a number the KPI's value can be compared with, or null when the scales differ. */
export function comparableValue(r: BenchmarkRow): number | null {
  return r.scale === 'index' ? null : r.value;
}
