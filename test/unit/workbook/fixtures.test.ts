import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkbookError, type WorkbookErrorCode } from '../../../src/workbook/workbookError';
import { readWorkbook } from '../../../src/workbook/workbookFile';
import { FIXTURES } from '../../fixtures/workbooks/make';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/workbooks/${name}`, import.meta.url));

function refusal(name: string): WorkbookError {
  try {
    readWorkbook(fixture(name));
  } catch (err) {
    expect(err).toBeInstanceOf(WorkbookError);
    return err as WorkbookError;
  }
  throw new Error(`${name} opened but should have been refused`);
}

const BOMB = 'It was refused as a possible zip bomb.';

/** Every hostile file, with why and how it is refused. */
const REFUSED: Array<[file: string, code: WorkbookErrorCode, message: string]> = [
  ['not-a-zip.shakhes', 'not-a-zip', 'This file is not a Shakhes workbook: it is not a zip archive.'],
  [
    'missing-workbook-json.shakhes',
    'not-a-workbook',
    'This file is a zip archive but not a Shakhes workbook: it has no workbook.json.',
  ],
  [
    'truncated.shakhes',
    'corrupt',
    'This workbook file is damaged (the end of the archive is missing; it may be truncated); it cannot be opened.',
  ],
  [
    'bad-checksum.shakhes',
    'corrupt',
    'This workbook file is damaged (the entry "workbook.json" fails its checksum); it cannot be opened.',
  ],
  [
    'zip-slip-dotdot.shakhes',
    'unsafe-path',
    'This file was refused because the entry "../../.bashrc" points outside the archive; a workbook never does that.',
  ],
  [
    'zip-slip-absolute.shakhes',
    'unsafe-path',
    'This file was refused because the entry "/etc/cron.d/evil" has an absolute path; a workbook never does that.',
  ],
  [
    'zip-slip-backslash.shakhes',
    'unsafe-path',
    'This file was refused because the entry "data\\..\\..\\evil.parquet" uses backslashes in its path; a workbook never does that.',
  ],
  [
    'bomb-entries.shakhes',
    'too-many-entries',
    `This file holds 201 entries; a Shakhes workbook holds at most 200. ${BOMB}`,
  ],
  [
    'bomb-total.shakhes',
    'too-large',
    `This file unpacks to 1200 MiB, more than the 1024 MiB a workbook may hold. ${BOMB}`,
  ],
  [
    'bomb-ratio.shakhes',
    'too-large',
    `The entry "data/zeros.parquet" claims to unpack 8193 bytes into 500 MiB, far more than real data compresses. ${BOMB}`,
  ],
  [
    'bomb-lying-size.shakhes',
    'too-large',
    `The entry "workbook.json" unpacks to more than the 1000 bytes it declares. ${BOMB}`,
  ],
  ['bomb-overlap.shakhes', 'too-large', `The entries "data/a.parquet" and "data/b.parquet" overlap. ${BOMB}`],
  [
    'newer-version.shakhes',
    'newer-version',
    'This workbook was made by a newer Shakhes (format 7); this version reads up to format 2. Update Shakhes to open it.',
  ],
  [
    'invalid-json.shakhes',
    'invalid-json',
    "This workbook's workbook.json is not valid JSON at line 4, column 1; the file is damaged.",
  ],
  [
    'invalid-document.shakhes',
    'invalid-document',
    'This workbook\'s contents are not valid: kpis[0].direction: Invalid option: expected one of "up"|"down"|"context".',
  ],
  [
    'missing-data.shakhes',
    'missing-data',
    'This workbook says it holds the data of "deals.csv", but data/deals.parquet is missing from the file.',
  ],
];

describe('hostile workbook files', () => {
  it.each(REFUSED)('refuses %s', (file, code, message) => {
    const err = refusal(file);
    expect({ code: err.code, message: err.message }).toEqual({ code, message });
  });

  it('opens script and onerror in titles and labels as the plain text they are', () => {
    const { doc } = readWorkbook(fixture('script-in-text.shakhes'));
    expect(doc.title).toBe('<script>alert("title")</script>');
    expect(doc.kpis[0].label).toBe('<img src=x onerror=alert("label")>');
    expect(doc.sheets[0].name).toBe('<b onmouseover=alert("sheet")>Notes</b>');
    expect(doc.sheets[0].cells[0].source).toContain('<script>alert("cell")</script>');
  });

  it('opens a workbook with hostile SQL cells as plain text (the guard refuses them: test/integration/security)', () => {
    const { doc } = readWorkbook(fixture('hostile-sql.shakhes'));
    expect(doc.sheets[0].cells.map((c) => c.kind)).toEqual(['sql', 'sql']);
  });

  it('opens a format-0 workbook by migrating it', () => {
    const opened = readWorkbook(fixture('format-0.shakhes'));
    expect(opened.migratedFrom).toBe(0);
    expect(opened.doc.kpis.map((k) => k.id)).toEqual(['win_rate']);
    expect(opened.doc.calendar).toBe('jalali');
  });

  it('the files on disk are what make.ts makes', () => {
    for (const [name, make] of Object.entries(FIXTURES))
      expect(Buffer.from(fixture(name)).equals(Buffer.from(make())), name).toBe(true);
  });
});
