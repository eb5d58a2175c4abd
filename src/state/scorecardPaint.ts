/**
 * Resolves once the browser has had a chance to paint what was just set: the next animation
 * frame, then a task after it. Work that may hold the page's thread (autosave copying the
 * results into IndexedDB) waits on it, so a refresh shows its grid first. Without frames
 * (Node, a hidden tab) a short timer stands in, so nothing waits on a frame that never comes.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
