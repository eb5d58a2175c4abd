import { describe, expect, it } from 'vitest';
import { demoNotebook } from '../../../src/core/notebook/demo';
import { DEMO_NOTEBOOK_FA, localizeDemoNotebook } from '../../../src/i18n/demoNotebookFa';

const text = (cells: ReturnType<typeof demoNotebook>, id: string) => cells.find((c) => c.id === id)?.source;

describe('the demo notebook in either language', () => {
  it('has Persian for every text cell of the demo, and for nothing else', () => {
    const markdown = demoNotebook().filter((c) => c.kind === 'markdown');
    expect(Object.keys(DEMO_NOTEBOOK_FA).sort()).toEqual(markdown.map((c) => c.id).sort());
  });

  it('switches untouched text both ways and keeps what the user wrote', () => {
    const english = demoNotebook();
    const persian = localizeDemoNotebook(english, 'fa');
    expect(text(persian, 'demo-intro')).toMatch(/^# مروری بر فصل/);
    // The user rewrites one heading in Persian; switching back to English keeps it.
    const edited = persian.map((c) => (c.id === 'demo-h-churn' ? { ...c, source: '## ریزش ما' } : c));
    const back = localizeDemoNotebook(edited, 'en');
    expect(text(back, 'demo-intro')).toBe(text(english, 'demo-intro'));
    expect(text(back, 'demo-h-churn')).toBe('## ریزش ما');
    // SQL and analysis cells are the same in both languages.
    expect(back.filter((c) => c.kind !== 'markdown')).toEqual(english.filter((c) => c.kind !== 'markdown'));
  });

  it('returns the same cells when nothing changes, so no edit is recorded', () => {
    const english = demoNotebook();
    expect(localizeDemoNotebook(english, 'en')).toBe(english);
    const persian = localizeDemoNotebook(english, 'fa');
    expect(localizeDemoNotebook(persian, 'fa')).toBe(persian);
    const mine = [
      { id: 'demo-intro', kind: 'markdown' as const, name: 'intro', source: '# Mine', config: {} },
    ];
    expect(localizeDemoNotebook(mine, 'fa')).toBe(mine);
  });
});
