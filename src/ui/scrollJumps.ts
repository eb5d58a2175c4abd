/**
 * Holds back from AG Grid the scroll events that jump further than a screenful, until
 * the position rests or moves by small steps again.
 *
 * After such a jump none of the drawn rows is on screen, so AG Grid builds every row
 * afresh: 40 to 90 ms a frame on a 2-core machine. Dragging the scrollbar through a
 * million rows is such a jump on every frame, and the grid used to rebuild itself on
 * each of them to show rows whose data had no time to arrive anyway. Held back, a fast
 * drag only moves the thumb (the rows stay as they were, as with AG Grid's own
 * `debounceVerticalScrollbar`), and the grid draws and fetches once, where the drag
 * stops or slows down. Wheel, arrow and page steps are small and pass straight through,
 * which that option would not let them do.
 */

const VIEWPORT = 'ag-grid-viewport';
/** AG Grid hides the viewport's own scrollbar and shows this one, synced both ways. */
const SCROLLBAR = 'ag-body-vertical-scroll-viewport';
/** How far one scroll event may move, in screenfuls, and still be drawn at once. */
const JUMP = 1.5;
/** How long the position must rest before the grid draws it: AG Grid's own scrollbar debounce. */
const REST_MS = 100;

/** Starts holding long jumps in the grid inside `host`; returns the function that stops it. */
export function holdLongJumps(host: HTMLElement): () => void {
  // Where the last scroll event, held or not, left the position.
  let lastTop = 0;
  let lastLeft = 0;
  let held = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let releasing = false;

  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  const release = () => {
    stopTimer();
    const viewport = host.querySelector<HTMLElement>(`.${VIEWPORT}`);
    if (!held || viewport === null) return;
    held = false;
    releasing = true;
    try {
      // After a held scrollbar drag the rows stayed where they were: bring them along.
      viewport.scrollTop = lastTop;
      viewport.dispatchEvent(new Event('scroll'));
      // AG Grid follows one scroll source at a time for 150 ms and ignores the other, so
      // both are told; the one it follows draws, the other changes nothing.
      host.querySelector(`.${SCROLLBAR}`)?.dispatchEvent(new Event('scroll'));
    } finally {
      releasing = false;
    }
  };

  const onScroll = (e: Event) => {
    const el = e.target;
    if (releasing || !(el instanceof HTMLElement)) return;
    const isViewport = el.classList.contains(VIEWPORT);
    if (!isViewport && !el.classList.contains(SCROLLBAR)) return;
    const viewport = isViewport ? el : host.querySelector<HTMLElement>(`.${VIEWPORT}`);
    if (viewport === null) return;
    const top = el.scrollTop;
    // A sideways move always goes through, or the header would lag behind the cells.
    const left = isViewport ? el.scrollLeft : lastLeft;
    const jump = left === lastLeft && Math.abs(top - lastTop) > JUMP * viewport.clientHeight;
    lastTop = top;
    lastLeft = left;
    if (jump) {
      // Capture phase on an ancestor: the grid's own listeners on the target never run.
      e.stopImmediatePropagation();
      held = true;
      stopTimer();
      timer = setTimeout(release, REST_MS);
    } else {
      // A small step: the grid draws where the position is now, held jumps included.
      held = false;
      stopTimer();
    }
  };

  host.addEventListener('scroll', onScroll, { capture: true });
  return () => {
    host.removeEventListener('scroll', onScroll, { capture: true });
    stopTimer();
  };
}
