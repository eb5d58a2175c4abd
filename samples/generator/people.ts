import { FIRST_DAY, isoDate, LAST_DAY, monthOf, weekdayOf, yearOf } from './calendar.ts';
import { createRandom } from './random.ts';
import { STILL_HERE, type Staff } from './staff.ts';
import type { GeneratedTable } from './table.ts';

/**
 * `name` is not a canonical column; it is here because deals, leads and tickets
 * name their owner or agent, and this is how those names join to teams.
 */
export function employeesTable(staff: Staff): GeneratedTable {
  return {
    name: 'employees',
    columns: ['employee_id', 'hired_at', 'left_at', 'department', 'team', 'name'],
    *rows() {
      for (let i = 0; i < staff.count; i++) {
        yield [
          staff.ids[i],
          isoDate(staff.hired[i]),
          staff.left[i] === STILL_HERE ? null : isoDate(staff.left[i]),
          staff.department[i],
          staff.team[i],
          staff.names[i],
        ];
      }
    },
  };
}

/** Chance of missing a scheduled day: front-line support is absent more, and everyone in winter. */
function absenceChance(team: string, day: number): number {
  const base = team === 'Support Tier 1' ? 0.05 : 0.022;
  const month = monthOf(day);
  const season = month === 12 || month <= 2 ? 1.7 : month === 7 || month === 8 ? 0.8 : 1;
  return base * season;
}

/** One row per employee per week employed (dated the Monday), in week order. */
export function attendanceTable(seed: number, staff: Staff): GeneratedTable {
  return {
    name: 'attendance',
    columns: ['employee_id', 'date', 'scheduled_hours', 'absent_hours'],
    *rows() {
      const random = createRandom(seed, 'attendance');
      let monday = FIRST_DAY;
      while (weekdayOf(monday) !== 1) monday++;
      for (; monday + 4 <= LAST_DAY; monday += 7) {
        for (let i = 0; i < staff.count; i++) {
          if (staff.hired[i] > monday || staff.left[i] <= monday + 4) continue;
          const scheduled = staff.weeklyHours[i];
          const daily = scheduled / 5;
          const p = absenceChance(staff.team[i], monday);
          let absent = 0;
          for (let day = 0; day < 5; day++) {
            if (random.chance(p)) absent += daily;
            else if (random.chance(p / 4)) absent += daily / 2;
          }
          yield [staff.ids[i], isoDate(monday), scheduled, absent];
        }
      }
    },
  };
}

/** Courses a year per employee: the 2024 budget cut shows as a dip in training hours. */
const SESSIONS_PER_YEAR: Readonly<Record<number, number>> = { 2023: 6, 2024: 3.5, 2025: 5.5 };

export function trainingTable(seed: number, staff: Staff): GeneratedTable {
  return {
    name: 'training',
    columns: ['employee_id', 'date', 'hours'],
    *rows() {
      const random = createRandom(seed, 'training');
      const sessions: Array<{ employee: number; day: number; hours: number }> = [];
      for (let i = 0; i < staff.count; i++) {
        const from = Math.max(FIRST_DAY, staff.hired[i]);
        const to = Math.min(LAST_DAY + 1, staff.left[i]);
        if (staff.hired[i] >= FIRST_DAY) {
          // Onboarding: three longer sessions in the first weeks.
          for (let k = 0; k < 3; k++) {
            const day = staff.hired[i] + k * 5 + random.int(4);
            if (day < to) sessions.push({ employee: i, day, hours: 4 + random.int(5) });
          }
        }
        for (let day = from; day < to; day++) {
          if (weekdayOf(day) === 0 || weekdayOf(day) === 6) continue;
          if (!random.chance(SESSIONS_PER_YEAR[yearOf(day)] / 260)) continue;
          const hours = Math.min(8, Math.max(0.5, Math.round(random.logNormal(2, 0.5) * 2) / 2));
          sessions.push({ employee: i, day, hours });
        }
      }
      sessions.sort((a, b) => a.day - b.day || a.employee - b.employee);
      for (const s of sessions) yield [staff.ids[s.employee], isoDate(s.day), s.hours];
    },
  };
}
