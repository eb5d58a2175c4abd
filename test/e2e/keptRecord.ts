import type { Page } from 'playwright-core';

/** What the tests read of autosave's record (src/workbook/autosaveRecords.ts, KeptDocument). */
interface Kept {
  doc?: { title?: string };
  tables?: object;
  demoLoading?: boolean;
}

/**
 * The kept document record, read from IndexedDB as the page sees it; undefined before
 * autosave has made its database (which this never creates: the app's own open would
 * then find it without its stores).
 */
export function kept(page: Page): Promise<Kept | undefined> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).every((d) => d.name !== 'shakhes')
      ? undefined
      : new Promise<Kept | undefined>((ok, fail) => {
          const open = indexedDB.open('shakhes');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('document')) {
              db.close();
              ok(undefined);
              return;
            }
            const get = db.transaction('document').objectStore('document').get('current');
            get.onsuccess = () => {
              db.close();
              ok(get.result as Kept | undefined);
            };
            get.onerror = () => fail(get.error);
          };
        }),
  );
}
