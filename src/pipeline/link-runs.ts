/**
 * Menus and link lines set aside before the full parse.
 *
 * A scraped page spends a large share of its bytes on menus: runs of list items that hold one
 * link each (`*   [Politics](https://example.com/section/politics/)`), often nested, and
 * paragraphs that are nothing but a link or an image on each line (a logo, a "Read more", a row
 * of thumbnails). Most of what the parser does for them (a container per item, the link, the long
 * URL) is the most expensive per byte of anything on the page, and their tree is trivial. So
 * before parsing, they are found with a line-level look and each run is replaced by a one-line
 * stand-in: a list item `* x` for a menu, a paragraph `x` for link lines. The stand-in text is
 * parsed; each stand-in is replaced by the nodes built here, and every position is moved back to
 * the document's. The result equals a parse of the document, positions included
 * (`test/link-runs.test.ts` checks it on generated documents).
 *
 * Only lines whose meaning cannot depend on anything around them qualify: one inline link (or,
 * in a paragraph, an image) whose text has no Markdown or autolink-like content and whose
 * destination has no space, parenthesis, escape or character reference, nothing after it; in a
 * menu after a bullet and 1-4 spaces, in a paragraph at column 0 with blank lines around the
 * paragraph. What a run's context can still change (the run inside fenced code or an HTML block,
 * a lazy line or an indented block after it) changes the stand-in in the same way: unless every
 * stand-in comes back as a node holding just its own text, the document is parsed as it is.
 */
import type { Image, Link, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';

/** Fewer lines than this are not worth a stand-in. */
const MIN_RUN_LINES = 3;

/** `[text](destination "title")`: the title optional, the text plain (maybe empty), the destination bare. */
const LINK = /\[((?:[^\][\\`*_<>!~^\r\n][^\][\\`*_<>!~\r\n]*)?)\]\(([^\s()<>\\`[\]"]+)(?: "([^"\\\r\n]*)")?\)/.source;
/** A menu line: indent, bullet, spaces, a link. */
const LINK_LINE = new RegExp(`^( {0,16})([*+-])( {1,4})${LINK}$`);
/** A paragraph line: a link or an image at column 0, nothing else. */
const PARAGRAPH_LINE = new RegExp(`^(!?)${LINK}$`);
/** Link text that GFM could read as an autolink literal (e-mail, URL, www.). */
const AUTOLINK_LIKE = /@|:\/\/|www\./i;
/** A character reference is decoded by the parser: such text is not taken verbatim. */
const CHARACTER_REFERENCE = /&[#A-Za-z0-9]+;/;

interface Point { line: number; column: number; offset: number }

interface LinkLine {
  indent: number;
  marker: string;
  /** Column (0-based) where the item's content starts. */
  content: number;
  text: string;
  url: string;
  title: string | null;
  /** Offset of the line in the document, and its line number (1-based). */
  offset: number;
  line: number;
  length: number;
}

interface Run {
  start: number;
  end: number;
  lines: number;
  /** Column (1-based) just past the end of the run's last line. */
  endColumn: number;
  /** What the parser reads in the run's place: `* x` for a menu (with its bullet), `x` for link lines. */
  standInText: string;
  /** What replaces the stand-in: a menu's top-level items, or the link lines' paragraph. */
  nodes: ListItem[] | [Paragraph];
  /** Offset of the stand-in in the stand-in text. */
  standIn: number;
}

function readLine(text: string, offset: number, line: number): LinkLine | null {
  const m = LINK_LINE.exec(text);
  if (!m || AUTOLINK_LIKE.test(m[4]!) || CHARACTER_REFERENCE.test(text)) return null;
  const indent = m[1]!.length;
  return { indent, marker: m[2]!, content: indent + 1 + m[3]!.length, text: m[4]!, url: m[5]!, title: m[6] ?? null, offset, line, length: text.length };
}

function point(l: LinkLine, column: number): Point {
  return { line: l.line, column: column + 1, offset: l.offset + column };
}

function itemFor(l: LinkLine): ListItem {
  const start = point(l, l.content);
  const end = point(l, l.length);
  const paragraph: Paragraph = {
    type: 'paragraph',
    children: [{
      type: 'link', title: l.title, url: l.url,
      children: l.text ? [{ type: 'text', value: l.text, position: { start: point(l, l.content + 1), end: point(l, l.content + 1 + l.text.length) } }] : [],
      position: { start, end: { ...end } },
    }],
    position: { start: { ...start }, end: { ...end } },
  };
  return { type: 'listItem', spread: false, checked: null, children: [paragraph], position: { start: point(l, l.indent), end: { ...end } } };
}

interface Open { item: ListItem; content: number; list: List | null; childList: { list: List; marker: string } | null }

/**
 * The top-level items of a run of link lines as the parser would build them, and how many lines
 * they take: the run stops at a line that would start another top-level list or be indented code.
 */
function buildItems(lines: LinkLine[]): { items: ListItem[]; used: number; tops: number[] } {
  const items: ListItem[] = [];
  /** Index (in `lines`) of each top-level item's line. */
  const tops: number[] = [];
  const stack: Open[] = [];
  const marker = lines[0]!.marker;
  let used = 0;
  for (const l of lines) {
    while (stack.length && stack[stack.length - 1]!.content > l.indent) stack.pop();
    const parent = stack[stack.length - 1];
    const item = itemFor(l);
    if (!parent) {
      if (l.indent > 3 || l.marker !== marker) break;
      tops.push(used);
      items.push(item);
      stack.push({ item, content: l.content, list: null, childList: null });
    } else {
      if (l.indent - parent.content > 3) break;
      let child = parent.childList;
      if (!child || child.marker !== l.marker) {
        const list: List = { type: 'list', ordered: false, start: null, spread: false, children: [], position: { start: { ...item.position!.start }, end: { ...item.position!.end } } };
        parent.item.children.push(list);
        child = parent.childList = { list, marker: l.marker };
      }
      child.list.children.push(item);
      stack.push({ item, content: l.content, list: child.list, childList: null });
    }
    // Every open item, and the list it is in, now ends where this line does.
    const end = item.position!.end;
    for (const open of stack) {
      open.item.position!.end = { ...end };
      if (open.list) open.list.position!.end = { ...end };
    }
    used++;
  }
  return { items, used, tops };
}

/** Menus whose first item starts at column 0 (see the module comment). */
function menuRuns(lines: readonly string[], offsets: readonly number[]): Run[] {
  const runs: Run[] = [];
  let pending: LinkLine[] = [];
  /** `after`: index of the line after the pending ones. */
  const flush = (after: number): void => {
    // Whether what follows could join the last item: a lazy line right after it, or an indented
    // line after blank lines (a further block of that item, or of an item nested in it).
    let next = after;
    while (next < lines.length && lines[next]!.trim() === '') next++;
    const joins = next < lines.length && (next === after || /^[ \t]/.test(lines[next]!));
    while (pending.length >= MIN_RUN_LINES) {
      const start = pending.findIndex((l) => l.indent === 0);
      if (start === -1) break;
      let { items, used, tops } = buildItems(pending.slice(start));
      const consumed = used;
      // Such a line is left to the parser with the last item and what it holds: the stand-in is
      // then followed by a sibling item, which nothing can join.
      if (start + used < pending.length || joins) {
        used = tops[tops.length - 1]!;
        items = items.slice(0, -1);
      }
      if (used >= MIN_RUN_LINES) {
        const first = pending[start]!;
        const last = pending[start + used - 1]!;
        runs.push({ start: first.offset, end: last.offset + last.length, lines: used, endColumn: last.length + 1, standInText: `${first.marker} x`, nodes: items, standIn: 0 });
      }
      pending = pending.slice(start + consumed);
    }
    pending = [];
  };
  lines.forEach((text, i) => {
    // A cheap test first: only lines with a `[` within their first characters can qualify.
    const read = text.slice(0, 23).includes('[') ? readLine(text, offsets[i]!, i + 1) : null;
    if (read) pending.push(read);
    else if (pending.length) flush(i);
  });
  if (pending.length) flush(lines.length);
  return runs;
}

/** One link or image of a link-lines paragraph, with the text node of the line ending before it. */
function paragraphNodes(text: string, offset: number, line: number): PhrasingContent | null {
  const m = PARAGRAPH_LINE.exec(text);
  if (!m || AUTOLINK_LIKE.test(m[2]!) || CHARACTER_REFERENCE.test(text)) return null;
  const l: LinkLine = { indent: 0, marker: '', content: 0, text: m[2]!, url: m[3]!, title: m[4] ?? null, offset, line, length: text.length };
  const position = { start: point(l, 0), end: point(l, l.length) };
  if (m[1]) return { type: 'image', title: l.title, url: l.url, alt: l.text, position } satisfies Image;
  const children: PhrasingContent[] = l.text
    ? [{ type: 'text', value: l.text, position: { start: point(l, 1), end: point(l, 1 + l.text.length) } }]
    : [];
  return { type: 'link', title: l.title, url: l.url, children, position } satisfies Link;
}

/** Paragraphs of link or image lines at column 0, blank lines around them (see the module comment). */
function paragraphRuns(lines: readonly string[], offsets: readonly number[]): Run[] {
  const runs: Run[] = [];
  const blank = (i: number): boolean => i < 0 || i >= lines.length || lines[i]!.trim() === '';
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i]!.charCodeAt(0);
    // A cheap test first: only lines starting with `[` or `!` can qualify.
    if ((c !== 0x5b && c !== 0x21) || !blank(i - 1)) continue;
    const children: PhrasingContent[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const node = paragraphNodes(lines[j]!, offsets[j]!, j + 1);
      if (!node) break;
      const previous = children[children.length - 1];
      // The line ending between two lines is a text node of its own.
      if (previous) children.push({ type: 'text', value: '\n', position: { start: { ...previous.position!.end }, end: { ...node.position!.start } } });
      children.push(node);
    }
    if (j === i || !blank(j)) {
      i = j;
      continue;
    }
    const last = children[children.length - 1]!.position!.end;
    const paragraph: Paragraph = { type: 'paragraph', children, position: { start: { ...children[0]!.position!.start }, end: { ...last } } };
    runs.push({ start: offsets[i]!, end: last.offset!, lines: j - i, endColumn: last.column, standInText: 'x', nodes: [paragraph], standIn: 0 });
    i = j;
  }
  return runs;
}

/** Menus and link-line paragraphs, in document order. */
function findRuns(doc: string): Run[] {
  const lines = doc.split('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  return [...menuRuns(lines, offsets), ...paragraphRuns(lines, offsets)].sort((a, b) => a.start - b.start);
}

/** True when the parser read the stand-in as a node of its own holding just its text (`x`). */
function isStandIn(node: ListItem | Paragraph, run: Run): boolean {
  const p = node.position;
  if (!p || p.start.offset !== run.standIn || p.end.offset !== run.standIn + run.standInText.length) return false;
  const paragraph = node.type === 'listItem' ? (node.children.length === 1 ? node.children[0]! : null) : node;
  return paragraph?.type === 'paragraph' && paragraph.children.length === 1 &&
    paragraph.children[0]!.type === 'text' && paragraph.children[0]!.value === 'x';
}

/** Parses `doc` with `parse`, its menus and link lines set aside first (see the module comment). */
export function parseWithLinkRuns(doc: string, parse: (text: string) => Root): Root {
  const runs = findRuns(doc);
  if (runs.length === 0) return parse(doc);

  let text = '';
  let from = 0;
  for (const run of runs) {
    text += doc.slice(from, run.start);
    run.standIn = text.length;
    text += run.standInText;
    from = run.end;
  }
  text += doc.slice(from);
  const tree = parse(text);

  const byOffset = new Map(runs.map((r) => [r.standIn, r]));
  const runAt = (node: ListItem | Paragraph): Run | null => {
    const run = byOffset.get(node.position?.start.offset ?? -1);
    return run && (node.type === 'listItem') === (run.nodes[0]!.type === 'listItem') && isStandIn(node, run) ? run : null;
  };
  /** Puts the run's nodes in place of the stand-in; run last to first, as indices shift. */
  const replacements: (() => void)[] = [];
  tree.children.forEach((block, index) => {
    const run = block.type === 'paragraph' ? runAt(block) : null;
    if (run) replacements.push(() => tree.children.splice(index, 1, ...(run.nodes as RootContent[])));
    if (block.type !== 'list') return;
    block.children.forEach((item, i) => {
      const menu = runAt(item);
      if (menu) replacements.push(() => block.children.splice(i, 1, ...(menu.nodes as ListItem[])));
    });
  });
  // A stand-in read otherwise (in code, in HTML, joined by a lazy line...): parse the document.
  if (replacements.length !== runs.length) return parse(doc);

  moveBack(tree, runs);
  for (const replace of replacements.reverse()) replace();
  return tree;
}

/** Moves every position from the stand-in text back to the document. */
function moveBack(tree: Root, runs: Run[]): void {
  // After the k-th stand-in (from its end on), offsets and lines grow by what runs 0..k took out.
  const ends = runs.map((r) => r.standIn + r.standInText.length);
  const offsets: number[] = [];
  const lines: number[] = [];
  let offset = 0;
  let line = 0;
  for (const r of runs) {
    offset += r.end - r.start - r.standInText.length;
    line += r.lines - 1;
    offsets.push(offset);
    lines.push(line);
  }
  const move = (p: Point): Point => {
    // The number of stand-ins that end at or before p.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= p.offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return p;
    // A point at a stand-in's end (a list ending with it) moves to the end of the run's last line.
    const column = p.offset === ends[lo - 1] ? runs[lo - 1]!.endColumn : p.column;
    return { line: p.line + lines[lo - 1]!, column, offset: p.offset + offsets[lo - 1]! };
  };
  const visit = (node: Nodes): void => {
    const p = node.position;
    if (p && p.start.offset !== undefined && p.end.offset !== undefined) {
      node.position = { start: move(p.start as Point), end: move(p.end as Point) };
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}
