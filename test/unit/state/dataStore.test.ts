import { describe, expect, it } from 'vitest';
import { ImportError, type ImportResult, type ParseOptions } from '../../../src/engine/ingest/types';
import { createDataStore, type ImportFn, type SourceFile } from '../../../src/state/dataStore';
import { recordingEngine } from '../../helpers/recordingEngine';

function file(name: string, text = 'a,b\n1,2\n'): SourceFile {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.byteLength, read: async () => bytes };
}

interface Call {
  name: string;
  format?: string;
  text: string;
  table?: string;
  options?: ParseOptions;
  existing?: string[];
}

/** An importer that names tables after files, fails on names containing "bad", and records calls. */
function fakeImporter(calls: Call[], hold?: Promise<void>): ImportFn {
  return async (_engine, source, opts = {}) => {
    calls.push({
      name: source.name,
      format: source.format,
      text: new TextDecoder().decode(source.bytes),
      table: opts.table,
      options: opts.options,
      existing: opts.existing,
    });
    opts.onProgress?.({ phase: 'parsing', bytes: 3, totalBytes: source.bytes.byteLength });
    if (hold) {
      await new Promise<void>((resolve, reject) => {
        opts.signal?.addEventListener('abort', () => {
          const e = new Error('aborted');
          e.name = 'AbortError';
          reject(e);
        });
        void hold.then(resolve);
      });
    }
    if (source.name.includes('bad')) {
      throw new ImportError(source.name, `${source.name}: line 3, column 2: unbalanced quote`, {
        line: 3,
        column: 'b',
      });
    }
    const base = opts.table ?? source.name.replace(/\.[^.]+$/, '');
    const result: ImportResult = {
      table: base,
      sourceName: source.name,
      format: source.format ?? (source.name.endsWith('.tsv') ? 'tsv' : 'csv'),
      rows: 1,
      columns: [
        { name: 'a', kind: 'number', sqlType: 'BIGINT' },
        { name: 'b', kind: 'number', sqlType: 'BIGINT' },
      ],
      options: { delimiter: ',', header: true, ...opts.options },
      problems: { count: 0, samples: [] },
      notes: [],
    };
    return result;
  };
}

function setup(importer: ImportFn, demo: SourceFile[] = []) {
  const engine = recordingEngine();
  let started = 0;
  const store = createDataStore({
    createEngine: async () => {
      started++;
      return engine;
    },
    importFile: importer,
    demoFiles: () => demo,
  });
  return { store, engine, started: () => started };
}

describe('data store', () => {
  it('loads several files into tables, selects the first, and starts the engine once', async () => {
    const calls: Call[] = [];
    const { store, started } = setup(fakeImporter(calls));
    const loaded = await store.getState().loadFiles([file('deals.csv'), file('leads.csv')]);
    expect(loaded.map((t) => t.name)).toEqual(['deals', 'leads']);
    const s = store.getState();
    expect(s.tables.map((t) => t.name)).toEqual(['deals', 'leads']);
    expect(s.selectedTable).toBe('deals');
    expect(s.jobs).toEqual([]);
    expect(s.engineStatus).toBe('ready');
    expect(started()).toBe(1);
    // The second import is told which names are taken so it can make its own unique.
    expect(calls[1].existing).toEqual(['deals']);
  });

  it('keeps loaded tables and records a located error when a file fails', async () => {
    const { store } = setup(fakeImporter([]));
    await store.getState().loadFiles([file('deals.csv')]);
    await store.getState().loadFiles([file('bad.csv'), file('orders.csv')]);
    const s = store.getState();
    expect(s.tables.map((t) => t.name)).toEqual(['deals', 'orders']);
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]).toMatchObject({ file: 'bad.csv', line: 3, column: 'b' });
    expect(s.errors[0].message).toContain('bad.csv');
    store.getState().dismissError(s.errors[0].id);
    expect(store.getState().errors).toEqual([]);
  });

  it('wraps unexpected failures with the file name', async () => {
    const { store } = setup(async () => {
      throw new Error('out of memory');
    });
    await store.getState().loadFiles([file('big.csv')]);
    expect(store.getState().errors[0].message).toBe('big.csv: out of memory');
  });

  it('shows progress while running and cancels without an error', async () => {
    let release = () => {};
    const hold = new Promise<void>((r) => {
      release = r;
    });
    const { store } = setup(fakeImporter([], hold));
    const done = store.getState().loadFiles([file('slow.csv'), file('next.csv')]);
    await waitFor(() => store.getState().jobs[0]?.progress !== null);
    const [running, queued] = store.getState().jobs;
    expect(running).toMatchObject({ fileName: 'slow.csv', state: 'running', progress: { phase: 'parsing' } });
    expect(queued).toMatchObject({ fileName: 'next.csv', state: 'queued' });
    store.getState().cancelJob(running.id);
    release();
    await done;
    const s = store.getState();
    expect(s.tables.map((t) => t.name)).toEqual(['next']);
    expect(s.errors).toEqual([]);
    expect(s.notices.map((n) => n.file)).toEqual(['slow.csv']);
  });

  it('reads a table again with new options into the same name, leaving others alone', async () => {
    const calls: Call[] = [];
    const { store } = setup(fakeImporter(calls));
    await store.getState().loadFiles([file('deals.csv', 'a;b\n1;2\n'), file('leads.csv')]);
    const before = store.getState().versions.deals;
    const entry = await store.getState().reimport('deals', { delimiter: ';' });
    expect(entry?.options.delimiter).toBe(';');
    const last = calls[calls.length - 1];
    expect(last).toMatchObject({ name: 'deals.csv', table: 'deals', text: 'a;b\n1;2\n' });
    expect(last.existing).toEqual(['leads']);
    const s = store.getState();
    expect(s.tables.map((t) => t.name)).toEqual(['deals', 'leads']);
    expect(s.versions.deals).toBe(before + 1);
    expect(s.versions.leads).toBe(1);
  });

  it('imports pasted and typed tables as TSV and marks their format', async () => {
    const calls: Call[] = [];
    const { store } = setup(fakeImporter(calls));
    await store.getState().pasteTable('x\ty\n1\t2', 'survey');
    await store.getState().createManualTable('targets', ['month', 'target'], [['2024-01', '10\t0']]);
    expect(calls.map((c) => [c.name, c.format])).toEqual([
      ['survey.tsv', 'pasted'],
      ['targets.tsv', 'manual'],
    ]);
    expect(calls[1].text).toBe('month\ttarget\n2024-01\t10 0');
    expect(store.getState().tables.map((t) => [t.name, t.format])).toEqual([
      ['survey', 'pasted'],
      ['targets', 'manual'],
    ]);
  });

  it('loads the demo files', async () => {
    const { store } = setup(fakeImporter([]), [file('customers.csv'), file('deals.csv')]);
    await store.getState().loadDemo();
    expect(store.getState().tables.map((t) => t.name)).toEqual(['customers', 'deals']);
  });

  it('removes a table with a quoted DROP and moves the selection', async () => {
    const { store, engine } = setup(fakeImporter([]));
    await store.getState().loadFiles([file('we"ird.csv'), file('leads.csv')]);
    store.getState().selectColumn('we"ird', 'a');
    await store.getState().removeTable('we"ird');
    expect(engine.queries).toContain('DROP TABLE IF EXISTS "we""ird"');
    const s = store.getState();
    expect(s.tables.map((t) => t.name)).toEqual(['leads']);
    expect(s.selectedTable).toBe('leads');
    expect(s.selectedColumn).toBeNull();
  });

  it('selects what was just loaded, unless the user chose another table meanwhile', async () => {
    let release = () => {};
    const hold = new Promise<void>((r) => {
      release = r;
    });
    const { store } = setup(fakeImporter([]));
    await store.getState().loadFiles([file('deals.csv'), file('leads.csv')]);
    await store.getState().pasteTable('a\tb\n1\t2', 'survey');
    expect(store.getState().selectedTable).toBe('survey');

    const quick = fakeImporter([]);
    const slowOrders: ImportFn = async (engine, source, opts) => {
      if (source.name === 'orders.csv') await hold;
      return quick(engine, source, opts);
    };
    const slow = setup(slowOrders);
    await slow.store.getState().loadFiles([file('deals.csv'), file('leads.csv')]);
    slow.store.getState().selectTable('leads');
    const pending = slow.store.getState().loadFiles([file('orders.csv')]);
    slow.store.getState().selectTable('deals');
    release();
    await pending;
    expect(slow.store.getState().selectedTable).toBe('deals');
  });

  it('clears the column when another table is selected', async () => {
    const { store } = setup(fakeImporter([]));
    await store.getState().loadFiles([file('deals.csv'), file('leads.csv')]);
    store.getState().selectColumn('deals', 'a');
    expect(store.getState()).toMatchObject({ selectedTable: 'deals', selectedColumn: 'a' });
    store.getState().selectTable('leads');
    expect(store.getState()).toMatchObject({ selectedTable: 'leads', selectedColumn: null });
  });

  it('reports an engine that cannot start and tries again next time', async () => {
    let attempts = 0;
    const store = createDataStore({
      createEngine: async () => {
        attempts++;
        throw new Error('no WebAssembly');
      },
      importFile: fakeImporter([]),
      demoFiles: () => [],
    });
    await store.getState().loadFiles([file('deals.csv')]);
    expect(store.getState().engineStatus).toBe('failed');
    expect(store.getState().engineError).toBe('no WebAssembly');
    expect(store.getState().errors[0].message).toContain('deals.csv');
    await store.getState().loadFiles([file('deals.csv')]);
    expect(attempts).toBe(2);
  });
});

async function waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 0));
  if (!cond()) throw new Error('condition never became true');
}
