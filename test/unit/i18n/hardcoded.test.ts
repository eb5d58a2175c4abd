import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No user-visible text is written into a component: JSX text and the text attributes a
 * screen reader or tooltip shows must come from the catalogue (t()), or Persian would
 * miss them. Text without letters (symbols, digits) is fine; the allowlist holds the few
 * strings that are the same in every language.
 */

const ROOT = join(__dirname, '../../../src/ui');
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);
const ALLOWED = new Set([
  // The spreadsheet formula-bar mark, as in every spreadsheet.
  'fx',
  // An example formula: formulas are written in the same (English) function names in every language.
  'DIVIDE(COUNTIF(deals.won), COUNT(deals.closed_at))',
  // RFM's recency and frequency scores (R1…R5, F1…F5): the method's own abbreviations.
  'R \\ F',
  'R',
  'F',
]);
const LETTER = /\p{L}/u;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

function hardCodedStrings(source: string, fileName = 'x.tsx'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const s = text.trim();
    if (!LETTER.test(s) || ALLOWED.has(s)) return;
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push(`${fileName}:${line + 1}: ${JSON.stringify(s)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) {
        const e = init.expression;
        if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) report(e, e.text);
      }
    }
    // A bare string as a JSX child: <b>{'Save'}</b>.
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const e = node.expression;
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) report(e, e.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('components', () => {
  it('the scanner finds text, text attributes and string children, and skips symbols', () => {
    const found = hardCodedStrings(
      `const a = <div title="Close" aria-label={'Open'}><b>Save</b>{'Run'} ✕ · 123 <i title="fx" /></div>;`,
    );
    expect(found.map((f) => f.replace(/^.*: /, ''))).toEqual(['"Close"', '"Open"', '"Save"', '"Run"']);
  });

  it('write no user-visible text outside the message catalogue', () => {
    const found = files(ROOT).flatMap((f) => hardCodedStrings(readFileSync(f, 'utf8'), relative(ROOT, f)));
    expect(found).toEqual([]);
  });
});
