/**
 * `npm test`: the static checks, the Node tests (unit and integration) and the browser tests
 * (a build, then e2e) as three processes side by side, each part's steps in order.
 *
 * Why side by side: Vitest runs its projects as one group with one worker count, so the
 * browser files waited for the last Node file, and tsc, knip and depcruise each keep one
 * core of two busy while the other idles. Every line a part prints is prefixed with its
 * name; a summary at the end names each part's result and time. The command fails when
 * any step of any part fails (a part stops at its first failed step, the others go on).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

interface Part {
  name: string;
  /** npm scripts, run one after another: one definition of each command, in package.json. */
  steps: string[];
}

const PARTS: Part[] = [
  { name: 'checks', steps: ['lint', 'typecheck', 'layers', 'knip'] },
  { name: 'node', steps: ['test:node'] },
  { name: 'browser', steps: ['build', 'test:browser'] },
];

interface Outcome {
  part: string;
  failed: string | null;
  seconds: number;
}

const running = new Set<ChildProcess>();

function print(prefix: string, stream: NodeJS.ReadableStream | null, out: NodeJS.WritableStream) {
  if (stream === null) return;
  createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) =>
    out.write(`${prefix} ${line}\n`),
  );
}

/** Runs one npm script; resolves with its exit code (a signal counts as a failure). */
function step(part: string, script: string): Promise<number> {
  const prefix = `[${part}]`.padEnd(10);
  process.stdout.write(`${prefix} > npm run ${script}\n`);
  // Its own process group, so an interrupted run can stop the browsers and workers below it.
  const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  print(prefix, child.stdout, process.stdout);
  print(prefix, child.stderr, process.stderr);
  return new Promise((done) => {
    child.on('error', () => done(1));
    child.on('close', (code) => {
      running.delete(child);
      done(code ?? 1);
    });
  });
}

async function runPart(part: Part): Promise<Outcome> {
  const start = performance.now();
  let failed: string | null = null;
  for (const script of part.steps) {
    const code = await step(part.name, script);
    if (code !== 0) {
      failed = `npm run ${script} exited with ${code}`;
      break;
    }
  }
  return { part: part.name, failed, seconds: (performance.now() - start) / 1000 };
}

const duration = (s: number) => `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    for (const child of running) if (child.pid !== undefined) process.kill(-child.pid, signal);
    process.exit(1);
  });

const started = performance.now();
const outcomes = await Promise.all(PARTS.map(runPart));
process.stdout.write('\nnpm test:\n');
for (const o of outcomes)
  process.stdout.write(`  ${o.part.padEnd(8)} ${(o.failed ?? 'passed').padEnd(40)} ${duration(o.seconds)}\n`);
process.stdout.write(`  ${'total'.padEnd(49)} ${duration((performance.now() - started) / 1000)}\n`);
process.exitCode = outcomes.some((o) => o.failed !== null) ? 1 : 0;
