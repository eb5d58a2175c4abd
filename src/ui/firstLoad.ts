import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { dataStore, sheetsStore, showKind } from './appRoot';
import { demoFiles } from './demoFiles';
import { previewShippedDemo } from './shippedDemo';

/**
 * What the first screen is waiting for: the start itself (is there an autosaved
 * workbook?), the demo's files, or the autosaved workbook's tables. While it is not
 * null the page says so, never "drop a CRM export here".
 */
export type FirstLoad =
  | { readonly what: 'starting' }
  | { readonly what: 'demo'; readonly done: number; readonly total: number; readonly file: string | null }
  | { readonly what: 'autosave'; readonly done: number; readonly total: number };

const fresh = new URLSearchParams(window.location.search).get('demo') === '0';

// A clean start (`?demo=0`) has nothing to wait for; any other start is loading from its first paint.
const firstLoadStore = createStore<{ load: FirstLoad | null }>(() => ({
  load: fresh ? null : { what: 'starting' },
}));

export function useFirstLoad<T>(selector: (s: { load: FirstLoad | null }) => T): T {
  return useStore(firstLoadStore, selector);
}

// The first load under way, and whether the demo's files are being read in it.
let running: Promise<unknown> | null = null;
let demoNames: ReadonlySet<string> | null = null;

const activeKind = () => {
  const { sheets, active } = sheetsStore.getState();
  return sheets.find((s) => s.id === active)?.kind;
};

/**
 * Runs the first load, then shows the scorecard: what Shakhes is opened for. A user
 * who picked another kind of sheet while it loaded stays there. Restoring a workbook
 * replaces the sheet list but keeps the kind shown, so only a user's choice changes it.
 */
export async function firstLoad<T>(work: () => Promise<T>): Promise<T> {
  const kind = activeKind();
  if (firstLoadStore.getState().load === null) firstLoadStore.setState({ load: { what: 'starting' } });
  const done = (async () => {
    try {
      return await work();
    } finally {
      if (activeKind() === kind) showKind('scorecard');
      firstLoadStore.setState({ load: null });
    }
  })();
  running = done;
  try {
    return await done;
  } finally {
    if (running === done) running = null;
  }
}

/**
 * Ends the first load before another workbook takes its place: the demo's files still
 * queued or being read are cancelled (the demo never merges into a workbook the user
 * opens); a restore of the user's own last workbook is let finish, so it can be kept
 * under "Recently closed" rather than lost. Resolves once nothing is loading.
 */
export async function stopFirstLoad(): Promise<void> {
  const names = demoNames;
  if (names !== null)
    for (const job of dataStore.getState().jobs)
      if (names.has(job.fileName)) dataStore.getState().cancelJob(job.id);
  await running?.catch(() => undefined);
  // The user asked for the change; a "load cancelled" note per demo file would only be noise.
  if (names !== null)
    for (const n of dataStore.getState().notices)
      if (names.has(n.file)) dataStore.getState().dismissNotice(n.id);
}

/** Loads the demo, counting its files as they finish: "Loading the demo: 4 of 13 tables". */
export async function loadDemoTracked(): Promise<void> {
  const total = demoFiles().length;
  const names = new Set(demoFiles().map((f) => f.name));
  const update = () => {
    const jobs = dataStore.getState().jobs.filter((j) => names.has(j.fileName));
    const running = jobs.find((j) => j.state === 'running');
    firstLoadStore.setState({
      load: { what: 'demo', done: total - jobs.length, total, file: running?.fileName ?? null },
    });
  };
  const stop = dataStore.subscribe((s, prev) => {
    if (s.jobs !== prev.jobs) update();
  });
  demoNames = names;
  try {
    const loading = dataStore.getState().loadDemo();
    update();
    // The demo's computed scorecard, shipped with it, is on screen while the engine starts.
    void previewShippedDemo(() => demoNames === names);
    await loading;
  } finally {
    demoNames = null;
    stop();
  }
}

/** The autosaved workbook's progress: tables read back so far, out of all. */
export function autosaveProgress(done: number, total: number): void {
  firstLoadStore.setState({ load: { what: 'autosave', done, total } });
}
