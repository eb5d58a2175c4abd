export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `fn` once to warm up, then `runs` times; returns each run's seconds. */
export async function timeRuns(runs: number, fn: () => Promise<void>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push((performance.now() - t0) / 1000);
  }
  return out;
}

/** Each of `fns` once to warm up, then `runs` rounds of each in turn; each one's seconds. */
export async function interleavedRuns(runs: number, fns: Array<() => Promise<void>>): Promise<number[][]> {
  for (const fn of fns) await fn();
  const out = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++)
    for (const [j, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      out[j].push((performance.now() - t0) / 1000);
    }
  return out;
}
