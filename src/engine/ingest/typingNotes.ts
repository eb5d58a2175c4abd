import { type ImportMessage, importMessage } from '../../core/ingest/messages';
import { type ColumnProblems, readAsBlankNote } from './typedSelect';
import type { TypingPlan } from './typingPlan';

/** What typing found that the user should know, and the currency of each column of amounts. */
export interface TypingNotes {
  notes: ImportMessage[];
  /** column → the currency mark its amounts were written with. */
  currencies: Record<string, string>;
}

/**
 * The notes of a typing pass, in column order: amounts read in a currency, columns left
 * as text because they mix currencies, and missing-value words read as blanks.
 */
export function typingNotes(
  plan: TypingPlan,
  problems: readonly ColumnProblems[],
  columns: readonly string[],
): TypingNotes {
  const currencies: Record<string, string> = {};
  const notes: ImportMessage[] = [];
  for (const column of columns) {
    const currency = plan.conversions.get(column)?.currency;
    const mixed = plan.mixedCurrencies.find((m) => m.column === column);
    if (currency !== undefined) {
      currencies[column] = currency;
      notes.push(importMessage('currency-numbers', { column, currency }));
    } else if (mixed) notes.push(importMessage('mixed-currencies', mixed));
  }
  const blanks = readAsBlankNote(problems, columns);
  if (blanks) notes.push(blanks);
  return { notes, currencies };
}
