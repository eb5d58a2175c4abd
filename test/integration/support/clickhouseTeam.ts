import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { createWorkbookService } from '../../../src/app/workbook/workbookService';
import { cleanNullDates } from '../../../src/engine/clickhouse/arrowCopy';
import { type ChdbSession, loadChdb } from '../../../src/engine/clickhouse/chdbModule';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';

const DEMO_WORKBOOK = join(import.meta.dirname, '../../../samples/crm-demo.shakhes');

/** A chDB folder holding a team's own tables, the session that made them, and how to get rid of both. */
export interface ChdbTeam {
  /** The folder: `chdb:${dir}` reads it. */
  dir: string;
  /** A session on the same folder (sessions on one folder share its data), as the team's owner. */
  owner: ChdbSession;
  /** Runs statements as the owner, one by one; the last one's rows as TSV. */
  sql(...statements: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** A new chDB folder with the owner's session on it: the team's database, before any table. */
export async function chdbTeam(): Promise<ChdbTeam> {
  const chdb = loadChdb();
  if (chdb === null) throw new Error('chDB is not installed');
  const dir = await mkdtemp(join(tmpdir(), 'shakhes-team-'));
  const owner = new chdb.Session(dir, { connectionArgs: ['--output_format_arrow_compression_method=none'] });
  const sql = async (...statements: string[]) => {
    let out = '';
    for (const s of statements)
      out = new TextDecoder().decode((await owner.queryAsync(s, { format: 'TSV' })).bytes());
    return out.trim();
  };
  return {
    dir,
    owner,
    sql,
    async stop() {
      owner.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every file of the folder's databases and tables (`metadata/`, `store/`) with its size and
 * time of last change: a run that wrote anything there, even into a database it then
 * dropped without waiting for its files to go, changes this. Folders are left out:
 * ClickHouse keeps the empty `store/<xyz>/` prefix folder of a table it dropped.
 */
export async function folderFiles(team: ChdbTeam): Promise<string[]> {
  const out: string[] = [];
  for (const top of ['metadata', 'store']) {
    const entries = await readdir(join(team.dir, top), { recursive: true, withFileTypes: true });
    for (const e of entries) {
      const path = join(e.parentPath, e.name);
      if (e.isDirectory()) continue;
      const s = await stat(path);
      out.push(`${path.slice(team.dir.length)} ${s.size} ${s.mtimeMs}`);
    }
  }
  return out.sort();
}

/**
 * The demo workbook's tables as a team's own ClickHouse tables (opened with DuckDB by the
 * browser's code, then created as plain MergeTree tables, Nullable where a value may be
 * missing): all in database `crm` but deals, which is `sales.deals_export`.
 */
export async function demoInChdb(team: ChdbTeam): Promise<void> {
  const duck = await createNodeEngine();
  try {
    const service = createWorkbookService({ engine: async () => duck, importFile });
    const opened = await service.open(readFileSync(DEMO_WORKBOOK));
    if (opened.status !== 'opened') throw new Error('the demo workbook holds its data');
    await team.sql('CREATE DATABASE crm', 'CREATE DATABASE sales');
    for (const { name } of opened.tables) {
      const ipc = tableToIPC(await duck.query(`SELECT * FROM "${name}"`), 'stream');
      const file = join(team.dir, `${name}.arrows`);
      await writeFile(file, cleanNullDates(ipc));
      const where = name === 'deals' ? 'sales.deals_export' : `crm.${name}`;
      await team.sql(
        `CREATE TABLE ${where} ENGINE = MergeTree ORDER BY tuple() AS SELECT * FROM file('${file}', 'ArrowStream') SETTINGS schema_inference_make_columns_nullable = 1`,
      );
      await rm(file);
    }
  } finally {
    await duck.close();
  }
}
