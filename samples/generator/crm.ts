import { buildCustomers, customersTable } from './customers.ts';
import { dealsTable, planDeals } from './deals.ts';
import { expensesTable } from './expenses.ts';
import { buildFunnel, leadsTable } from './funnel.ts';
import { marketingTable, planMarketing, webTable } from './marketing.ts';
import { ordersTable } from './orders.ts';
import { attendanceTable, employeesTable, trainingTable } from './people.ts';
import { surveysTable, ticketsTable } from './service.ts';
import { socialTable } from './social.ts';
import { buildStaff } from './staff.ts';
import type { GeneratedCrm } from './table.ts';

/** The fictional company the demo data describes. */
export const COMPANY = 'Kestrelwood Analytics';
export const DEFAULT_SEED = 1402;

interface CrmOptions {
  seed?: number;
  /**
   * Multiplies the customer and event tables (customers, leads, deals, orders,
   * tickets, surveys, and the lead counts behind marketing and web). Staff, social
   * and the calendar-shaped tables keep their size. Fractions make small test sets.
   */
  scale?: number;
}

/**
 * All 13 canonical tables of one company over 2023-2025. The shared skeleton
 * (staff, marketing calendar, funnel, customers, deal list) is built here in
 * compact arrays; each table's rows are produced on demand from its own seeded
 * stream, so the same seed and scale always give the same bytes.
 */
export function generateCrm(options: CrmOptions = {}): GeneratedCrm {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`Scale must be a positive number, not ${scale}.`);
  if (!Number.isSafeInteger(seed)) throw new Error(`Seed must be a whole number, not ${seed}.`);

  const staff = buildStaff(seed);
  const plan = planMarketing(seed, scale);
  const funnel = buildFunnel(seed, plan, staff);
  const customers = buildCustomers(seed, scale, funnel, staff);
  const deals = planDeals(seed, funnel, customers);

  return {
    customers: customersTable(seed, customers, staff),
    leads: leadsTable(funnel, staff, customers.ids),
    deals: dealsTable(seed, deals, funnel, customers, staff),
    orders: ordersTable(seed, customers),
    tickets: ticketsTable(seed, customers, staff),
    surveys: surveysTable(seed, customers),
    marketing: marketingTable(seed, plan),
    web: webTable(seed, plan),
    social: socialTable(seed),
    employees: employeesTable(staff),
    attendance: attendanceTable(seed, staff),
    training: trainingTable(seed, staff),
    expenses: expensesTable(seed, staff, plan, customers, funnel),
  };
}
