import { FIRST_DAY, isoDate, LAST_DAY, quarterOf, seasonFactor } from './calendar.ts';
import { type Customers, sortedOrder } from './customers.ts';
import { type Funnel, inWeakQuarter, NEVER, WEAK_WIN_FACTOR } from './funnel.ts';
import { LEAD_SOURCES } from './marketing.ts';
import { createRandom } from './random.ts';
import { pickMember, SALES_TEAMS, type Staff } from './staff.ts';
import { cents, type GeneratedTable } from './table.ts';

/** Median new-business deal size by segment. */
const NEW_BUSINESS_AMOUNT = [7_500, 28_000, 95_000];
/** Upsell opportunities per customer-year, and their median size, by segment. */
const EXPANSION_RATE = [0.26, 0.8, 1.8];
const EXPANSION_AMOUNT = [3_000, 11_000, 40_000];
const EXPANSION_WIN = 0.45;

/**
 * The deals, in the order they were opened: each is either a sales-qualified lead
 * (a new-business deal) or an upsell to an existing customer. `ref` ≥ 0 is a lead
 * index; a negative ref is -(customer index + 1).
 */
interface DealPlan {
  readonly count: number;
  readonly created: Int32Array;
  readonly ref: Int32Array;
}

export function planDeals(seed: number, funnel: Funnel, customers: Customers): DealPlan {
  const random = createRandom(seed, 'deal-plan');
  const created: number[] = [];
  const ref: number[] = [];
  for (let i = 0; i < funnel.count; i++) {
    if (funnel.sql[i] === NEVER) continue;
    // Warm-up deals that were over before the window are not exported.
    const closed = Math.max(funnel.converted[i], funnel.lost[i]);
    if (closed !== NEVER && closed < FIRST_DAY) continue;
    created.push(funnel.sql[i]);
    ref.push(i);
  }
  for (let c = 0; c < customers.count; c++) {
    const from = Math.max(FIRST_DAY, customers.created[c] + 30);
    const to = Math.min(LAST_DAY + 1, customers.churned[c]);
    if (from >= to) continue;
    const n = random.poisson((EXPANSION_RATE[customers.segment[c]] * (to - from)) / 365);
    for (let k = 0; k < n; k++) {
      let day = from + random.int(to - from);
      // Upsells bunch up with budgets too: redraw off-season days now and then.
      if (!random.chance(seasonFactor(day) / 1.4)) day = from + random.int(to - from);
      created.push(day);
      ref.push(-(c + 1));
    }
  }
  const order = sortedOrder(created);
  return {
    count: created.length,
    created: Int32Array.from(order, (j) => created[j]),
    ref: Int32Array.from(order, (j) => ref[j]),
  };
}

const OPEN_STAGES = ['Qualification', 'Proposal', 'Negotiation'];

function openStage(created: number, cycle: number): string {
  const progress = (LAST_DAY - created) / cycle;
  return OPEN_STAGES[progress < 0.35 ? 0 : progress < 0.7 ? 1 : 2];
}

export function dealsTable(
  seed: number,
  plan: DealPlan,
  funnel: Funnel,
  customers: Customers,
  staff: Staff,
): GeneratedTable {
  return {
    name: 'deals',
    columns: [
      'deal_id',
      'created_at',
      'stage',
      'amount',
      'closed_at',
      'won',
      'customer_id',
      'owner',
      'source',
    ],
    *rows() {
      const random = createRandom(seed, 'deals');
      for (let k = 0; k < plan.count; k++) {
        const id = `D${String(k + 1).padStart(7, '0')}`;
        const created = plan.created[k];
        const ref = plan.ref[k];
        let stage: string;
        let closed: number;
        let amount: number;
        let customer: number;
        let owner: number;
        let source: string;
        if (ref >= 0) {
          const segment = funnel.segment[ref];
          amount =
            random.logNormal(NEW_BUSINESS_AMOUNT[segment], 0.55) * (quarterOf(created) === 4 ? 1.1 : 1);
          owner = funnel.owner[ref];
          source = LEAD_SOURCES[funnel.source[ref]];
          customer = funnel.customer[ref];
          if (funnel.converted[ref] !== NEVER) {
            stage = 'Closed Won';
            closed = funnel.converted[ref];
          } else if (funnel.lost[ref] !== NEVER) {
            stage = 'Closed Lost';
            closed = funnel.lost[ref];
          } else {
            stage = openStage(created, funnel.cycle[ref]);
            closed = NEVER;
          }
        } else {
          customer = -ref - 1;
          const segment = customers.segment[customer];
          amount = random.logNormal(EXPANSION_AMOUNT[segment], 0.6);
          source = 'Existing Customer';
          const accountOwner = customers.owner[customer];
          owner =
            accountOwner >= 0 && staff.left[accountOwner] > created
              ? accountOwner
              : pickMember(staff, random.pick(SALES_TEAMS), created, random.next());
          const cycle = Math.max(2, Math.round(random.logNormal(21, 0.5)));
          closed = created + cycle;
          let win = EXPANSION_WIN;
          if (owner >= 0 && inWeakQuarter(staff.team[owner], closed)) win *= WEAK_WIN_FACTOR;
          const won = random.chance(win) && closed < customers.churned[customer];
          if (closed > LAST_DAY) {
            stage = openStage(created, cycle);
            closed = NEVER;
          } else {
            stage = won ? 'Closed Won' : 'Closed Lost';
          }
        }
        yield [
          id,
          isoDate(created),
          stage,
          // Sales rounds quotes to the nearest ten.
          cents(Math.round(amount / 10) * 10),
          closed === NEVER ? null : isoDate(closed),
          stage === 'Closed Won',
          customer < 0 ? null : customers.ids[customer],
          owner < 0 ? null : staff.names[owner],
          source,
        ];
      }
    },
  };
}
