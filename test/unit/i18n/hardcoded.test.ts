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

function files(dir: string, ending = /\.tsx$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ending) : ending.test(p) ? [p] : [];
  });
}

const isFunction = (n: ts.Node) =>
  ts.isFunctionDeclaration(n) ||
  ts.isFunctionExpression(n) ||
  ts.isArrowFunction(n) ||
  ts.isMethodDeclaration(n) ||
  ts.isGetAccessorDeclaration(n);

/**
 * Messages read when a module loads: they stay in the language the page opened in, however
 * often it is switched afterwards (the delimiter names once did). Only a stored default the
 * app recognises in every language may be read there.
 */
const LOAD_TIME_ALLOWED = new Set(['workbook.untitled']);

function loadTimeMessages(source: string, fileName = 'x.ts'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (isFunction(node)) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      const key = node.arguments[0];
      const name = key && ts.isStringLiteral(key) ? key.text : key?.getText(sf);
      if (!LOAD_TIME_ALLOWED.has(name ?? '')) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        found.push(`${fileName}:${line + 1}: t(${name})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * A KPI's stored label is the catalog's English for a catalog KPI; the page shows
 * kpiLabel(kpi), which is Persian in Persian. Flags `kpi.label` (or `k.label`) put into
 * a message or straight into the page.
 */
function rawKpiLabels(source: string, fileName = 'x.tsx'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const isRawLabel = (e: ts.Expression) =>
    ts.isPropertyAccessExpression(e) &&
    e.name.text === 'label' &&
    /(^|\.)(kpi|k)$/.test(e.expression.getText(sf));
  const report = (e: ts.Node) => {
    const { line } = sf.getLineAndCharacterOfPosition(e.getStart(sf));
    found.push(`${fileName}:${line + 1}: ${e.getText(sf)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxExpression(node) && node.expression && isRawLabel(node.expression)) report(node.expression);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      const params = node.arguments[1];
      if (params && ts.isObjectLiteralExpression(params))
        for (const p of params.properties)
          if (ts.isPropertyAssignment(p) && isRawLabel(p.initializer)) report(p.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * A description read off the model (`canonical.description`, `c.description`) is the core's
 * English; the page shows it through the catalogue's lookups (kpiDescription(),
 * canonicalColumnDescription()), which are Persian in Persian.
 */
function rawDescriptions(source: string, fileName = 'x.tsx'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'description') {
      // Shown as it is in the page, or put into a message (a condition on it shows nothing).
      const p = node.parent;
      const call = p.parent?.parent;
      const inMessage =
        ts.isPropertyAssignment(p) &&
        call !== undefined &&
        ts.isCallExpression(call) &&
        call.expression.getText(sf) === 't';
      if (ts.isJsxExpression(p) || inMessage) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        found.push(`${fileName}:${line + 1}: ${node.getText(sf)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * A problem's `.message` is core's English (formula diagnostics, mapping problems, notebook
 * problems): the page shows it through the catalogue by code and parameters
 * (diagnosticText(), mappingProblemText(), notebookMessageText()). Flags `x.message` shown in
 * the page, in a text attribute or put into a message, except the few below, which are
 * already the catalogue's text or an engine's own words.
 */
const MESSAGE_ALLOWED = new Set([
  // An export that failed: the browser's or the engine's own error.
  'export/exportMenu.tsx: e.message',
]);

function rawMessages(source: string, fileName = 'x.tsx'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  // Through `a ? b : c`, `a && b`, `a ?? b` and parentheses to where the value goes.
  const destination = (n: ts.Node): ts.Node => {
    let at = n;
    while (
      ts.isParenthesizedExpression(at.parent) ||
      (ts.isConditionalExpression(at.parent) && at.parent.condition !== at) ||
      (ts.isBinaryExpression(at.parent) &&
        [
          ts.SyntaxKind.AmpersandAmpersandToken,
          ts.SyntaxKind.BarBarToken,
          ts.SyntaxKind.QuestionQuestionToken,
        ].includes(at.parent.operatorToken.kind))
    )
      at = at.parent;
    return at;
  };
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'message') {
      const at = destination(node);
      const p = at.parent;
      const shown =
        (ts.isJsxExpression(p) &&
          (ts.isJsxElement(p.parent) ||
            ts.isJsxFragment(p.parent) ||
            (ts.isJsxAttribute(p.parent) && TEXT_ATTRIBUTES.has(p.parent.name.getText(sf))))) ||
        (ts.isPropertyAssignment(p) &&
          ts.isObjectLiteralExpression(p.parent) &&
          ts.isCallExpression(p.parent.parent) &&
          p.parent.parent.expression.getText(sf) === 't');
      const entry = `${fileName}: ${node.getText(sf)}`;
      if (shown && !MESSAGE_ALLOWED.has(entry)) found.push(entry);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
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

/**
 * A choice shown as the very value it stores (`<option value={o}>{o}</option>`) shows a
 * settings word (`quarter`, `sum`) untranslated. Only the data's own names may be shown so.
 */
const DATA_OPTIONS = new Set([
  // Breakdown columns: the loaded tables' own column names.
  'scorecard/scorecardControls.tsx: b',
  'scorecard/changeExplainer.tsx: d',
  // An Excel file's sheet names.
  'parseOptionsForm.tsx: s',
  // The canonical model's tables: SQL names formulas use, the same in every language.
  'mapping/mappingDialog.tsx: c.name',
  // The user's own column names.
  'mapping/columnSource.tsx: h',
]);

function optionsShowingValues(source: string, fileName = 'x.tsx'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxElement(node) && node.openingElement.tagName.getText(sf) === 'option') {
      const value = node.openingElement.attributes.properties.find(
        (a): a is ts.JsxAttribute => ts.isJsxAttribute(a) && a.name.getText(sf) === 'value',
      );
      const shown = node.children.filter((c) => !(ts.isJsxText(c) && c.text.trim() === ''));
      const valueExpr =
        value?.initializer && ts.isJsxExpression(value.initializer)
          ? value.initializer.expression
          : undefined;
      const only = shown.length === 1 && ts.isJsxExpression(shown[0]) ? shown[0].expression : undefined;
      if (valueExpr && only && valueExpr.getText(sf) === only.getText(sf)) {
        const entry = `${fileName}: ${only.getText(sf)}`;
        if (!DATA_OPTIONS.has(entry)) found.push(entry);
      }
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

  it('the scanners find messages read at load and raw KPI labels', () => {
    expect(
      loadTimeMessages(
        `const A = [t('a.b')]; const B = t('workbook.untitled'); function f() { return t('c.d'); }`,
      ),
    ).toEqual(['x.ts:1: t(a.b)']);
    expect(
      rawKpiLabels(
        `const a = <h3>{t('bullet.title', { kpi: kpi.label })}{k.label}{kpiLabel(kpi)}{c.label}</h3>;`,
      ),
    ).toEqual(['x.tsx:1: kpi.label', 'x.tsx:1: k.label']);
  });

  it('the option scanner finds a choice shown as the value it stores', () => {
    expect(
      optionsShowingValues(
        `const a = <select>{xs.map((o) => <option key={o} value={o}>{o}</option>)}<option value={v}>{t(k)}</option></select>;`,
      ),
    ).toEqual(['x.tsx: o']);
  });

  it('show choices by their message, not the value they store', () => {
    const found = files(ROOT).flatMap((f) =>
      optionsShowingValues(readFileSync(f, 'utf8'), relative(ROOT, f)),
    );
    expect(found).toEqual([]);
  });

  it('read no message when a module loads, so a language switch reaches every one', () => {
    const found = files(ROOT, /\.tsx?$/).flatMap((f) =>
      loadTimeMessages(readFileSync(f, 'utf8'), relative(ROOT, f)),
    );
    expect(found).toEqual([]);
  });

  it('the description scanner finds model descriptions put into the page', () => {
    expect(
      rawDescriptions(
        `const a = <p title={c.description}>{canonical.description}{t('x', { d: k.description })}{k.description && kpiDescription(k)}</p>;`,
      ),
    ).toEqual(['x.tsx:1: c.description', 'x.tsx:1: canonical.description', 'x.tsx:1: k.description']);
  });

  it('show model descriptions through the catalogue, never the core’s English', () => {
    const found = files(ROOT).flatMap((f) => rawDescriptions(readFileSync(f, 'utf8'), relative(ROOT, f)));
    expect(found).toEqual([]);
  });

  it('the message scanner finds a problem’s English shown in the page', () => {
    expect(
      rawMessages(
        `const a = <li title={d.message} key={d.message}>{d.message}{ok ? p.message : null}{t('x', { m: q.message })}{diagnosticText(d)}</li>;`,
      ),
    ).toEqual(['x.tsx: d.message', 'x.tsx: d.message', 'x.tsx: p.message', 'x.tsx: q.message']);
  });

  it('show diagnostics and problems through the catalogue, never their English `.message`', () => {
    const found = files(ROOT).flatMap((f) => rawMessages(readFileSync(f, 'utf8'), relative(ROOT, f)));
    expect(found).toEqual([]);
  });

  it('show KPIs by kpiLabel(), never by the stored (English) catalog label', () => {
    const found = files(ROOT).flatMap((f) => rawKpiLabels(readFileSync(f, 'utf8'), relative(ROOT, f)));
    expect(found).toEqual([]);
  });
});
