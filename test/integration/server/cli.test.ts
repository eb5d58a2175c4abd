import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../src/engine/remoteEngine';
import { cli, fakeBuild } from './serverHarness';

/** `shakhes serve` from the command line: the address it prints works, and each mistake is named. */
let data: string;
let build: string;
beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), 'shakhes-serve-cli-'));
  await writeFile(join(data, 'deals.csv'), 'id,amount\n1,10\n2,32\n');
  build = await fakeBuild();
  process.env.SHAKHES_DIST = build;
});
afterAll(async () => {
  delete process.env.SHAKHES_DIST;
  await rm(data, { recursive: true, force: true });
  await rm(build, { recursive: true, force: true });
});

describe('shakhes serve', () => {
  it('prints an address with its token that reads the given paths, and stops on Ctrl-C', async () => {
    const run = cli(['serve', data, join(data, '*.csv'), '--threads', '2', '--memory-limit', '1GB']);
    await expect.poll(() => run.out.join('\n'), { timeout: 30_000 }).toMatch(/#token=/);
    const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}/.exec(run.out.join('\n'))![0]);
    // The folder's file and the glob each became a table, typed as the browser types them.
    expect(run.out.join('\n')).toContain(`deals: 2 rows from ${join(data, 'deals.csv')}`);
    expect(run.out.join('\n')).toMatch(/: 2 rows from .*\*\.csv/);
    const token = url.hash.slice('#token='.length);
    const answer = await fetch(`${url.origin}/api/query`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'a', sql: 'SELECT sum(amount)::INT AS s FROM deals' }),
    });
    expect(answer.status).toBe(200);
    process.emit('SIGINT');
    expect(await run.code).toBe(0);
    await expect(fetch(`${url.origin}/`)).rejects.toThrow();
  });

  it('names a missing path, a broken file, a glob that matches nothing and an unreadable file', async () => {
    const missing = cli(['serve', join(data, 'nope.csv')]);
    expect(await missing.code).toBe(2);
    expect(missing.err.join('\n')).toContain(`${join(data, 'nope.csv')}: no such file or folder`);
    await writeFile(join(data, 'broken.parquet'), 'not parquet at all');
    const broken = cli(['serve', join(data, 'broken.parquet')]);
    expect(await broken.code).toBe(2);
    expect(broken.err.join('\n')).toContain('broken.parquet');
    await rm(join(data, 'broken.parquet'));
    const glob = cli(['serve', join(data, '*.xlsx')]);
    expect(await glob.code).toBe(2);
    expect(glob.err.join('\n')).toContain('*.xlsx: no file matches');
    // root reads any file: the check means something for an ordinary user only.
    if (process.getuid?.() === 0) return;
    const locked = join(data, 'locked.csv');
    await writeFile(locked, 'a\n1\n');
    await chmod(locked, 0);
    const unreadable = cli(['serve', locked]);
    expect(await unreadable.code).toBe(2);
    expect(unreadable.err.join('\n')).toContain('locked.csv: cannot be read');
    await rm(locked);
  });

  it('says when the port is in use, and refuses a bad option value', async () => {
    const other = createServer();
    await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
    const port = (other.address() as { port: number }).port;
    try {
      const busy = cli(['serve', '--port', String(port)]);
      expect(await busy.code).toBe(1);
      expect(busy.err.join('\n')).toContain(`port ${port} is in use`);
    } finally {
      other.close();
    }
    const bad = cli(['serve', '--memory-limit', 'lots']);
    expect(await bad.code).toBe(2);
    expect(bad.err.join('\n')).toContain('--memory-limit takes an amount such as 8GB');
  });
});
