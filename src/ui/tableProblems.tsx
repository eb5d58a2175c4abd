import { importMessageText } from '../i18n/importMessages';
import { isolated } from '../i18n/isolate';
import { isRtl } from '../i18n/locale';
import { t } from '../i18n/t';
import type { TableEntry } from '../state/dataStore';
import { WarnIcon } from './icons';

const SHOWN = 3;

/** The data's own text (a column name, a value) kept in its own direction in a right-to-left sentence. */
const own = (s: string) => (isRtl() ? isolated(s) : s);

/**
 * Values that did not fit their column's type were stored as blanks; this says so,
 * with the rows and what was there, so nothing disappears silently.
 */
export function TableProblems({ table }: { table: TableEntry }) {
  const { count, samples } = table.problems;
  // Notes by code read in the language shown; a table restored without them keeps its English.
  const notes = table.noteMessages?.map(importMessageText) ?? table.notes;
  if (count === 0 && notes.length === 0) return null;
  const byColumn = new Map<string, typeof samples>();
  for (const s of samples) byColumn.set(s.column, [...(byColumn.get(s.column) ?? []), s]);
  const single = byColumn.size === 1;
  return (
    <div className="banner warn" role="status" data-problems={table.name}>
      <WarnIcon />
      <div>
        {count > 0 && single && (
          <div>
            {[...byColumn].map(([column, list]) => (
              <span key={column}>
                {t('problems.summary', {
                  count,
                  column: own(column),
                  expected: t(`expected.${list[0].expected}`),
                  expectedPlural: t(`expected.${list[0].expected}Plural`),
                })}
                : {sampleText(list)}
                {count > SHOWN ? ` … ` : '. '}
                {t('problems.storedBlank')}
              </span>
            ))}
          </div>
        )}
        {count > 0 && !single && (
          <div>
            {t('problems.total', { count })} {t('problems.storedBlank')}
            <ul>
              {[...byColumn].map(([column, list]) => (
                <li key={column}>
                  {t('problems.inColumn', {
                    column: own(column),
                    expectedPlural: t(`expected.${list[0].expected}Plural`),
                  })}
                  : {sampleText(list)}
                  {list.length > SHOWN ? ' …' : ''}
                </li>
              ))}
            </ul>
          </div>
        )}
        {notes.map((n) => (
          <div key={n}>{n}</div>
        ))}
      </div>
    </div>
  );
}

function sampleText(list: TableEntry['problems']['samples']): string {
  return list
    .slice(0, SHOWN)
    .map((s) => t('problems.sample', { row: s.row, value: own(s.value) }))
    .join(t('errors.where.separator'));
}
