import { type RefObject, useEffect } from 'react';

/** Closes an open popup menu on Escape or a press outside `ref`. */
export function useMenuDismiss(open: boolean, ref: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onEvent = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) close();
    };
    window.addEventListener('keydown', onEvent);
    window.addEventListener('pointerdown', onEvent);
    return () => {
      window.removeEventListener('keydown', onEvent);
      window.removeEventListener('pointerdown', onEvent);
    };
  }, [open, ref, close]);
}
