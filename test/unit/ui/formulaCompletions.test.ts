import { type Completion, CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { type FormulaNames, formulaCompletionSource } from '../../../src/ui/formula/formulaCompletions';
import { formulaTokenStyles } from '../../../src/ui/formula/formulaHighlight';
import { sqlCompletion } from '../../../src/ui/notebook/sqlCompletion';

const NAMES: FormulaNames = {
  tables: [
    {
      name: 'deals',
      columns: [
        { name: 'amount', kind: 'number' },
        { name: 'stage', kind: 'text' },
        { name: 'closed_at', kind: 'date' },
        { name: 'Close Date', kind: 'date' },
      ],
    },
    { name: 'customers', columns: [{ name: 'segment', kind: 'text' }] },
  ],
  kpis: [
    { id: 'win_rate', label: 'Win rate' },
    { id: 'net-revenue', label: 'Net revenue' },
  ],
};

/** What the list offers with the caret at `|`, as CodeMirror would ask while typing. */
function complete(marked: string, explicit = false): CompletionResult | null {
  const pos = marked.indexOf('|');
  const doc = marked.replace('|', '');
  const source = formulaCompletionSource(() => NAMES);
  const result = source(new CompletionContext(EditorState.create({ doc }), pos, explicit));
  if (result instanceof Promise) throw new Error('the formula source answers at once');
  return result;
}

/** The options CodeMirror would keep for the typed prefix (its filter matches the label). */
function offered(marked: string): Completion[] {
  const r = complete(marked);
  if (r === null) return [];
  const doc = marked.replace('|', '');
  const typed = doc.slice(r.from, marked.indexOf('|')).toLowerCase();
  return r.options.filter((o) => o.label.toLowerCase().startsWith(typed));
}

const labels = (options: readonly Completion[]) => options.map((o) => o.label);

describe('formula completion', () => {
  it('offers SUM with its signature when SU is typed', () => {
    const sum = offered('SU|').find((o) => o.label === 'SUM');
    expect(sum?.type).toBe('function');
    expect(sum?.detail).toBe('(value)');
    expect(String(sum?.info)).toContain('SUM(value)');
    expect(complete('SU|')?.from).toBe(0);
  });

  it("offers deals' columns after `deals.`, and only them", () => {
    const r = complete('SUM(deals.|');
    expect(r?.from).toBe(10);
    expect(labels(r?.options ?? [])).toEqual(['amount', 'stage', 'closed_at', '[Close Date]']);
    expect(r?.options[0].detail).toBe('Number');
    expect(labels(offered('SUM(DEALS.am|'))).toEqual(['amount']);
    expect(complete('SUM(nowhere.|')).toBeNull();
  });

  it('offers KPI ids, bracketed when they are not plain names', () => {
    const all = labels(offered('w|'));
    expect(all).toContain('win_rate');
    const r = complete('win_rate / |', true);
    expect(labels(r?.options ?? [])).toEqual(expect.arrayContaining(['win_rate', '[net-revenue]', 'deals']));
    expect(r?.options.find((o) => o.label === 'win_rate')?.detail).toBe('Win rate');
  });

  it('offers nothing inside text, after a number or with nothing typed', () => {
    expect(complete('COUNTIF(deals.stage = "Wo|')).toBeNull();
    expect(complete('12e|')).toBeNull();
    expect(complete('SUM(deals.amount) + |')).toBeNull();
    expect(complete('SUM(deals.amount)|')).toBeNull();
  });
});

describe('formula highlighting', () => {
  it('reads tokens with the formula lexer', () => {
    const src = 'SUMIF(deals.amount, deals.stage = "Won") AND TRUE';
    const styles = formulaTokenStyles(src).map((r) => [src.slice(r.from, r.to), r.style]);
    expect(styles).toEqual([
      ['SUMIF', 'function'],
      ['deals', 'table'],
      ['amount', 'column'],
      ['deals', 'table'],
      ['stage', 'column'],
      ['=', 'operator'],
      ['"Won"', 'text'],
      ['AND', 'keyword'],
      ['TRUE', 'keyword'],
    ]);
  });
});

describe('SQL completion', () => {
  /** Every option the SQL editor's sources give with the caret at `|`. */
  function sqlOffered(marked: string): string[] {
    const pos = marked.indexOf('|');
    const state = EditorState.create({
      doc: marked.replace('|', ''),
      extensions: sqlCompletion({ deals: ['amount', 'stage'] }, () => ['win_rate']),
    });
    const out: string[] = [];
    for (const source of state.languageDataAt<(c: CompletionContext) => CompletionResult | null>(
      'autocomplete',
      pos,
    )) {
      const r = source(new CompletionContext(state, pos, true));
      if (r !== null && !(r instanceof Promise)) out.push(...r.options.map((o) => o.label));
    }
    return out;
  }

  it('offers SQL, tables, columns and KPI ids, and no formula-only function', () => {
    const words = sqlOffered('SELECT |');
    expect(words).toEqual(expect.arrayContaining(['SELECT', 'deals', 'win_rate']));
    for (const formulaOnly of ['COUNTIF', 'SUMIF', 'DIVIDE', 'COUNTROWS', 'COUNTD'])
      expect(words).not.toContain(formulaOnly);
    expect(sqlOffered('SELECT deals.|')).toEqual(expect.arrayContaining(['amount', 'stage']));
  });
});
