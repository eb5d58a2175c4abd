import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const say = (line: string) => process.stderr.write(`${line}\n`);

interface ServeChild {
  url: string;
  /** Seconds from spawning the command until it printed its address (its import of the file included). */
  started: number;
  /** Peak resident memory of the server process so far (VmHWM), in MB. */
  peakMb(): number;
  /** Whether the process is still running (a server killed for its memory is not). */
  alive(): boolean;
  stop(): Promise<void>;
}

/** `shakhes serve FILE` as a child process, as a user starts it, so its memory is its own. */
export async function startServeChild(file?: string, memoryLimit?: string): Promise<ServeChild> {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...(file ? [file] : []), '--port', '0'];
  if (memoryLimit !== undefined) args.push('--memory-limit', memoryLimit);
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, SHAKHES_DIST: resolve(process.env.SHAKHES_DIST ?? 'dist') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let ended: string | undefined;
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  const exited = new Promise<void>((ok) =>
    child.once('exit', (code, signal) => {
      ended = String(signal ?? code);
      ok();
    }),
  );
  const url = await new Promise<string>((ok, fail) => {
    child.stdout?.on('data', (d) => {
      out += String(d);
      const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/.exec(out);
      if (m) ok(m[0]);
    });
    child.once('exit', (code, signal) =>
      fail(new Error(`shakhes serve ended (${signal ?? code}) before printing its address: ${err.trim()}`)),
    );
  });
  const started = (performance.now() - t0) / 1000;
  for (const line of out.split('\n')) if (/rows from/.test(line)) say(`  serve:${line}`);
  const pid = child.pid;
  // Read while the process lives; the last reading stands once it has ended.
  let peak = 0;
  return {
    url,
    started,
    peakMb() {
      if (ended === undefined) {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        peak = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      }
      return peak;
    },
    alive: () => ended === undefined,
    async stop() {
      if (ended !== undefined)
        throw new Error(`shakhes serve had ended (${ended}) before the bench stopped it`);
      child.kill('SIGINT');
      await exited;
    },
  };
}
