import type { Schema } from '../../core/formula/schema';
import type { DateSpan } from '../../core/kpi/dateRange';
import type { Grain } from '../../core/sql/calendarSchema';
import { frameKeyOf } from './frameKey';
import type { FrameResults, RunWork } from './frameResults';
import { completePeriods, type FrameSettings, framesFor } from './frames';
import type { ResultsCache } from './resultsCache';
import { spread } from './viewShape';

const PREFETCH_GRAINS: readonly Grain[] = ['month', 'quarter', 'year', 'week'];

/** A macrotask between pieces of background work, so input and paint get their turn. */
const pause = () => new Promise<void>((r) => setTimeout(r, 0));

interface PrefetchRequest {
  readonly data: string;
  readonly settings: FrameSettings;
  readonly dataRange: DateSpan;
  readonly schema: Schema;
  readonly today: string;
}

/**
 * Work done ahead, between the user's own runs: the other grains of the same view (and
 * their breakdowns), so switching is instant. Per table, so the user's next query never
 * waits behind more than one small piece; `work.signal` calls it off, even mid-query.
 */
export async function prefetchGrains(
  work: RunWork,
  frames: FrameResults,
  cache: ResultsCache,
  p: PrefetchRequest,
): Promise<void> {
  const byTable = new Map<string, string[]>();
  for (const d of work.defs) {
    const t = work.plan.tableOf.get(d.id) ?? '';
    byTable.set(t, [...(byTable.get(t) ?? []), d.id]);
  }
  const everyKpi = new Map(work.defs.map((d) => [d.id, work.plan.keyOf.get(d.id) ?? '']));
  const ids = work.defs.map((d) => d.id);
  try {
    for (const grain of PREFETCH_GRAINS) {
      if (grain === p.settings.grain) continue;
      const { main, byFrom } = framesFor({ ...p.settings, grain }, p.dataRange, p.schema, p.today);
      const mainKey = frameKeyOf(p.data, main);
      for (const group of byTable.values()) {
        await pause();
        if (work.signal.aborted) return;
        await frames.fill(work, mainKey, main, group);
      }
      const rows = cache.rows(mainKey, everyKpi);
      const by =
        rows === null ? null : byFrom(spread(completePeriods(rows, p.settings, p.dataRange.to), ids).periods);
      if (by === null) continue;
      const byKey = frameKeyOf(p.data, by);
      for (const group of byTable.values()) {
        await pause();
        if (work.signal.aborted) return;
        await frames.fill(work, byKey, by, group);
      }
    }
  } catch {
    // Background work that fails or is called off costs nothing: the user's run computes it.
  }
}
