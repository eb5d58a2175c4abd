import { describe, expect, it } from 'vitest';
import { createDataService, type DataEvents, type DataService } from '../../../../src/app/data/dataService';
import type { ImportFn } from '../../../../src/app/data/importJobs';
import { bytesFile, manualFile, pastedFile, toTsv } from '../../../../src/app/data/sourceFile';
import type { Engine } from '../../../../src/engine/engine';
import type { FileFormat, ImportResult } from '../../../../src/engine/ingest/types';
import { recordingEngine } from '../../../helpers/recordingEngine';

const text = (s: string) => bytesFile('x', new TextEncoder().encode(s));

/** An importer whose calls wait until released, one gate per file name, so their order is the test's. */
function heldImporter() {
  const gates = new Map<string, () => void>();
  const started: string[] = [];
  const calls: { name: string; table?: string; options?: object; text: string; existing?: string[] }[] = [];
  const importFile: ImportFn = async (_engine, source, opts = {}) => {
    started.push(source.name);
    calls.push({
      name: source.name,
      table: opts.table,
      options: opts.options,
      existing: opts.existing,
      text: new TextDecoder().decode(source.bytes),
    });
    await new Promise<void>((resolve, reject) => {
      gates.set(source.name, resolve);
      opts.signal?.addEventListener('abort', () =>
        reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
      );
    });
    const format: FileFormat = source.format ?? (source.name.endsWith('.parquet') ? 'parquet' : 'csv');
    return {
      table: opts.table ?? source.name.replace(/\.[^.]+$/, ''),
      sourceName: source.name,
      format,
      rows: 1,
      columns: [],
      options: { ...opts.options },
      problems: { count: 0, samples: [] },
      notes: [],
    } satisfies ImportResult;
  };
  /** Waits until the import of `name` is held at its gate. */
  const reached = async (name: string) => {
    for (let i = 0; i < 1000 && !gates.has(name); i++) await new Promise((r) => setTimeout(r, 0));
  };
  const release = async (name: string) => {
    await reached(name);
    const gate = gates.get(name);
    if (!gate) throw new Error(`${name} never reached the importer`);
    gates.delete(name);
    gate();
  };
  return { importFile, started, calls, reached, release };
}

/** The service with every event it sends written as a line, in order. */
function setup(importFile: ImportFn, createEngine?: () => Promise<Engine>) {
  const engine = recordingEngine();
  const said: string[] = [];
  const listed: string[] = [];
  let starts = 0;
  const events: DataEvents = {
    engineStatus: (s, e) => said.push(`engine ${s}${e ? `: ${e}` : ''}`),
    tableNames: () => [...listed],
    jobQueued: (j) => said.push(`queued ${j.id} ${j.fileName}`),
    jobRunning: (id) => said.push(`running ${id}`),
    jobProgress: () => undefined,
    jobEnded: (id) => said.push(`ended ${id}`),
    loaded: (t) => {
      listed.push(t.name);
      said.push(`loaded ${t.name}`);
    },
    failed: (e) => said.push(`failed ${e.message}`),
    cancelled: (n) => said.push(`cancelled ${n.file}`),
  };
  const service: DataService = createDataService(
    {
      createEngine:
        createEngine ??
        (async () => {
          starts++;
          return engine;
        }),
      importFile,
      demoFiles: () => [],
    },
    events,
  );
  return { service, engine, said, starts: () => starts };
}

describe('data service', () => {
  it('runs imports one at a time in the order asked, and starts the engine once', async () => {
    const imp = heldImporter();
    const { service, said, starts } = setup(imp.importFile);
    const first = service.load({ ...text('1'), name: 'deals.csv' });
    const second = service.load({ ...text('2'), name: 'leads.csv' });
    await imp.reached('deals.csv');
    await new Promise((r) => setTimeout(r, 0));
    // Queued behind the first: it has not reached the importer while the first runs.
    expect(imp.started).toEqual(['deals.csv']);
    await imp.release('deals.csv');
    await first;
    await imp.release('leads.csv');
    await second;
    // It was told the first's name, listed by then, so it can make its own unique.
    expect(imp.calls[1].existing).toEqual(['deals']);
    expect(said).toEqual([
      'queued 1 deals.csv',
      'queued 2 leads.csv',
      'running 1',
      'engine starting',
      'engine ready',
      'loaded deals',
      'ended 1',
      'running 2',
      'loaded leads',
      'ended 2',
    ]);
    expect(starts()).toBe(1);
  });

  it('drops a job cancelled while queued before it reaches the importer; a running one ends as a notice', async () => {
    const imp = heldImporter();
    const { service, said } = setup(imp.importFile);
    const running = service.load({ ...text('1'), name: 'slow.csv' });
    const queued = service.load({ ...text('2'), name: 'next.csv' });
    service.cancel(2);
    await imp.release('slow.csv').catch(() => undefined);
    expect(await running).not.toBeNull();
    expect(await queued).toBeNull();
    expect(imp.started).toEqual(['slow.csv']);
    expect(said.filter((s) => /2/.test(s))).toEqual(['queued 2 next.csv', 'ended 2']);

    const third = service.load({ ...text('3'), name: 'third.csv' });
    for (let i = 0; i < 1000 && !imp.started.includes('third.csv'); i++)
      await new Promise((r) => setTimeout(r, 0));
    service.cancelAll();
    expect(await third).toBeNull();
    expect(said.slice(-2)).toEqual(['cancelled third.csv', 'ended 3']);
  });

  it('reports an engine that cannot start as the import failure, and tries again next time', async () => {
    let attempts = 0;
    const { service, said } = setup(heldImporter().importFile, async () => {
      attempts++;
      throw new Error('no WebAssembly');
    });
    expect(await service.load({ ...text('1'), name: 'deals.csv' })).toBeNull();
    await expect(service.engine()).rejects.toThrow('no WebAssembly');
    expect(attempts).toBe(2);
    expect(said).toContain('engine failed: no WebAssembly');
    expect(said).toContain('failed deals.csv: no WebAssembly');
  });

  it('reads a table again from its kept bytes with merged options, and keeps no bytes for formats it cannot reread', async () => {
    const imp = heldImporter();
    const { service } = setup(imp.importFile);
    const loading = service.load({ ...text('a;b\n1;2'), name: 'deals.csv' }, { options: { header: true } });
    await imp.release('deals.csv');
    const deals = (await loading)!;
    const again = service.reimport(deals, { delimiter: ';' });
    await imp.release('deals.csv');
    expect((await again)?.options).toEqual({ header: true, delimiter: ';' });
    expect(imp.calls[1]).toMatchObject({ name: 'deals.csv', table: 'deals', text: 'a;b\n1;2' });

    const parquet = service.load({ ...text('PAR1'), name: 'big.parquet' });
    await imp.release('big.parquet');
    const big = (await parquet)!;
    expect(service.sourceOf('big')).toBeUndefined();
    expect(await service.reimport(big, { delimiter: ',' })).toBeNull();
  });

  it('drops, sets aside and brings back tables under quoted names, forgetting a dropped table’s bytes', async () => {
    const imp = heldImporter();
    const { service, engine } = setup(imp.importFile);
    const loading = service.load({ ...text('1'), name: 'we"ird.csv' });
    await imp.release('we"ird.csv');
    await loading;
    expect(service.sourceOf('we"ird')).toBeDefined();
    const aside = await service.setAside('we"ird');
    expect(aside).toMatch(/^__shakhes_removed_[0-9a-f]{32}$/);
    await service.bringBack(aside, 'we"ird');
    await service.drop('we"ird');
    expect(engine.queries).toEqual([
      `ALTER TABLE "we""ird" RENAME TO "${aside}"`,
      `ALTER TABLE "${aside}" RENAME TO "we""ird"`,
      'DROP TABLE IF EXISTS "we""ird"',
    ]);
    expect(service.sourceOf('we"ird')).toBeUndefined();
  });
});

describe('pasted and typed tables', () => {
  it('become TSV files named for their table', async () => {
    const pasted = pastedFile('x\ty', '  survey ');
    expect(pasted.name).toBe('survey.tsv');
    expect(pastedFile('x').name).toBe('pasted.tsv');
    const typed = manualFile('', ['month', 'target'], [['2024-01', '10\t0']]);
    expect(typed.name).toBe('table.tsv');
    expect(new TextDecoder().decode(await typed.read())).toBe('month\ttarget\n2024-01\t10 0');
  });

  it('toTsv joins with tabs and lines, flattening tabs and line breaks inside cells', () => {
    expect(
      toTsv(
        ['a', 'b'],
        [
          ['1', 'x\ny'],
          ['2', ''],
        ],
      ),
    ).toBe('a\tb\n1\tx y\n2\t');
  });
});
