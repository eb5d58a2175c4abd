/**
 * Loads AG Grid and makes a hidden grid with the app's theme while the page is idle after
 * its first paint. The first grid AG Grid makes on a page injects and parses its theme's
 * style sheets and compiles its own start-up code: after a 1M-row load that was the one task
 * left over 100 ms. Done ahead, the data grid made later finds them in place.
 * The grid's code stays out of the first paint's JavaScript: it is fetched here, not imported.
 */
export function warmGridWhenIdle(): void {
  // Safari has no requestIdleCallback; there a short delay after the first frame does.
  const idle = (run: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(run) : setTimeout(run, 300);
  requestAnimationFrame(() =>
    idle(() => {
      // A failed fetch only means the first grid pays its own start, as it did before.
      import('./gridWarm').then(
        (m) => idle(m.warmGrid),
        () => undefined,
      );
    }),
  );
}
