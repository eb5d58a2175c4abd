import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { scorecardLimits } from '../../../src/app/scorecardLimits';
import { ensureCalendar } from '../../../src/engine/calendar';
import type { Engine } from '../../../src/engine/engine';
import { engineRoot } from '../../../src/engine/engineRoot';

/** An engine that answers every query with no rows and keeps the SQL it was sent. */
function recordingEngine() {
  const sent: string[] = [];
  const engine = {
    query: async (sql: string) => {
      sent.push(sql);
      return tableFromArrays({});
    },
    cancel: async () => undefined,
  } as unknown as Engine;
  return { engine, sent };
}

describe('scorecardLimits', () => {
  const limits = scorecardLimits({ timeLimitMs: () => 30_000, onStop: () => undefined });

  it('bounds each run on the database underneath, so per-database state is found again', () => {
    const { engine } = recordingEngine();
    expect(engineRoot(limits.bound(engine))).toBe(engine);
  });

  it('builds the calendar once for runs through separate bound engines (one per scorecard run)', async () => {
    const { engine, sent } = recordingEngine();
    await ensureCalendar(limits.bound(engine), '2024-01-01', '2024-12-31');
    const oneBuild = sent.length;
    expect(sent.some((sql) => sql.includes('_calendar'))).toBe(true);
    // Later runs, each through its own bound engine, over ranges the calendar covers.
    await ensureCalendar(limits.bound(engine), '2024-02-01', '2024-11-30');
    await ensureCalendar(limits.bound(engine), '2024-04-01', '2024-09-30');
    await ensureCalendar(engine, '2024-03-01', '2024-10-31');
    expect(sent).toHaveLength(oneBuild);
  });
});
