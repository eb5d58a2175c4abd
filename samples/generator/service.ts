import {
  FIRST_DAY,
  isoDate,
  isoTimestamp,
  LAST_DAY,
  seasonFactor,
  workdayFactor,
  yearOf,
} from './calendar.ts';
import { type Customers, pickActiveCustomer } from './customers.ts';
import { createRandom } from './random.ts';
import { pickMember, type Staff } from './staff.ts';
import type { GeneratedTable } from './table.ts';

/** Tickets per active customer-day, before segment weighting. */
const TICKET_RATE = 0.0123;
/** Larger customers open more tickets. */
const SEGMENT_TICKETS = [0.45, 0.75, 1];

const TYPES = ['Question', 'Bug', 'Billing', 'Complaint', 'Feature Request'];
const TYPE_MIX = [0.38, 0.2, 0.15, 0.1, 0.17];
/** Median hours to resolve, by type. */
const RESOLVE_HOURS = [5, 40, 10, 26, 96];
const PRIORITIES = ['Low', 'Medium', 'High', 'Urgent'];
const PRIORITY_SPEED = [1.4, 1, 0.6, 0.3];
const CHANNELS = ['Email', 'Chat', 'Phone', 'Portal'];
const CHANNEL_MIX = [0.4, 0.3, 0.15, 0.15];
/** Median minutes to first response, and chance of first-contact resolution, by channel. */
const RESPONSE_MINUTES = [180, 3, 1, 300];
const FIRST_CONTACT = [0.62, 0.76, 0.82, 0.55];
/** Opening hour weights: office hours, a little at night. */
const HOUR_MIX = [1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 16, 15, 12, 14, 15, 14, 12, 9, 6, 4, 3, 2, 2, 1];
const END_SECONDS = (LAST_DAY + 1) * 86_400;

export function ticketsTable(seed: number, customers: Customers, staff: Staff): GeneratedTable {
  return {
    name: 'tickets',
    columns: [
      'ticket_id',
      'created_at',
      'customer_id',
      'type',
      'priority',
      'channel',
      'agent',
      'first_response_at',
      'resolved_at',
      'contacts_to_resolve',
    ],
    *rows() {
      const random = createRandom(seed, 'tickets');
      const u = () => random.next();
      const accept = (c: number) => random.chance(SEGMENT_TICKETS[customers.segment[c]]);
      let next = 1;
      for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
        const mean = TICKET_RATE * 0.6 * customers.activeByDay[d - FIRST_DAY] * workdayFactor(d);
        const n = random.poisson(mean);
        const opened: Array<{ at: number; customer: number }> = [];
        for (let k = 0; k < n; k++) {
          const customer = pickActiveCustomer(customers, d, u, accept);
          const at = d * 86_400 + random.weighted(HOUR_MIX) * 3600 + random.int(3600);
          opened.push({ at, customer });
        }
        opened.sort((a, b) => a.at - b.at);
        for (const { at, customer } of opened) {
          const leavingSoon = customer >= 0 && customers.churned[customer] - d <= 60;
          // Customers about to leave complain first: a planted early-warning signal.
          const type = random.weighted(leavingSoon ? [0.3, 0.15, 0.2, 0.4, 0.1] : TYPE_MIX);
          let priority = random.weighted([0.3, 0.45, 0.2, 0.05]);
          if (customer >= 0 && customers.segment[customer] === 2 && priority < 3 && random.chance(0.3))
            priority++;
          const channel = random.weighted(CHANNEL_MIX);
          // Support hired through 2024 and answers faster in 2025.
          const yearSpeed = yearOf(d) === 2025 ? 0.65 : 1;
          const responseSeconds =
            60 * random.logNormal(RESPONSE_MINUTES[channel], 0.9) * PRIORITY_SPEED[priority] * yearSpeed;
          const responded = at + Math.max(30, Math.round(responseSeconds));
          const resolved =
            responded +
            Math.max(
              60,
              Math.round(3600 * random.logNormal(RESOLVE_HOURS[type], 0.9) * PRIORITY_SPEED[priority]),
            );
          const firstContact = FIRST_CONTACT[channel] - (type === 1 ? 0.2 : type === 4 ? 0.3 : 0);
          const contacts = random.chance(firstContact) ? 1 : 2 + random.poisson(0.7);
          const tier = type === 1 && priority >= 2 ? 'Support Tier 2' : 'Support Tier 1';
          const agent = pickMember(staff, tier, d, random.next());
          const answered = responded < END_SECONDS;
          const closed = resolved < END_SECONDS;
          yield [
            `T${String(next++).padStart(7, '0')}`,
            isoTimestamp(at),
            customer < 0 ? null : customers.ids[customer],
            TYPES[type],
            PRIORITIES[priority],
            CHANNELS[channel],
            answered && agent >= 0 ? staff.names[agent] : null,
            answered ? isoTimestamp(responded) : null,
            closed ? isoTimestamp(resolved) : null,
            closed ? contacts : null,
          ];
        }
      }
    },
  };
}

/** Survey responses per active customer-day. */
const SURVEY_RATE = 0.003;

/** Score in [lo, hi] from a roughly standard-normal latent value. */
function scale(latent: number, centre: number, spread: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(centre + spread * latent)));
}

/**
 * Survey responses. Satisfaction is driven by support (strongly), product
 * (strongly, and improving over the years) and onboarding (weakly); price is a
 * decoy that moves nothing. Customers about to churn answer worse.
 */
export function surveysTable(seed: number, customers: Customers): GeneratedTable {
  return {
    name: 'surveys',
    columns: [
      'response_id',
      'answered_at',
      'customer_id',
      'nps',
      'csat',
      'ces',
      'driver_support',
      'driver_product',
      'driver_price',
      'driver_onboarding',
    ],
    *rows() {
      const random = createRandom(seed, 'surveys');
      const u = () => random.next();
      const blankOr = (p: number, value: number) => (random.chance(p) ? null : value);
      let next = 1;
      for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
        const n = random.poisson(SURVEY_RATE * customers.activeByDay[d - FIRST_DAY] * seasonFactor(d));
        for (let k = 0; k < n; k++) {
          const customer = pickActiveCustomer(customers, d, u);
          const support = random.normal();
          const product = random.normal() + (0.35 * (d - FIRST_DAY)) / 365 - 0.5;
          const price = random.normal();
          const onboarding = random.normal();
          const leavingSoon = customer >= 0 && customers.churned[customer] - d <= 120;
          const latent =
            0.55 * support +
            0.4 * product +
            0.15 * onboarding +
            0.7 * random.normal() -
            (leavingSoon ? 0.9 : 0);
          const csat =
            1 +
            (latent > -1.85 ? 1 : 0) +
            (latent > -1.3 ? 1 : 0) +
            (latent > -0.65 ? 1 : 0) +
            (latent > 0.25 ? 1 : 0);
          yield [
            `R${String(next++).padStart(7, '0')}`,
            isoDate(d),
            customer < 0 ? null : customers.ids[customer],
            blankOr(0.04, scale(latent + 0.5 * random.normal(), 8.2, 1.8, 0, 10)),
            blankOr(0.03, csat),
            // Effort is asked only of people who contacted support recently.
            blankOr(0.4, scale(0.6 * support + 0.4 * onboarding + 0.6 * random.normal(), 5.2, 1.1, 1, 7)),
            blankOr(0.05, scale(support, 6.8, 1.9, 1, 10)),
            blankOr(0.05, scale(product, 6.8, 1.9, 1, 10)),
            blankOr(0.05, scale(price, 6.2, 1.9, 1, 10)),
            blankOr(0.05, scale(onboarding, 7.1, 1.7, 1, 10)),
          ];
        }
      }
    },
  };
}
