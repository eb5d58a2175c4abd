import { useEffect, useRef } from 'react';

export interface SheetMenuItem {
  label: string;
  run(): void;
  disabled?: boolean;
  danger?: boolean;
  /** Why the item will not do what it says; shown as its tooltip and described to screen readers. */
  hint?: string;
}

interface Props {
  label: string;
  /** Where the menu opens, in viewport pixels: the reading-direction start of its top edge. */
  x: number;
  y: number;
  items: readonly SheetMenuItem[];
  /** `returnFocus` is true when the user closed it from the keyboard without choosing. */
  onClose(returnFocus: boolean): void;
}

/**
 * A small pop-up menu (WAI-ARIA menu pattern): focus starts on the first item, the
 * arrow keys, Home and End move through the items, Escape or Tab closes it, and a
 * click anywhere else closes it too.
 */
export function SheetMenu({ label, x, y, items, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const menu = ref.current;
    menu?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const onDown = (e: MouseEvent) => {
      if (menu && !menu.contains(e.target as Node)) close.current(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);

  const move = (delta: number | 'first' | 'last') => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
    if (all.length === 0) return;
    const i = all.indexOf(document.activeElement as HTMLElement);
    const j =
      delta === 'first' ? 0 : delta === 'last' ? all.length - 1 : (i + delta + all.length) % all.length;
    all[j].focus();
  };

  return (
    <div
      ref={ref}
      className="sheet-menu"
      role="menu"
      aria-label={label}
      // Fixed to the viewport: in a right-to-left page the menu grows leftwards from `x`.
      style={
        getComputedStyle(document.body).direction === 'rtl'
          ? { top: y, right: window.innerWidth - x }
          : { top: y, left: x }
      }
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') move(1);
        else if (e.key === 'ArrowUp') move(-1);
        else if (e.key === 'Home') move('first');
        else if (e.key === 'End') move('last');
        else if (e.key === 'Escape' || e.key === 'Tab') close.current(true);
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className={`sheet-menu-item${item.danger ? ' danger' : ''}`}
          disabled={item.disabled}
          title={item.hint}
          onClick={() => {
            close.current(false);
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
