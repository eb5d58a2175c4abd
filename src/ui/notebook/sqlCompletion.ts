import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { StandardSQL, sql } from '@codemirror/lang-sql';
import type { Extension } from '@codemirror/state';

/**
 * What the SQL editor completes: SQL's own keywords and functions and the tables and
 * columns in `schema` (lang-sql's sources), plus the KPI ids. Formula functions
 * (COUNTIF, DIVIDE…) are not SQL and are never offered here.
 */
export function sqlCompletion(schema: Record<string, string[]>, kpis: () => readonly string[]): Extension {
  const kpiWords = (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/\w*/);
    if (word === null || (word.from === word.to && !ctx.explicit)) return null;
    return { from: word.from, options: kpis().map((k) => ({ label: k, type: 'constant', detail: 'KPI' })) };
  };
  return [
    sql({ dialect: StandardSQL, schema, upperCaseKeywords: true }),
    StandardSQL.language.data.of({ autocomplete: kpiWords }),
  ];
}
