import { FIRST_DAY, isoDate, LAST_DAY, quarterOf, WARMUP_DAY } from './calendar.ts';
import { LEAD_SOURCES, type MarketingPlan } from './marketing.ts';
import { createRandom } from './random.ts';
import { pickMember, SALES_TEAMS, type Staff, WEAK_QUARTER, WEAK_TEAM } from './staff.ts';
import type { GeneratedTable } from './table.ts';

export const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise'] as const;

/** A day that never came (a step the lead did not reach). */
export const NEVER = -1;

const LEAD_STATUSES = [
  'New',
  'Working',
  'MQL',
  'SQL',
  'Converted',
  'Lost',
  'Nurture',
  'Disqualified',
] as const;
const [NEW, WORKING, MQL, SQL, CONVERTED, LOST, NURTURE, DISQUALIFIED] = [0, 1, 2, 3, 4, 5, 6, 7];

/** Per lead source, in LEAD_SOURCES order. */
const MQL_RATE = [0.55, 0.46, 0.36, 0.76, 0.66, 0.53, 0.78, 0.68];
/** Small customers may sign up on their own after qualifying, without a sales deal. */
const SELF_SERVE_RATE = [0.28, 0.25, 0.2, 0.15, 0.05, 0.32, 0.05, 0.05];
const SQL_RATE = 0.62;
const WIN_RATE = [0.33, 0.29, 0.24, 0.36, 0.33, 0.33, 0.5, 0.44];
const SEGMENT_WIN = [1.05, 0.95, 0.85];
const SEGMENT_MIX: readonly (readonly number[])[] = [
  [0.62, 0.28, 0.1],
  [0.66, 0.27, 0.07],
  [0.6, 0.3, 0.1],
  [0.5, 0.35, 0.15],
  [0.35, 0.4, 0.25],
  [0.64, 0.27, 0.09],
  [0.5, 0.33, 0.17],
  [0.45, 0.35, 0.2],
];
/** Median days from sales-qualified to closed, by segment. */
const CYCLE_DAYS = [28, 52, 90];
const TEAM_MIX = [0.36, 0.34, 0.3];

/** How likely a deal in the weak team and quarter is to close won, relative to normal. */
export const WEAK_WIN_FACTOR = 0.45;

/**
 * Every lead and how far it got, as parallel typed arrays so a million leads stay
 * compact. A lead that reached sales-qualified is a new-business deal; a won deal
 * (or a self-serve sign-up) makes a customer.
 */
export interface Funnel {
  readonly count: number;
  readonly created: Int32Array;
  readonly source: Uint8Array;
  readonly segment: Uint8Array;
  /** Employee index of the sales owner, or -1. */
  readonly owner: Int16Array;
  readonly mql: Int32Array;
  readonly sql: Int32Array;
  readonly converted: Int32Array;
  /** Day the lead's deal closed lost, or NEVER. */
  readonly lost: Int32Array;
  /** Planned days from sales-qualified to close, for open deals' stage. */
  readonly cycle: Int32Array;
  readonly status: Uint8Array;
  /** Customer index the lead became, or -1; filled in when customers are built. */
  readonly customer: Int32Array;
}

export function inWeakQuarter(team: string, day: number): boolean {
  return team === WEAK_TEAM && day >= WEAK_QUARTER.first && day <= WEAK_QUARTER.last;
}

export function buildFunnel(seed: number, plan: MarketingPlan, staff: Staff): Funnel {
  const random = createRandom(seed, 'funnel');
  let count = 0;
  for (const perDay of plan.leads) for (const n of perDay) count += n;

  const f: Funnel = {
    count,
    created: new Int32Array(count),
    source: new Uint8Array(count),
    segment: new Uint8Array(count),
    owner: new Int16Array(count),
    mql: new Int32Array(count).fill(NEVER),
    sql: new Int32Array(count).fill(NEVER),
    converted: new Int32Array(count).fill(NEVER),
    lost: new Int32Array(count).fill(NEVER),
    cycle: new Int32Array(count),
    status: new Uint8Array(count),
    customer: new Int32Array(count).fill(-1),
  };

  let i = 0;
  for (let d = WARMUP_DAY; d <= LAST_DAY; d++) {
    for (let s = 0; s < LEAD_SOURCES.length; s++) {
      const n = plan.leads[s][d - WARMUP_DAY];
      for (let k = 0; k < n; k++, i++) {
        const segment = random.weighted(SEGMENT_MIX[s]);
        const team = SALES_TEAMS[random.weighted(TEAM_MIX)];
        const owner = pickMember(staff, team, d, random.next());
        f.created[i] = d;
        f.source[i] = s;
        f.segment[i] = segment;
        f.owner[i] = owner;
        f.status[i] =
          d > LAST_DAY - 10 ? NEW : d > LAST_DAY - 30 ? WORKING : random.chance(0.6) ? DISQUALIFIED : NURTURE;

        if (!random.chance(MQL_RATE[s])) continue;
        const mql = d + 1 + Math.floor(random.logNormal(3, 0.8));
        if (mql > LAST_DAY) continue;
        f.mql[i] = mql;
        f.status[i] = mql > LAST_DAY - 45 ? MQL : random.chance(0.6) ? NURTURE : DISQUALIFIED;

        const selfServe = SELF_SERVE_RATE[s] * (segment === 0 ? 1 : segment === 1 ? 0.25 : 0);
        if (random.chance(selfServe)) {
          const converted = mql + 2 + Math.floor(random.logNormal(10, 0.7));
          if (converted <= LAST_DAY) {
            f.converted[i] = converted;
            f.status[i] = CONVERTED;
          }
          continue;
        }
        if (!random.chance(SQL_RATE)) continue;
        const sql = mql + 2 + Math.floor(random.logNormal(8, 0.7));
        if (sql > LAST_DAY) continue;
        f.sql[i] = sql;
        f.status[i] = SQL;
        const cycle = Math.max(3, Math.round(random.logNormal(CYCLE_DAYS[segment], 0.5)));
        f.cycle[i] = cycle;
        const close = sql + cycle;
        let win = WIN_RATE[s] * SEGMENT_WIN[segment] * (quarterOf(close) === 4 ? 1.08 : 1);
        if (owner >= 0 && inWeakQuarter(staff.team[owner], close)) win *= WEAK_WIN_FACTOR;
        const won = random.chance(win);
        if (close > LAST_DAY) continue;
        if (won) {
          f.converted[i] = close;
          f.status[i] = CONVERTED;
        } else {
          // Lost deals tend to die sooner than won ones close.
          f.lost[i] = Math.min(LAST_DAY, sql + Math.max(2, Math.round(cycle * 0.8)));
          f.status[i] = LOST;
        }
      }
    }
  }
  return f;
}

export function leadsTable(funnel: Funnel, staff: Staff, customerIds: readonly string[]): GeneratedTable {
  const day = (d: number) => (d === NEVER ? null : isoDate(d));
  return {
    name: 'leads',
    columns: [
      'lead_id',
      'created_at',
      'source',
      'status',
      'mql_at',
      'sql_at',
      'converted_at',
      'customer_id',
      'owner',
    ],
    *rows() {
      // Leads from the warm-up months are not exported; numbering starts at the window.
      let first = 0;
      while (first < funnel.count && funnel.created[first] < FIRST_DAY) first++;
      for (let i = first; i < funnel.count; i++) {
        const customer = funnel.customer[i];
        const owner = funnel.owner[i];
        yield [
          `L${String(i - first + 1).padStart(7, '0')}`,
          isoDate(funnel.created[i]),
          LEAD_SOURCES[funnel.source[i]],
          LEAD_STATUSES[funnel.status[i]],
          day(funnel.mql[i]),
          day(funnel.sql[i]),
          day(funnel.converted[i]),
          customer < 0 ? null : customerIds[customer],
          owner < 0 ? null : staff.names[owner],
        ];
      }
    },
  };
}
