import { FIRST_DAY, isoDate, seasonFactor, windowMonths } from './calendar.ts';
import type { Customers } from './customers.ts';
import { createRandom } from './random.ts';
import { cents, type GeneratedTable } from './table.ts';

/** Orders per active customer-month, and median order revenue, by segment. */
const ORDER_RATE = [0.37, 0.6, 1];
const ORDER_REVENUE = [360, 1_430, 5_200];
const SEAT_PRICE = 55;

/**
 * Orders month by month, so the file reads in time order without holding more
 * than a month of orders. Every new customer orders on the day it starts, then
 * at a segment's rate while it stays; nobody orders after churning.
 */
export function ordersTable(seed: number, customers: Customers): GeneratedTable {
  return {
    name: 'orders',
    columns: ['order_id', 'customer_id', 'ordered_at', 'revenue', 'cost', 'quantity'],
    *rows() {
      const random = createRandom(seed, 'orders');
      let next = 1;
      const days: number[] = [];
      const who: number[] = [];
      for (const month of windowMonths()) {
        days.length = 0;
        who.length = 0;
        for (let c = 0; c < customers.count; c++) {
          const created = customers.created[c];
          if (created > month.last) break;
          const from = Math.max(month.first, created);
          const to = Math.min(month.last + 1, customers.churned[c]);
          if (from >= to) continue;
          if (created >= month.first) {
            days.push(created);
            who.push(c);
          }
          const share = (to - from) / (month.last - month.first + 1);
          const n = random.poisson(ORDER_RATE[customers.segment[c]] * seasonFactor(month.first) * share);
          for (let k = 0; k < n; k++) {
            days.push(from + random.int(to - from));
            who.push(c);
          }
        }
        const order = Array.from(days.keys()).sort((a, b) => days[a] - days[b] || a - b);
        for (const j of order) {
          const c = who[j];
          const day = days[j];
          const tenureYears = Math.max(0, day - customers.created[c]) / 365;
          const revenue = cents(
            random.logNormal(ORDER_REVENUE[customers.segment[c]], 0.6) * (1 + 0.12 * tenureYears),
          );
          // Hosting gets cheaper per customer as the platform scales.
          const costShare = random.between(0.24, 0.4) - (0.03 * (day - FIRST_DAY)) / 365;
          yield [
            `O${String(next++).padStart(7, '0')}`,
            customers.ids[c],
            isoDate(day),
            revenue,
            random.chance(0.015) ? null : cents(revenue * costShare),
            Math.max(1, Math.round(revenue / (SEAT_PRICE * random.between(0.8, 1.2)))),
          ];
        }
      }
    },
  };
}
