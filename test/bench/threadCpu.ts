import type { Page } from 'playwright-core';

/** One task of the page's main thread: when (ms after the window's start mark), its wall time and its CPU time. */
export interface ThreadTask {
  start: number;
  wall: number;
  cpu: number;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/**
 * Records a Chrome trace of the page while `work` runs, then returns the page's main-thread
 * tasks between two of its performance marks (`from`, `to`, which `work` must make). A
 * task's CPU time is the thread's own (the trace's thread clock), so unlike wall time it
 * does not grow while the thread waits for a core on a loaded machine.
 */
export async function mainThreadTasks(
  page: Page,
  from: string,
  to: string,
  work: () => Promise<void>,
): Promise<ThreadTask[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  // Only task boundaries and marks: the lighter the trace, the less it disturbs what it measures.
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'] },
    transferMode: 'ReportEvents',
  });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  // The marks are made on the page's main thread: that names the thread to read.
  const mark = (name: string) => events.find((e) => e.cat.includes('blink.user_timing') && e.name === name);
  const start = mark(from);
  const end = mark(to);
  if (!start || !end) throw new Error(`The trace has no mark ${start ? to : from}.`);
  const tasks = events
    .filter(
      (e) =>
        e.pid === start.pid &&
        e.tid === start.tid &&
        e.ph === 'X' &&
        e.cat.split(',').includes('toplevel') &&
        e.dur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts);
  // Without the thread clock every task would read 0 ms: say so rather than report it.
  if (!tasks.some((e) => e.tdur !== undefined)) throw new Error('The trace has no thread CPU times (tdur).');
  const outer: TraceEvent[] = [];
  // Only outermost tasks: a task run inside another (a nested loop) is part of it.
  for (const e of tasks) {
    const last = outer[outer.length - 1];
    if (!last || e.ts >= last.ts + (last.dur ?? 0)) outer.push(e);
  }
  return outer
    .filter((e) => e.ts + (e.dur ?? 0) >= start.ts && e.ts <= end.ts)
    .map((e) => ({ start: (e.ts - start.ts) / 1000, wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
}
