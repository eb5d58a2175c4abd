import { Fragment, type ReactNode } from 'react';
import { type Inline, parseMarkdown } from '../../core/notebook/markdown';

/** Inline Markdown as React elements: text is always text, never HTML. */
function inline(nodes: readonly Inline[]): ReactNode {
  return nodes.map((n, i) => {
    const key = `${i}-${n.t}`;
    if (n.t === 'text') return <Fragment key={key}>{n.text}</Fragment>;
    if (n.t === 'code') return <code key={key}>{n.text}</code>;
    if (n.t === 'strong') return <strong key={key}>{inline(n.children)}</strong>;
    return <em key={key}>{inline(n.children)}</em>;
  });
}

export function MarkdownView({ source }: { source: string }) {
  const blocks = parseMarkdown(source);
  return (
    <div className="nb-markdown">
      {blocks.map((b, i) => {
        const key = `${i}-${b.t}`;
        if (b.t === 'heading') {
          const Tag = b.level === 1 ? 'h2' : b.level === 2 ? 'h3' : 'h4';
          // Each block takes the direction of its own text: English notes read LTR in a Persian page.
          return (
            <Tag key={key} dir="auto">
              {inline(b.children)}
            </Tag>
          );
        }
        if (b.t === 'paragraph')
          return (
            <p key={key} dir="auto">
              {inline(b.children)}
            </p>
          );
        if (b.t === 'code')
          return (
            <pre key={key}>
              <code>{b.text}</code>
            </pre>
          );
        const List = b.ordered ? 'ol' : 'ul';
        return (
          <List key={key}>
            {b.items.map((item, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity beyond their place
              <li key={j}>{inline(item)}</li>
            ))}
          </List>
        );
      })}
    </div>
  );
}
