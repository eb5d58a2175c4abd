import { dayOf, FIRST_DAY, isoDate, seasonFactor, WARMUP_DAY, windowMonths } from './calendar.ts';
import type { Customers } from './customers.ts';
import { type Funnel, NEVER } from './funnel.ts';
import { type MarketingPlan, PAID_CHANNELS } from './marketing.ts';
import { createRandom } from './random.ts';
import type { Staff } from './staff.ts';
import { cents, type GeneratedTable } from './table.ts';

const CATEGORIES = [
  'Salaries',
  'Marketing',
  'Software & Hosting',
  'Office',
  'Travel',
  'Commissions',
  'Recruiting',
];
const NEW_OFFICE = dayOf('2024-07-01');
/** Commission is a share of a typical new-business deal per sales-led win. */
const COMMISSION = 0.08;
const TYPICAL_DEAL = [7_500, 28_000, 95_000];

/**
 * Monthly costs, booked on the last day of the month. Salaries, marketing and
 * commissions follow the other tables (payroll, the marketing calendar, won deals),
 * so profit and CAC computed from them hang together.
 */
export function expensesTable(
  seed: number,
  staff: Staff,
  plan: MarketingPlan,
  customers: Customers,
  funnel: Funnel,
): GeneratedTable {
  return {
    name: 'expenses',
    columns: ['date', 'amount', 'category'],
    *rows() {
      const random = createRandom(seed, 'expenses');
      const months = windowMonths();
      const commissionBase = new Float64Array(months.length);
      for (let i = 0; i < funnel.count; i++) {
        const won = funnel.converted[i];
        if (won < FIRST_DAY || funnel.sql[i] === NEVER) continue;
        const m = months.findIndex((month) => won >= month.first && won <= month.last);
        commissionBase[m] += TYPICAL_DEAL[funnel.segment[i]];
      }
      for (let m = 0; m < months.length; m++) {
        const month = months[m];
        const length = month.last - month.first + 1;
        let salaries = 0;
        let hires = 0;
        for (let e = 0; e < staff.count; e++) {
          const from = Math.max(month.first, staff.hired[e]);
          const to = Math.min(month.last + 1, staff.left[e]);
          if (from < to) salaries += (staff.monthlySalary[e] * (to - from)) / length;
          if (staff.hired[e] >= month.first && staff.hired[e] <= month.last) hires++;
        }
        let marketing = 0;
        let eventDays = 0;
        for (let d = month.first; d <= month.last; d++) {
          for (let s = 0; s < PAID_CHANNELS; s++) marketing += plan.spend[s][d - WARMUP_DAY];
          if (plan.eventDays.has(d)) eventDays++;
        }
        const activeCustomers = customers.activeByDay[month.first - FIRST_DAY];
        const amounts = [
          salaries * 1.22, // employer taxes and benefits on top of pay
          marketing,
          (18_000 + 9 * activeCustomers) * random.logNormal(1, 0.04),
          (month.first >= NEW_OFFICE ? 41_000 : 32_000) * random.logNormal(1, 0.02),
          9_000 * seasonFactor(month.first) * random.logNormal(1, 0.15) + 1_500 * eventDays,
          COMMISSION * commissionBase[m] * random.logNormal(1, 0.05),
          4_500 * hires * random.logNormal(1, 0.2),
        ];
        for (let c = 0; c < CATEGORIES.length; c++) {
          yield [isoDate(month.last), cents(amounts[c]), CATEGORIES[c]];
        }
      }
    },
  };
}
