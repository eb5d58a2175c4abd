import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { safeLinkTarget } from '../../../src/core/notebook/markdown';
import { MarkdownView } from '../../../src/ui/notebook/markdownView';

/** A note as the page shows it, without the wrapping div. */
const html = (source: string) =>
  renderToStaticMarkup(createElement(MarkdownView, { source }))
    .replace(/^<div class="nb-markdown">/, '')
    .replace(/<\/div>$/, '');

describe('Markdown notes', () => {
  it('leaves underscored column names and products literal', () => {
    expect(html('customer_id and order_id')).toBe('<p dir="auto">customer_id and order_id</p>');
    expect(html('2*3*4')).toBe('<p dir="auto">2*3*4</p>');
    expect(html('join on snake_case_name = other_name_here')).not.toContain('<em>');
    expect(html('price*qty*rate and 2**3**4')).toBe('<p dir="auto">price*qty*rate and 2**3**4</p>');
    expect(html('*a note* and 2*`x`*4')).toBe('<p dir="auto"><em>a note</em> and 2*<code>x</code>*4</p>');
  });

  it('renders emphasis, strong, code, headings and lists', () => {
    expect(html('Some **bold**, *em*, _em_ and `code_x*`')).toBe(
      '<p dir="auto">Some <strong>bold</strong>, <em>em</em>, <em>em</em> and <code>code_x*</code></p>',
    );
    expect(html('# One\n## Two\n### Three\n#### Four')).toBe(
      '<h2 dir="auto">One</h2><h3 dir="auto">Two</h3><h4 dir="auto">Three</h4><h4 dir="auto">Four</h4>',
    );
    expect(html('- one\n- *two*')).toBe('<ul><li dir="auto">one</li><li dir="auto"><em>two</em></li></ul>');
    expect(html('3. three\n4. four')).toBe(
      '<ol start="3"><li dir="auto">three</li><li dir="auto">four</li></ol>',
    );
    expect(html('- loose\n\n- list')).toBe(
      '<ul><li dir="auto"><p dir="auto">loose</p></li><li dir="auto"><p dir="auto">list</p></li></ul>',
    );
    expect(html('```sql\nSELECT a_b * c_d\n```')).toBe('<pre dir="ltr"><code>SELECT a_b * c_d</code></pre>');
  });

  it('opens http(s) and mailto links in a new tab without an opener', () => {
    expect(html('[docs](https://example.com/a_b)')).toBe(
      '<p dir="auto"><a href="https://example.com/a_b" target="_blank" rel="noopener noreferrer">docs</a></p>',
    );
    expect(html('[mail](mailto:team@example.com)')).toContain('href="mailto:team@example.com"');
    expect(html('[ref][r]\n\n[r]: http://example.org')).toContain('href="http://example.org/"');
  });

  it('shows other links as plain text', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'java%0ascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:x',
      '/relative/path',
      '#anchor',
    ]) {
      const out = html(`[click](<${url}>)`);
      expect(out, url).toBe('<p dir="auto"><span>click</span></p>');
    }
    expect(safeLinkTarget('java\tscript:alert(1)')).toBeNull();
    expect(safeLinkTarget(' https://example.com')).toBe('https://example.com/');
  });

  it('shows raw HTML as the characters typed', () => {
    expect(html('<script>alert(1)</script>')).toBe('<p dir="auto">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html('see <img src=x onerror="alert(1)"> here')).toBe(
      '<p dir="auto">see &lt;img src=x onerror=&quot;alert(1)&quot;&gt; here</p>',
    );
    expect(html('![logo](https://example.com/x.png)')).toBe('<p dir="auto">logo</p>');
    expect(html('- <b>x</b>')).toBe('<ul><li dir="auto">&lt;b&gt;x&lt;/b&gt;</li></ul>');
  });

  it('shows a note nested past any real use as plain text, at once', () => {
    const nested = ['>'.repeat(20_000), '- '.repeat(10_000), `${'*'.repeat(9_000)}x${'*'.repeat(9_000)}`];
    for (const source of nested) {
      const out = html(`${source} end`);
      expect(out.startsWith('<p dir="auto">'), source.slice(0, 5)).toBe(true);
      expect(out).not.toMatch(/<(blockquote|ul|li|em|strong)/);
      expect(out.endsWith(' end</p>')).toBe(true);
    }
    expect(html('- a\n  - b\n    - c')).toBe(
      '<ul><li dir="auto">a<ul><li dir="auto">b<ul><li dir="auto">c</li></ul></li></ul></li></ul>',
    );
  });
});
