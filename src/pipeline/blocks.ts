/**
 * The unit of classification: a top-level block of the document with the measures the
 * classifier and the rules look at. Blocks are read-only views; only the strip stage removes.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { countWords, endsLikeSentence, keyOfWords, lengthInWords, sentenceCount, stopwordShare, words as splitWords } from './words.js';

export interface Block {
  index: number;
  node: RootContent;
  type: RootContent['type'];
  /** 1-based source lines (null for synthesised nodes). */
  line: number | null;
  endLine: number | null;
  /** Plain text without image alt text or URLs. */
  text: string;
  words: number;
  /** Words that sit inside links. */
  linkWords: number;
  linkDensity: number;
  links: number;
  images: number;
  stopwordDensity: number;
  sentences: number;
  endsWithPunct: boolean;
  /** For lists: number of items and mean words per item. */
  items: number;
  wordsPerItem: number;
  /** For lists: items at any depth (a menu's sub-menus included) and mean words per such entry. */
  entries: number;
  wordsPerEntry: number;
  /** For lists: entries whose own text ends like a sentence. */
  sentenceEntries: number;
  /** Case/punctuation-insensitive key to spot repeats. */
  key: string;
  /** Heading depth (1-6), 0 for other blocks. */
  depth: number;
  /** A paragraph whose lines are pipe-table rows that did not parse as a table (no delimiter row). */
  pipeRows: boolean;
}

/** Share of lines starting with `|` from which a paragraph is a table that failed to parse. */
const PIPE_ROW_SHARE = 0.5;

function hasPipeRows(node: RootContent, text: string): boolean {
  if (node.type !== 'paragraph') return false;
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length >= 2 && lines.filter((l) => l.trimStart().startsWith('|')).length / lines.length >= PIPE_ROW_SHARE;
}

interface LinkStats { linkWords: number; links: number; images: number }

function linkStats(node: Nodes, acc: LinkStats = { linkWords: 0, links: 0, images: 0 }): LinkStats {
  if (node.type === 'link' || node.type === 'linkReference') {
    acc.links++;
    acc.linkWords += countWords(toString(node, { includeImageAlt: false }));
    // Images inside a link still count as images.
    for (const child of node.children) if (child.type === 'image' || child.type === 'imageReference') acc.images++;
    return acc;
  }
  if (node.type === 'image' || node.type === 'imageReference') {
    acc.images++;
    return acc;
  }
  if ('children' in node) for (const child of node.children) linkStats(child as Nodes, acc);
  return acc;
}

/** Containers whose children are blocks (or rows/cells): their texts are separate words. */
const BLOCK_PARENTS = new Set(['root', 'list', 'listItem', 'blockquote', 'footnoteDefinition', 'table', 'tableRow']);

/**
 * The text of a node without image alt text or HTML. Unlike mdast's `toString`, the texts of
 * sibling blocks (list items, the paragraphs of a quote, table cells) are kept apart, by a line
 * break between blocks and a space between cells: "Home" and "Fact Check" as menu items are
 * three words, not "HomeFact Check".
 */
export function plainText(node: Nodes): string {
  if (!BLOCK_PARENTS.has(node.type) || !('children' in node)) return inlineText(node);
  const sep = node.type === 'tableRow' ? ' ' : '\n';
  return (node.children as Nodes[]).map((c) => plainText(c)).filter((t) => t !== '').join(sep);
}

/**
 * `toString` without image alt text or HTML, and a line break for a hard break: the lines of a
 * paragraph ("Amphitheatre" / "June 10") are not run into one word.
 */
function inlineText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if (!('children' in node) || !node.children.some((c) => c.type === 'break' || 'children' in c)) {
    return toString(node, { includeImageAlt: false, includeHtml: false });
  }
  return (node.children as Nodes[]).map(inlineText).join('');
}

/** List items at any depth under a node, and how many of them end like a sentence. */
function countItems(node: Nodes, acc = { items: 0, sentences: 0 }): { items: number; sentences: number } {
  if (!('children' in node)) return acc;
  for (const child of node.children as Nodes[]) {
    if (child.type === 'listItem') {
      acc.items++;
      const own = child.children.filter((c) => c.type !== 'list').map((c) => plainText(c)).join(' ');
      if (endsLikeSentence(own)) acc.sentences++;
    }
    countItems(child, acc);
  }
  return acc;
}

export function measure(node: RootContent, index: number): Block {
  const text = node.type === 'code' ? node.value : plainText(node);
  // Split once: length, stopword share and repeat key all read the same words.
  const tokens = splitWords(text);
  const words = lengthInWords(text, tokens.length);
  const ls = linkStats(node);
  let items = 0;
  let entries = 0;
  let sentenceEntries = 0;
  if (node.type === 'list') {
    items = node.children.length;
    ({ items: entries, sentences: sentenceEntries } = countItems(node));
  }
  return {
    index,
    node,
    type: node.type,
    line: node.position?.start.line ?? null,
    endLine: node.position?.end.line ?? null,
    text,
    words,
    linkWords: ls.linkWords,
    linkDensity: words > 0 ? Math.min(1, ls.linkWords / words) : ls.links > 0 ? 1 : 0,
    links: ls.links,
    images: ls.images,
    stopwordDensity: stopwordShare(tokens),
    sentences: sentenceCount(text),
    endsWithPunct: endsLikeSentence(text),
    items,
    wordsPerItem: items > 0 ? words / items : words,
    entries,
    wordsPerEntry: entries > 0 ? words / entries : words,
    sentenceEntries,
    key: keyOfWords(tokens),
    depth: node.type === 'heading' ? node.depth : 0,
    pipeRows: hasPipeRows(node, text),
  };
}

export function collectBlocks(tree: Root): Block[] {
  return tree.children.map((node, i) => measure(node, i));
}
