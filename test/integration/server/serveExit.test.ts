import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBuild } from './serverHarness';

/**
 * Regression for issue 16's nine /tmp/shakhes-native-* folders left on this machine:
 * `shakhes serve` as a real child process (the CLI as `npx shakhes` starts it) removes
 * its engine's private folder however it ends: Ctrl-C or a TERM while serving or while
 * still reading its files, a port in use, an uncaught error.
 */
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repo, 'src/cli/bin.mjs');

let data: string;
let build: string;
/** The child's TMPDIR: the engine's folder is made there, and nothing else is. */
let temp: string;
beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), 'shakhes-serve-exit-'));
  await writeFile(join(data, 'deals.csv'), 'id,amount\n1,10\n2,32\n');
  // Large enough that reading it takes a while, so a signal can come during the start.
  const rows = Array.from({ length: 300_000 }, (_, i) => `${i},${i % 97},2024-0${(i % 9) + 1}-1${i % 10}`);
  await writeFile(join(data, 'big.csv'), `id,amount,closed_on\n${rows.join('\n')}\n`);
  build = await fakeBuild();
});
beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'shakhes-serve-exit-tmp-'));
});
afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});
afterAll(async () => {
  await rm(data, { recursive: true, force: true });
  await rm(build, { recursive: true, force: true });
});

interface Child {
  process: ChildProcess;
  out: () => string;
  err: () => string;
  /** The exit status, or 128 + the signal's number when a signal ended it unhandled. */
  status: Promise<number>;
}

function start(args: string[], execArgs: string[] = [bin]): Child {
  const child = spawn(process.execPath, [...execArgs, ...args], {
    cwd: repo,
    env: { ...process.env, TMPDIR: temp, SHAKHES_DIST: build },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const status = once(child, 'exit').then(([code, signal]) =>
    code === null ? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 9) : Number(code),
  );
  return { process: child, out: () => out, err: () => err, status };
}

const engineFolders = async () => (await readdir(temp)).filter((n) => n.startsWith('shakhes-native-'));

describe('shakhes serve leaves nothing behind', () => {
  for (const [signal, status] of [
    ['SIGINT', 0],
    ['SIGTERM', 0],
  ] as const)
    it(`removes its folder on ${signal} while serving`, async () => {
      const child = start(['serve', join(data, 'deals.csv')]);
      await expect.poll(child.out, { timeout: 60_000 }).toMatch(/#token=[0-9a-f]{64}/);
      expect(await engineFolders()).toHaveLength(1);
      child.process.kill(signal);
      expect(await child.status).toBe(status);
      expect(await engineFolders()).toEqual([]);
    });

  it('removes it on Ctrl-C while still reading its files, and says nothing went wrong', async () => {
    const child = start(['serve', join(data, 'big.csv')]);
    // The folder exists once the engine has started: the file is being read now or soon.
    await expect.poll(engineFolders, { timeout: 60_000 }).toHaveLength(1);
    child.process.kill('SIGINT');
    // 130 when the start was interrupted; 0 should the file have been read already.
    expect([0, 130]).toContain(await child.status);
    expect(child.err()).not.toContain('error');
    expect(await engineFolders()).toEqual([]);
  });

  it('removes it when the port is in use', async () => {
    const other = createServer();
    await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
    const port = (other.address() as { port: number }).port;
    try {
      const child = start(['serve', join(data, 'deals.csv'), '--port', String(port)]);
      expect(await child.status).toBe(1);
      expect(child.err()).toContain(`port ${port} is in use`);
      expect(await engineFolders()).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('removes an engine’s folder when the process dies of an uncaught error', async () => {
    const crash = `import { createNativeEngine } from './src/engine/nativeEngine.ts';
      await createNativeEngine({ allowedDirectories: [] });
      console.log('started');
      setTimeout(() => { throw new Error('boom'); }, 0);`;
    const child = start([], ['--import', 'tsx', '--input-type=module', '-e', crash]);
    expect(await child.status).toBe(1);
    expect(child.out()).toContain('started');
    expect(child.err()).toContain('boom');
    expect(await engineFolders()).toEqual([]);
  });
});
