import { dayOf, FIRST_DAY, LAST_DAY, windowMonths } from './calendar.ts';
import { personName } from './names.ts';
import { createRandom } from './random.ts';

/** Sentinel for "has not left": later than any day the demo covers. */
export const STILL_HERE = 1 << 30;

interface TeamPlan {
  readonly department: string;
  readonly team: string;
  /** Headcount on 2023-01-01; the target grows 10 % a year. */
  readonly start: number;
  readonly monthlyLeaving: number;
  readonly monthlySalary: number;
}

const TEAMS: readonly TeamPlan[] = [
  { department: 'Sales', team: 'Sales East', start: 8, monthlyLeaving: 0.015, monthlySalary: 6_400 },
  { department: 'Sales', team: 'Sales West', start: 8, monthlyLeaving: 0.015, monthlySalary: 6_400 },
  { department: 'Sales', team: 'Sales Central', start: 7, monthlyLeaving: 0.015, monthlySalary: 6_400 },
  { department: 'Support', team: 'Support Tier 1', start: 14, monthlyLeaving: 0.026, monthlySalary: 4_100 },
  { department: 'Support', team: 'Support Tier 2', start: 7, monthlyLeaving: 0.01, monthlySalary: 5_200 },
  {
    department: 'Customer Success',
    team: 'Customer Success',
    start: 8,
    monthlyLeaving: 0.012,
    monthlySalary: 5_600,
  },
  { department: 'Marketing', team: 'Marketing', start: 6, monthlyLeaving: 0.012, monthlySalary: 6_000 },
  { department: 'Engineering', team: 'Platform', start: 12, monthlyLeaving: 0.008, monthlySalary: 9_300 },
  { department: 'Engineering', team: 'Product', start: 10, monthlyLeaving: 0.008, monthlySalary: 9_000 },
  { department: 'Finance', team: 'Finance', start: 5, monthlyLeaving: 0.008, monthlySalary: 6_500 },
  { department: 'People', team: 'People Ops', start: 3, monthlyLeaving: 0.008, monthlySalary: 5_800 },
];

export const SALES_TEAMS = ['Sales East', 'Sales West', 'Sales Central'] as const;

/**
 * The planted weak quarter: Sales West's best closer leaves mid-June 2024 and the
 * team is not backfilled until October, so its Q3 2024 closes collapse.
 */
export const WEAK_TEAM = 'Sales West';
export const WEAK_QUARTER = { first: dayOf('2024-07-01'), last: dayOf('2024-09-30') };
const WEST_CLOSER_LEAVES = dayOf('2024-06-14');
const WEST_HIRING_FREEZE = { first: dayOf('2024-06-01'), last: dayOf('2024-09-30') };

/** Everyone who worked at the company, in hire order. */
export interface Staff {
  readonly count: number;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly hired: Int32Array;
  /** First day no longer employed, or STILL_HERE. */
  readonly left: Int32Array;
  readonly department: readonly string[];
  readonly team: readonly string[];
  readonly weeklyHours: Uint8Array;
  readonly monthlySalary: Float64Array;
  /** Employees of a team employed on a day of the window. */
  activeOn(team: string, day: number): readonly number[];
}

interface Hire {
  hired: number;
  left: number;
  plan: TeamPlan;
  name: string;
  weeklyHours: number;
  salary: number;
}

export function buildStaff(seed: number): Staff {
  const random = createRandom(seed, 'staff');
  const hires: Hire[] = [];
  const usedNames = new Set<string>();
  const uniqueName = (): string => {
    let name = personName(random);
    while (usedNames.has(name)) name = personName(random);
    usedNames.add(name);
    return name;
  };
  const hire = (plan: TeamPlan, day: number): Hire => {
    const h: Hire = {
      hired: day,
      left: STILL_HERE,
      plan,
      name: uniqueName(),
      weeklyHours: plan.team === 'Support Tier 1' && random.chance(0.15) ? 20 : 40,
      salary: plan.monthlySalary * random.logNormal(1, 0.12),
    };
    hires.push(h);
    return h;
  };

  const beforeWindow = dayOf('2016-01-04');
  for (const plan of TEAMS) {
    const members: Hire[] = [];
    for (let i = 0; i < plan.start; i++) {
      // Tenure skews short: most of the team joined in the last few years.
      const back = Math.floor(Math.sqrt(random.next()) * (FIRST_DAY - beforeWindow));
      members.push(hire(plan, FIRST_DAY - 1 - back));
    }
    if (plan.team === WEAK_TEAM) {
      members.sort((a, b) => a.hired - b.hired);
      members[0].left = WEST_CLOSER_LEAVES;
    }
    for (const month of windowMonths()) {
      for (const m of members) {
        if (m.left === STILL_HERE && m.hired < month.first && random.chance(plan.monthlyLeaving)) {
          m.left = month.first + random.int(month.last - month.first + 1);
        }
      }
      const frozen =
        plan.team === WEAK_TEAM &&
        month.first >= WEST_HIRING_FREEZE.first &&
        month.last <= WEST_HIRING_FREEZE.last;
      if (frozen) continue;
      const target = Math.round(plan.start * (1 + (0.1 * (month.first - FIRST_DAY)) / 365));
      const active = members.filter((m) => m.left > month.last).length;
      for (let i = active; i < target; i++) {
        members.push(hire(plan, month.first + random.int(28)));
      }
    }
  }

  hires.sort((a, b) => a.hired - b.hired);
  const count = hires.length;
  const staff = {
    count,
    ids: hires.map((_, i) => `E${String(i + 1).padStart(4, '0')}`),
    names: hires.map((h) => h.name),
    hired: Int32Array.from(hires, (h) => h.hired),
    left: Int32Array.from(hires, (h) => h.left),
    department: hires.map((h) => h.plan.department),
    team: hires.map((h) => h.plan.team),
    weeklyHours: Uint8Array.from(hires, (h) => h.weeklyHours),
    monthlySalary: Float64Array.from(hires, (h) => Math.round(h.salary)),
  };

  // Per team and day of the window, the employed members; consecutive days share one array.
  const byTeam = new Map<string, Array<readonly number[]>>();
  for (const plan of TEAMS) {
    const days: Array<readonly number[]> = [];
    let previous: number[] = [];
    for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
      const now: number[] = [];
      for (let i = 0; i < count; i++) {
        if (staff.team[i] === plan.team && staff.hired[i] <= d && staff.left[i] > d) now.push(i);
      }
      const same = now.length === previous.length && now.every((v, j) => v === previous[j]);
      if (!same) previous = now;
      days.push(previous);
    }
    byTeam.set(plan.team, days);
  }

  return {
    ...staff,
    activeOn(team, day) {
      const days = byTeam.get(team);
      if (!days) throw new Error(`No team called ${team}.`);
      const clamped = Math.min(LAST_DAY, Math.max(FIRST_DAY, day));
      return days[clamped - FIRST_DAY];
    },
  };
}

/** Someone from the team employed that day, or -1 when the team is empty (a blank owner). */
export function pickMember(staff: Staff, team: string, day: number, u: number): number {
  const members = staff.activeOn(team, day);
  return members.length === 0 ? -1 : members[Math.floor(u * members.length)];
}
