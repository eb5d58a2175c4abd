import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createDataStore } from '../../../src/state/dataStore';
import { createNotesStore, notesSlice } from '../../../src/state/notesStore';
import { scorecardSlice } from '../../../src/state/scorecardSlice';
import { createScorecardStore } from '../../../src/state/scorecardStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';

let path = '';

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shakhes-notes-'));
  const data = createDataStore({ createEngine: createNodeEngine, importFile, demoFiles: () => [] });
  const scorecard = createScorecardStore({
    engine: () => data.getState().engine(),
    tables: () => data.getState().tables,
  });
  const notes = createNotesStore();
  const workbook = createWorkbookStore(data, 'Noted');
  workbook.getState().registerSlice(scorecardSlice(scorecard));
  workbook.getState().registerSlice(notesSlice(notes));
  const bytes = readFileSync('samples/crm-demo/deals.csv');
  await data.getState().loadFiles([{ name: 'deals.csv', size: bytes.length, read: async () => bytes }]);
  await scorecard.getState().refresh();
  notes.getState().add('win_rate', '2025-03-01', 'Price change on 1 March');
  notes.getState().add('win_rate', '2025-06-02', '<img src=x onerror=alert(1)> [link](http://x) | *bold*');
  // Before the periods shown (the last 36 months of the data): left out.
  notes.getState().add('win_rate', '2019-01-01', 'Long ago');
  path = join(dir, 'noted.shakhes');
  writeFileSync(path, await workbook.getState().save({ embedData: true }));
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: () => undefined });
  return { code, out: out.join('\n') };
}

describe('shakhes run --format md with notes', () => {
  it('lists the notes of the periods shown, their markup written as text', async () => {
    const md = await cli('run', path, '--format', 'md');
    expect(md.code).toBe(0);
    const notes = md.out.slice(md.out.indexOf('## Notes'));
    expect(notes.split('\n')).toEqual([
      '## Notes',
      '',
      '- **Win rate**, 2025-03-01: Price change on 1 March',
      '- **Win rate**, 2025-06-02: \\<img src=x onerror=alert\\(1\\)\\> \\[link\\]\\(http://x\\) \\| \\*bold\\*',
    ]);
  }, 120_000);
});
