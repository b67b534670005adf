/**
 * remarkWinnowRepair: undo converter damage before anything is measured.
 *
 * - placeholder links (`[text](#)`, `[text]()`, `javascript:`) become their text;
 * - raw HTML becomes its text (`<sup>st</sup>` → `st`), script-like elements vanish;
 * - a paragraph split mid-sentence by the scraper is joined with the next one;
 * - pictures indented by the page's markup, read as an indented code block, are pictures again;
 * - a date on a line of its own, read as a one-item ordered list ("15. März 2023"), is text again.
 *
 * The words of a paragraph are never changed, only re-joined.
 */
import type { Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { unified, type Plugin } from 'unified';
import { remarkParseInPieces } from './parse.js';
import remarkGfm from 'remark-gfm';
import { htmlToText, isBreakTag } from './html.js';
import { plainText } from './blocks.js';
import { findDates } from '../metadata/dates.js';
import { countWords } from './words.js';

/** Link targets that lead nowhere. */
export function isPlaceholderUrl(url: string): boolean {
  const u = url.trim();
  return u === '' || u === '#' || /^javascript:/i.test(u) || /^#!?$/.test(u);
}

function repairInline(parent: Parent): void {
  const out: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    if ('children' in child) repairInline(child as Parent);
    if (child.type === 'link' && isPlaceholderUrl(child.url)) {
      out.push(...child.children);
    } else if (child.type === 'html') {
      if (isBreakTag(child.value)) out.push({ type: 'break' });
      else {
        const text = htmlToText(child.value);
        if (text) out.push({ type: 'text', value: text });
      }
    } else {
      out.push(child);
    }
  }
  parent.children = mergeText(out) as Parent['children'];
}

/** Adjacent text nodes are merged so later stages see whole words. */
function mergeText(nodes: Nodes[]): Nodes[] {
  const out: Nodes[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === 'text' && prev?.type === 'text') prev.value += n.value;
    else out.push(n);
  }
  return out;
}

/**
 * Markdown inside an HTML block (`<p>[a link](url)`) is not parsed by CommonMark, but it is what
 * the scraper meant: once the tags are gone, the text is read as Markdown. Left as literal text it
 * would be escaped on output and read as Markdown by the next reader, so output would not be stable.
 */
const fragmentParser = unified().use(remarkParseInPieces).use(remarkGfm).freeze();

/** Block-level HTML becomes the blocks of its text, or nothing. */
function repairBlockHtml(node: RootContent, nested: boolean): RootContent[] {
  if (node.type !== 'html') return [node];
  const text = htmlToText(node.value)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim()) // markup indentation is not Markdown indentation
    .join('\n')
    .trim();
  if (!text) return [];
  // Inside a parsed fragment, leftover HTML is only text: one level of re-reading, never a loop.
  if (nested) return [{ type: 'paragraph', children: [{ type: 'text', value: text }], position: node.position }];
  return readAsMarkdown(text, node);
}

/** `text` read as Markdown, its blocks placed where `node` stood in the input. */
function readAsMarkdown(text: string, node: RootContent): RootContent[] {
  return fragmentParser.parse(text).children.map((child) => ({ ...child, position: node.position }));
}

/** A line that is nothing but a picture, maybe linked: `![alt](src)`, `[![alt](src)](href)`. */
const PICTURE_LINE = /^\s*(?:\[\s*)?!\[[^\]]*\]\([^()\s]*(?:\s+"[^"]*")?\)(?:\s*\]\([^()\s]*(?:\s+"[^"]*")?\))?\s*$/;

/**
 * Pictures indented by the page's markup (turndown keeps the spaces of a `<figure>`) read as an
 * indented code block. A block of nothing but picture lines is no code sample: it is read as the
 * pictures it shows. A fenced block is left alone, as a sample is written that way.
 */
function repairIndentedPictures(node: RootContent, source: string): RootContent[] {
  if (node.type !== 'code' || node.lang || node.position?.start.offset === undefined) return [node];
  // A fenced block starts with its fence; an indented one with the indentation.
  const first = source[node.position.start.offset];
  if (first !== ' ' && first !== '\t') return [node];
  const lines = node.value.split('\n').filter((l) => l.trim());
  if (lines.length === 0 || !lines.every((l) => PICTURE_LINE.test(l))) return [node];
  return readAsMarkdown(lines.map((l) => l.trim()).join('\n\n'), node);
}

/** Minimum length of a first half before we believe it was cut mid-sentence. */
const SPLIT_MIN_WORDS = 6;
/** A block ending like this may continue in the next one. */
const OPEN_END = /[\p{L}\p{N},;–—-]$/u;
/** The continuation starts like the middle of a sentence. */
const CONTINUES = /^[\p{Ll}]/u;

function firstText(p: Paragraph): string {
  return plainText(p).trimStart();
}

/**
 * `joinedEnd`: when `a` is itself the result of joins, the text of its last piece (it has enough
 * words): reading the whole of `a` again at every join would be quadratic in a long run of pieces.
 */
function isSplitPair(a: RootContent, b: RootContent | undefined, joinedEnd: string | null): b is Paragraph {
  if (a.type !== 'paragraph' || b?.type !== 'paragraph') return false;
  const end = joinedEnd ?? plainText(a).trimEnd();
  if (!OPEN_END.test(end) || (joinedEnd === null && countWords(end) < SPLIT_MIN_WORDS)) return false;
  // A paragraph ending in a hard break or an image is a layout unit, not a cut sentence.
  const last = a.children[a.children.length - 1];
  if (!last || last.type === 'break' || last.type === 'image') return false;
  return CONTINUES.test(firstText(b));
}

export function joinSplitParagraphs(parent: Parent): void {
  const children = parent.children as RootContent[];
  const out: RootContent[] = [];
  let joinedEnd: string | null = null;
  for (const node of children) {
    const prev = out[out.length - 1];
    if (prev && isSplitPair(prev, node, joinedEnd)) {
      const p = prev as Paragraph;
      p.children = mergeText([...p.children, { type: 'text', value: ' ' }, ...node.children]) as PhrasingContent[];
      if (p.position && node.position) p.position = { start: p.position.start, end: node.position.end };
      joinedEnd = plainText(node).trimEnd();
      continue;
    }
    joinedEnd = null;
    out.push(node);
  }
  parent.children = out as Parent['children'];
}

/**
 * "15. März 2023" on a line of its own is a date, but Markdown reads "15." as an ordered list
 * marker. A one-item list whose marker and text together read as exactly one date (the metadata's
 * own date reader decides, in every language it knows) is turned back into a paragraph.
 */
function isWholeDate(text: string): boolean {
  const dates = findDates(text);
  return dates.length === 1 && dates[0]!.index === 0 && dates[0]!.end >= text.length;
}

function repairDateList(node: RootContent): RootContent {
  if (node.type !== 'list' || !node.ordered || node.children.length !== 1) return node;
  const start = node.start ?? 1;
  const item = node.children[0]!;
  const para = item.children[0];
  if (start < 1 || start > 31 || item.children.length !== 1 || para?.type !== 'paragraph') return node;
  if (!isWholeDate(`${start}. ${plainText(para).trim()}`)) return node;
  const first = para.children[0];
  const prefix: PhrasingContent = { type: 'text', value: `${start}. ` };
  return {
    type: 'paragraph',
    children: first?.type === 'text' ? [{ ...first, value: `${start}. ${first.value}` }, ...para.children.slice(1)] : [prefix, ...para.children],
    position: node.position,
  };
}

function repairTree(parent: Parent, source: string, nested = false): void {
  const out: RootContent[] = [];
  for (const node of parent.children as RootContent[]) {
    const dated = repairDateList(node);
    const blocks = (nested ? [dated] : repairIndentedPictures(dated, source)).flatMap((b) => repairBlockHtml(b, nested));
    if (blocks.length !== 1 || blocks[0] !== node) {
      // Blocks read out of an HTML block are repaired like any other, but never re-read again.
      const fragment = { type: 'root', children: blocks } as Parent;
      repairTree(fragment, source, true);
      out.push(...(fragment.children as RootContent[]));
      continue;
    }
    const repaired = node;
    if (repaired.type === 'paragraph' || repaired.type === 'heading' || repaired.type === 'tableCell') {
      repairInline(repaired);
    } else if (repaired.type === 'table') {
      for (const row of repaired.children) for (const cell of row.children) repairInline(cell);
    } else if ('children' in repaired) {
      repairTree(repaired as Parent, source, nested);
    }
    out.push(repaired);
  }
  parent.children = out as Parent['children'];
  joinSplitParagraphs(parent);
}

export const remarkWinnowRepair: Plugin<[], Root> = () => (tree, file) => {
  repairTree(tree, String(file.value));
};
