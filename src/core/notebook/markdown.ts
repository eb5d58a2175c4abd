/**
 * A small, safe Markdown subset parsed to plain data: headings, paragraphs, bullet
 * and numbered lists, fenced code, and inline bold, italic and code. The UI renders
 * these blocks as React elements, so no text from a workbook is ever read as HTML.
 */
export type Inline =
  | { t: 'text'; text: string }
  | { t: 'strong'; children: Inline[] }
  | { t: 'em'; children: Inline[] }
  | { t: 'code'; text: string };

export type Block =
  | { t: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { t: 'paragraph'; children: Inline[] }
  | { t: 'list'; ordered: boolean; items: Inline[][] }
  | { t: 'code'; text: string };

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = () => {
    if (buf !== '') out.push({ t: 'text', text: buf });
    buf = '';
  };
  let i = 0;
  while (i < text.length) {
    if (text[i] === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) {
        flush();
        out.push({ t: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    const strong = text.startsWith('**', i) || text.startsWith('__', i);
    if (strong) {
      const mark = text.slice(i, i + 2);
      const end = text.indexOf(mark, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ t: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((text[i] === '*' || text[i] === '_') && text[i + 1] !== ' ') {
      const end = text.indexOf(text[i], i + 1);
      if (end > i + 1) {
        flush();
        out.push({ t: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    buf += text[i];
    i++;
  }
  flush();
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const endPara = () => {
    if (para.length > 0) blocks.push({ t: 'paragraph', children: parseInline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      endPara();
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].startsWith('```')) body.push(lines[i++]);
      blocks.push({ t: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      endPara();
      const level = Math.min(3, heading[1].length) as 1 | 2 | 3;
      blocks.push({ t: 'heading', level, children: parseInline(heading[2]) });
      continue;
    }
    const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      endPara();
      const ordered = /\d/.test(item[1]);
      const last = blocks[blocks.length - 1];
      if (last?.t === 'list' && last.ordered === ordered) last.items.push(parseInline(item[2]));
      else blocks.push({ t: 'list', ordered, items: [parseInline(item[2])] });
      continue;
    }
    if (line.trim() === '') endPara();
    else para.push(line.trim());
  }
  endPara();
  return blocks;
}
