import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * A note's Markdown as a syntax tree (mdast), parsed by micromark: CommonMark exactly,
 * so `customer_id and order_id` stays literal, as it does everywhere else. The parser
 * only builds plain data; the UI turns the tree into React elements, so no text from a
 * workbook is ever read as HTML (raw HTML in a note is a node that shows as text).
 *
 * One rule is added on top: `*` does not emphasise inside a word, as CommonMark already
 * rules for `_`. Notes about KPIs write products such as `2*3*4` or `price*qty*rate`,
 * which CommonMark would read as `2<em>3</em>4`.
 */
export function parseMarkdown(source: string): Root {
  if (pathological(source)) return plainText(source);
  const root = fromMarkdown(source);
  keepIntrawordStars(root, source);
  return root;
}

/**
 * micromark's time grows with the square of nesting: 20,000 `>` or `- ` opening one line
 * (a cell's most) take tens of seconds, and so do thousands of `*` in a run. No real note
 * nests more than 16 deep or runs 33 markers together, so such a note is shown as its
 * plain text instead.
 */
const NESTING = /^[ \t]*(?:(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*){17}/m;
const LONG_RUN = /[*_[\]]{33}|^[ \t]{65}/m;

function pathological(source: string): boolean {
  return NESTING.test(source) || LONG_RUN.test(source);
}

/** The note as paragraphs of text, one per run of lines between blank lines. */
function plainText(source: string): Root {
  const blocks = source.split(/\r?\n[ \t]*(?:\r?\n)+/).filter((b) => b.trim() !== '');
  return {
    type: 'root',
    children: blocks.map((b) => ({ type: 'paragraph', children: [{ type: 'text', value: b }] })),
  };
}

const WORD = /[\p{L}\p{N}]/u;

/** Emphasis or strong made of `*` with a letter or digit right before and right after. */
function intrawordStars(node: Nodes, source: string): boolean {
  if ((node.type !== 'emphasis' && node.type !== 'strong') || !node.position) return false;
  const start = node.position.start.offset ?? 0;
  const end = node.position.end.offset ?? 0;
  return source[start] === '*' && WORD.test(source[start - 1] ?? '') && WORD.test(source[end] ?? '');
}

/** Puts such emphasis back as the characters typed, around its (still parsed) content. */
function keepIntrawordStars(node: Nodes, source: string): void {
  if (!('children' in node)) return;
  for (const child of node.children) keepIntrawordStars(child, source);
  const parent = node as Parents;
  const kept: Nodes[] = [];
  for (const child of parent.children) {
    if (!intrawordStars(child, source) || !('children' in child)) {
      kept.push(child);
      continue;
    }
    const marks = child.type === 'strong' ? '**' : '*';
    kept.push({ type: 'text', value: marks }, ...child.children, { type: 'text', value: marks });
  }
  parent.children = kept as PhrasingContent[];
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address a note's link may open, or null. Only absolute http(s) and mailto
 * addresses pass: `javascript:`, `data:` and relative paths (which would resolve against
 * the app itself) are shown as plain text. The URL parser drops the tabs, newlines and
 * case tricks (`java\tscript:`, `JAVASCRIPT:`) that a prefix test would miss.
 */
export function safeLinkTarget(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
}
