import { AllCommunityModule, createGrid, type GridApi, ModuleRegistry } from 'ag-grid-community';
import { isRtl } from '../i18n/locale';
import { gridTheme } from './gridTheme';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Marks the hidden grid's host, so a page's grid count (and a test) can tell it apart. */
const WARM_GRID_ATTRIBUTE = 'data-grid-warm';
const ROOTS = 'ag-root-wrapper';

let warm: { api: GridApi<Record<string, unknown>>; host: HTMLElement; watch: MutationObserver } | null = null;

/**
 * A grid with the app's theme and no columns, in a host out of sight, inert and hidden from
 * assistive technology. It stays until the page's first real grid is made: AG Grid removes a
 * theme's style sheets when its last grid goes, so it must outlive the warm-up. It is not
 * made when a grid is already on the page, whose start did the same work.
 */
export function warmGrid(): void {
  const roots = document.getElementsByClassName(ROOTS);
  if (warm !== null || roots.length > 0) return;
  const host = document.createElement('div');
  host.setAttribute(WARM_GRID_ATTRIBUTE, '');
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  // Laid out (AG Grid measures its theme's sizes from elements with an offset parent) but unseen.
  Object.assign(host.style, {
    position: 'fixed',
    insetInlineStart: '-10000px',
    top: '0',
    width: '200px',
    height: '100px',
    visibility: 'hidden',
    pointerEvents: 'none',
  });
  document.body.append(host);
  const api = createGrid<Record<string, unknown>>(host, {
    theme: gridTheme,
    enableRtl: isRtl(),
    columnDefs: [],
    rowData: [],
  });
  // Any other grid made (the data sheet's, or the scorecard's through AG Grid's React
  // wrapper) keeps the theme in place, and two grids on the page would confuse selectors.
  // Released in a task of its own, not in the one that made the other grid.
  const watch = new MutationObserver(() => {
    if (roots.length < 2) return;
    watch.disconnect();
    setTimeout(releaseWarmGrid, 0);
  });
  watch.observe(document.body, { childList: true, subtree: true });
  warm = { api, host, watch };
}

/** Destroys the hidden grid; called once a real grid exists, so the theme's style sheets stay. */
function releaseWarmGrid(): void {
  if (warm === null) return;
  warm.watch.disconnect();
  warm.api.destroy();
  warm.host.remove();
  warm = null;
}
