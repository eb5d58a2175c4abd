import { afterEach, describe, expect, it } from 'vitest';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { goneTablesText } from '../../../src/ui/goneTablesText';

/**
 * After `shakhes serve` restarts, autosave's notice says what brings each gone table back:
 * a file given to the command is given to it again; a file dropped on the page (the
 * server's copy went with the server) is dropped on the page again. In English and Persian.
 */
afterEach(() => setLocaleSettings({ locale: 'en' }));

const given = { table: 'deals', dropped: false };
const dropped = [
  { table: 'leads', dropped: true },
  { table: 'calls', dropped: true },
];

describe('the notice for tables the server no longer holds', () => {
  it('asks for the command again only for files given to it', () => {
    expect(goneTablesText([given])).toBe(
      'The server no longer holds these tables of the last session: deals. Start shakhes serve again with their files to bring them back.',
    );
  });

  it('asks to drop the files on the page again for those dropped there', () => {
    expect(goneTablesText(dropped)).toBe(
      'The server no longer holds these tables of the last session, whose files you dropped on the page: leads, calls. Drop their files on the page again to bring them back.',
    );
    expect(goneTablesText(dropped)).not.toContain('shakhes serve');
  });

  it('says both when both are gone, each with its own tables', () => {
    const text = goneTablesText([dropped[0], given]);
    expect(text).toMatch(
      /: deals\. Start shakhes serve again .* dropped on the page: leads\. Drop their files/,
    );
  });

  it('in Persian', () => {
    setLocaleSettings({ locale: 'fa' });
    expect(goneTablesText(dropped)).toContain('روی صفحه رها کنید');
    expect(goneTablesText(dropped)).toContain('leads, calls');
    expect(goneTablesText(dropped)).not.toContain('shakhes serve');
    expect(goneTablesText([given])).toContain('shakhes serve را دوباره');
  });
});
