import { dayOf, FIRST_DAY, isoDate, LAST_DAY } from './calendar.ts';
import { type Funnel, NEVER, SEGMENTS } from './funnel.ts';
import { LEAD_SOURCES } from './marketing.ts';
import { companyName } from './names.ts';
import { createRandom } from './random.ts';
import { pickMember, SALES_TEAMS, STILL_HERE, type Staff } from './staff.ts';
import type { GeneratedTable } from './table.ts';

/**
 * Monthly churn hazard by segment: SMB leaves about three times as often as
 * Enterprise (the planted segment pattern).
 */
const MONTHLY_CHURN = [0.03, 0.016, 0.0095];
/** Referred and partner customers stay longer; paid-social ones leave sooner. */
const CHANNEL_CHURN = [1, 1.25, 1.1, 0.95, 0.9, 1, 0.7, 0.8];

const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM'];
const REGION_MIX = [0.45, 0.3, 0.17, 0.08];
const INDUSTRIES = [
  'Retail',
  'Healthcare',
  'Financial Services',
  'Manufacturing',
  'Software',
  'Education',
  'Logistics',
];
const INDUSTRY_MIX = [0.2, 0.14, 0.13, 0.15, 0.18, 0.08, 0.12];

/** Accounts won before the window, so 2023 starts with a customer base. */
const BASE_CUSTOMERS = 620;
const BASE_FROM = dayOf('2019-01-01');

/** Customers sorted by the day they started; index = position. */
export interface Customers {
  readonly count: number;
  readonly ids: readonly string[];
  readonly created: Int32Array;
  /** Day the customer left, or STILL_HERE. */
  readonly churned: Int32Array;
  readonly segment: Uint8Array;
  /** Index into LEAD_SOURCES. */
  readonly channel: Uint8Array;
  readonly owner: Int16Array;
  /** Lead the customer came from, or -1 for the accounts won before the window. */
  readonly lead: Int32Array;
  /** Customers active on each day of the window. */
  readonly activeByDay: Int32Array;
}

/** Turns the funnel's conversions (plus the pre-window base) into customers; links leads to them. */
export function buildCustomers(seed: number, scale: number, funnel: Funnel, staff: Staff): Customers {
  const random = createRandom(seed, 'customers-core');
  const created: number[] = [];
  const segment: number[] = [];
  const channel: number[] = [];
  const owner: number[] = [];
  const lead: number[] = [];

  const baseCount = Math.round(BASE_CUSTOMERS * scale);
  for (let i = 0; i < baseCount; i++) {
    created.push(FIRST_DAY - 1 - Math.floor((1 - Math.sqrt(random.next())) * (FIRST_DAY - BASE_FROM)));
    segment.push(random.weighted([0.55, 0.3, 0.15]));
    channel.push(random.weighted([0.2, 0.12, 0.06, 0.1, 0.08, 0.24, 0.13, 0.07]));
    owner.push(
      random.chance(0.15) ? -1 : pickMember(staff, random.pick(SALES_TEAMS), FIRST_DAY, random.next()),
    );
    lead.push(-1);
  }
  for (let i = 0; i < funnel.count; i++) {
    if (funnel.converted[i] === NEVER) continue;
    created.push(funnel.converted[i]);
    segment.push(funnel.segment[i]);
    channel.push(funnel.source[i]);
    // Self-serve sign-ups have no sales owner until someone claims them.
    owner.push(funnel.sql[i] === NEVER && random.chance(0.5) ? -1 : funnel.owner[i]);
    lead.push(i);
  }

  const count = created.length;
  const order = sortedOrder(created);
  const c: Customers = {
    count,
    ids: Array.from({ length: count }, (_, i) => `C${String(i + 1).padStart(6, '0')}`),
    created: Int32Array.from(order, (j) => created[j]),
    churned: new Int32Array(count),
    segment: Uint8Array.from(order, (j) => segment[j]),
    channel: Uint8Array.from(order, (j) => channel[j]),
    owner: Int16Array.from(order, (j) => owner[j]),
    lead: Int32Array.from(order, (j) => lead[j]),
    activeByDay: new Int32Array(LAST_DAY - FIRST_DAY + 1),
  };

  const change = new Int32Array(LAST_DAY - FIRST_DAY + 2);
  for (let i = 0; i < count; i++) {
    if (c.lead[i] >= 0) funnel.customer[c.lead[i]] = i;
    const hazard = MONTHLY_CHURN[c.segment[i]] * CHANNEL_CHURN[c.channel[i]];
    // Exponential lifetime in months; nobody leaves in their first month.
    const lifetime = Math.max(31, Math.round((-Math.log(1 - random.next()) / hazard) * 30.44));
    const churned = c.created[i] + lifetime;
    c.churned[i] = churned <= LAST_DAY ? churned : STILL_HERE;
    const from = Math.max(FIRST_DAY, c.created[i]);
    const to = Math.min(LAST_DAY + 1, c.churned[i]);
    if (from < to) {
      change[from - FIRST_DAY]++;
      change[to - FIRST_DAY]--;
    }
  }
  let running = 0;
  for (let d = 0; d < c.activeByDay.length; d++) {
    running += change[d];
    c.activeByDay[d] = running;
  }
  return c;
}

/** Indices that sort the days ascending, ties kept in input order; typed-array sort stays fast at a million. */
export function sortedOrder(days: ArrayLike<number>): Int32Array {
  const n = days.length;
  const slots = 2 ** 23;
  if (n >= slots) throw new Error('Too many rows to sort by day.');
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (days[i] + 100_000) * slots + i;
  keys.sort();
  return Int32Array.from(keys, (k) => k % slots);
}

/** The customer active on `day` whose position `u` picks, or -1 after a few misses. */
export function pickActiveCustomer(
  c: Customers,
  day: number,
  u: () => number,
  accept?: (i: number) => boolean,
): number {
  const upper = upperBound(c.created, day);
  for (let tries = 0; tries < 60; tries++) {
    const i = Math.floor(u() * upper);
    if (c.churned[i] > day && (!accept || accept(i))) return i;
  }
  return -1;
}

/** Number of entries ≤ value in an ascending array. */
function upperBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function customersTable(seed: number, c: Customers, staff: Staff): GeneratedTable {
  return {
    name: 'customers',
    columns: [
      'customer_id',
      'created_at',
      'churned_at',
      'name',
      'segment',
      'region',
      'industry',
      'channel',
      'owner',
    ],
    *rows() {
      const random = createRandom(seed, 'customers');
      for (let i = 0; i < c.count; i++) {
        const owner = c.owner[i];
        yield [
          c.ids[i],
          isoDate(c.created[i]),
          c.churned[i] === STILL_HERE ? null : isoDate(c.churned[i]),
          companyName(random),
          SEGMENTS[c.segment[i]],
          REGIONS[random.weighted(REGION_MIX)],
          random.chance(0.03) ? null : INDUSTRIES[random.weighted(INDUSTRY_MIX)],
          LEAD_SOURCES[c.channel[i]],
          owner < 0 ? null : staff.names[owner],
        ];
      }
    },
  };
}
