import type { Definition, List, Nodes, Parents, Root } from 'mdast';
import type { ReactNode } from 'react';
import { parseMarkdown, safeLinkTarget } from '../../core/notebook/markdown';

/** Reference-style links (`[text][ref]`) find their address among the note's definitions. */
type Definitions = ReadonlyMap<string, Definition>;

function definitionsOf(root: Root): Definitions {
  const found = new Map<string, Definition>();
  const visit = (node: Nodes) => {
    if (node.type === 'definition' && !found.has(node.identifier)) found.set(node.identifier, node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  return found;
}

/** Siblings never share a start offset, so it identifies a node among them. */
const keyOf = (node: Nodes, index: number) => `${node.type}-${node.position?.start.offset ?? index}`;

function children(node: Parents, defs: Definitions, tight = false): ReactNode[] {
  // Raw HTML standing as a block of its own shows as a paragraph of the characters typed.
  const flow = node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem';
  return node.children.map((child, i) => {
    const key = keyOf(child, i);
    if (flow && !tight && child.type === 'html')
      return (
        <p key={key} dir="auto">
          {child.value}
        </p>
      );
    return render(child, key, defs, tight);
  });
}

function link(url: string | undefined, content: ReactNode, key: string): ReactNode {
  const href = url === undefined ? null : safeLinkTarget(url);
  if (href === null) return <span key={key}>{content}</span>;
  return (
    <a key={key} href={href} target="_blank" rel="noopener noreferrer">
      {content}
    </a>
  );
}

function list(node: List, key: string, defs: Definitions): ReactNode {
  // A tight list (no blank lines between items) holds its text directly, without paragraphs.
  const items = children(node, defs, node.spread !== true);
  if (node.ordered)
    return (
      <ol key={key} start={node.start ?? undefined}>
        {items}
      </ol>
    );
  return <ul key={key}>{items}</ul>;
}

/**
 * One mdast node as React elements. Text is always a text node: raw HTML in the source
 * (`html` nodes) shows as the characters typed, and images show their alt text, since a
 * note may not fetch anything.
 */
function render(node: Nodes, key: string, defs: Definitions, tight: boolean): ReactNode {
  switch (node.type) {
    case 'root':
      return children(node, defs);
    case 'heading': {
      // The cell's own title is the page's h2 level; deeper Markdown levels share h4.
      const Tag = node.depth === 1 ? 'h2' : node.depth === 2 ? 'h3' : 'h4';
      // Each block takes the direction of its own text: English notes read LTR in a Persian page.
      return (
        <Tag key={key} dir="auto">
          {children(node, defs)}
        </Tag>
      );
    }
    case 'paragraph':
      if (tight) return children(node, defs);
      return (
        <p key={key} dir="auto">
          {children(node, defs)}
        </p>
      );
    case 'list':
      return list(node, key, defs);
    case 'listItem':
      return (
        <li key={key} dir="auto">
          {children(node, defs, tight)}
        </li>
      );
    case 'blockquote':
      return <blockquote key={key}>{children(node, defs)}</blockquote>;
    case 'code':
      return (
        <pre key={key} dir="ltr">
          <code>{node.value}</code>
        </pre>
      );
    case 'thematicBreak':
      return <hr key={key} />;
    case 'html':
    case 'text':
      return node.value;
    case 'emphasis':
      return <em key={key}>{children(node, defs)}</em>;
    case 'strong':
      return <strong key={key}>{children(node, defs)}</strong>;
    case 'inlineCode':
      return <code key={key}>{node.value}</code>;
    case 'break':
      return <br key={key} />;
    case 'link':
      return link(node.url, children(node, defs), key);
    case 'linkReference':
      return link(defs.get(node.identifier)?.url, children(node, defs), key);
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    default:
      // Definitions render nothing; node kinds only extensions produce never occur here.
      return null;
  }
}

export function MarkdownView({ source }: { source: string }) {
  const root = parseMarkdown(source);
  return <div className="nb-markdown">{render(root, 'root', definitionsOf(root), false)}</div>;
}
