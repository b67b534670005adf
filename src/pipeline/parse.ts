/**
 * Parsing long documents in pieces, with the same result as parsing them whole.
 *
 * micromark's document tokenizer rewrites its whole event list each time a list item or block
 * quote closes (and on each lazy line after one), so parse time grows with the square of the
 * document's length on pages with many lists: 1 MB of scraped pages took 9 s, 2 MB 24 s, 10 MB
 * 400 s. Cut into pieces of a few tens of KB, the cost is linear again.
 *
 * A cut is made only before a line that starts at column 0 after a blank line and is not a list
 * item (nor `---`/`+++`, which a piece would take for front matter): there no container,
 * paragraph, table or indented code can continue. What can still run across it is a fenced code
 * block or an HTML block that waits for its end marker (`<!--`, `<pre>`, ...); a piece that ends
 * with such a construct still open is recognised after parsing it (its last block reaches past its
 * last non-blank line) and is parsed again joined to the following pieces. Link and footnote definitions apply to the whole document: a piece that uses a label
 * defined in another piece is parsed again with a stand-in definition in front, which is then
 * dropped. Positions are shifted to the whole document. `test/parse.test.ts` checks that the
 * trees, positions included, equal those of a whole parse.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown, type Options as FromMarkdownOptions } from 'mdast-util-from-markdown';
import type { Plugin, Processor } from 'unified';
import { parseWithLinkRuns } from './link-runs.js';

/** Documents up to this many characters are parsed whole. */
const WHOLE_UP_TO = 48 * 1024;
/** A piece closes at the first possible cut after this many characters. */
const PIECE_SIZE = 16 * 1024;

export interface ChunkOptions {
  /** For tests: cut after this many characters instead of PIECE_SIZE (and always cut). */
  pieceSize?: number;
}

const FRONT_MATTER = /^(---|\+\+\+)[ \t]*\r?\n/;
/** No cut before a list item (it would split the list) or a `---`/`+++` line (a piece would read it as front matter). */
const NO_CUT_BEFORE = /^(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]|\r?\n|$)|---|\+\+\+)/;

/** Offsets of line starts where a new piece may begin (see the module comment). */
export function cutPoints(text: string, pieceSize: number): number[] {
  const cuts: number[] = [];
  let start = 0;
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    // Front matter may hold blank lines: no cut before its closing fence.
    const close = new RegExp(`\\n${fm[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r?\\n|$)`, 'g');
    close.lastIndex = fm[0].length - 1;
    const m = close.exec(text);
    start = m ? m.index + m[0].length : text.length;
  }
  let pieceStart = 0;
  let prevBlank = false;
  for (let lineStart = start; lineStart < text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const first = text.charCodeAt(lineStart);
    const blank = isBlank(text, lineStart, lineEnd);
    if (
      prevBlank && !blank && lineStart - pieceStart >= pieceSize &&
      first !== 32 && first !== 9 && !NO_CUT_BEFORE.test(text.slice(lineStart, lineStart + 12))
    ) {
      cuts.push(lineStart);
      pieceStart = lineStart;
    }
    prevBlank = blank;
    lineStart = lineEnd + 1;
  }
  return cuts;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

interface Piece {
  /** Offset of the piece in the document. */
  offset: number;
  /** Line of the piece's first line in the document (1-based). */
  line: number;
  text: string;
  tree: Root;
}

/** Parses `doc` as `fromMarkdown(doc, options)` would, in pieces when it is long. */
export function parseInPieces(doc: string, options: FromMarkdownOptions, chunk: ChunkOptions = {}): Root {
  const pieceSize = chunk.pieceSize ?? PIECE_SIZE;
  if (chunk.pieceSize === undefined && doc.length <= WHOLE_UP_TO) return fromMarkdown(doc, options);
  const cuts = cutPoints(doc, pieceSize);
  if (cuts.length === 0) return fromMarkdown(doc, options);

  const bounds = [0, ...cuts, doc.length];
  const pieces: Piece[] = [];
  let line = 1;
  for (let i = 0; i < bounds.length - 1;) {
    let end = bounds[i + 1]!;
    let j = i + 1;
    let tree = fromMarkdown(doc.slice(bounds[i]!, end), options);
    // Something still open at the end of the piece: join the next ones and parse again, twice as
    // many each time, so that a fence left open for the rest of a long document costs a few
    // parses of it, not one per piece.
    for (let more = 1; j < bounds.length - 1 && openAtEnd(tree, doc, bounds[i]!, end); more *= 2) {
      j = Math.min(j + more, bounds.length - 1);
      end = bounds[j]!;
      tree = fromMarkdown(doc.slice(bounds[i]!, end), options);
    }
    const text = doc.slice(bounds[i]!, end);
    pieces.push({ offset: bounds[i]!, line, text, tree });
    line += countLines(text);
    i = j;
  }
  if (pieces.length === 1) return pieces[0]!.tree;

  resolveDefinitionsAcrossPieces(pieces, options);

  const root: Root = { type: 'root', children: [] };
  for (const piece of pieces) {
    for (const child of piece.tree.children) {
      shift(child, piece.line - 1, piece.offset);
      root.children.push(child);
    }
  }
  const first = pieces[0]!.tree.position;
  const last = pieces[pieces.length - 1]!;
  if (first && last.tree.position) {
    const end = { ...last.tree.position.end };
    end.line += last.line - 1;
    end.offset = (end.offset ?? 0) + last.offset;
    root.position = { start: { ...first.start }, end };
  }
  return root;
}

/** True when the piece's last block reaches past its last non-blank line: a fence or HTML block left open. */
function openAtEnd(tree: Root, doc: string, from: number, to: number): boolean {
  const last = tree.children[tree.children.length - 1];
  const end = last?.position?.end.offset;
  if (end === undefined) return false;
  let contentEnd = to;
  while (contentEnd > from && /\s/.test(doc[contentEnd - 1]!)) contentEnd--;
  return from + end > contentEnd;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function shift(node: Nodes, lines: number, offset: number): void {
  const p = node.position;
  if (p) {
    p.start = { ...p.start, line: p.start.line + lines, offset: (p.start.offset ?? 0) + offset };
    p.end = { ...p.end, line: p.end.line + lines, offset: (p.end.offset ?? 0) + offset };
  }
  if ('children' in node) for (const child of node.children) shift(child, lines, offset);
}

type Definitions = { links: Map<string, string>; notes: Map<string, string> };

/** The labels (identifier → label as written) a tree defines. */
function definitionsOf(tree: Root): Definitions {
  const defs: Definitions = { links: new Map(), notes: new Map() };
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') defs.links.set(node.identifier, node.label ?? node.identifier);
    else if (node.type === 'footnoteDefinition') defs.notes.set(node.identifier, node.label ?? node.identifier);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return defs;
}

/**
 * A reference resolves only if its label is defined somewhere in the document. A piece that
 * mentions `[label]` for a label defined in another piece is parsed again with stand-in
 * definitions in front; the blocks from those lines are dropped and the rest moved back.
 */
function resolveDefinitionsAcrossPieces(pieces: Piece[], options: FromMarkdownOptions): void {
  const perPiece = pieces.map((p) => definitionsOf(p.tree));
  const all: Definitions = { links: new Map(), notes: new Map() };
  for (const d of perPiece) {
    for (const [k, v] of d.links) if (!all.links.has(k)) all.links.set(k, v);
    for (const [k, v] of d.notes) if (!all.notes.has(k)) all.notes.set(k, v);
  }
  if (all.links.size === 0 && all.notes.size === 0) return;

  pieces.forEach((piece, i) => {
    const lower = piece.text.toLowerCase();
    const standIns: string[] = [];
    for (const [id, label] of all.links) {
      if (!perPiece[i]!.links.has(id) && lower.includes(`[${label.toLowerCase()}]`)) standIns.push(`[${label}]: #`);
    }
    for (const [id, label] of all.notes) {
      if (!perPiece[i]!.notes.has(id) && lower.includes(`[^${label.toLowerCase()}]`)) standIns.push(`[^${label}]: #`);
    }
    if (standIns.length === 0) return;
    const prefix = `${standIns.join('\n')}\n\n`;
    const prefixLines = standIns.length + 1;
    const tree = fromMarkdown(prefix + piece.text, options);
    const kept: RootContent[] = [];
    for (const child of tree.children) {
      if ((child.position?.start.line ?? 0) <= prefixLines) continue;
      shift(child, -prefixLines, -prefix.length);
      kept.push(child);
    }
    const root = piece.tree.position;
    piece.tree = { type: 'root', children: kept, ...(root ? { position: root } : {}) };
  });
}

/** A unified parser plugin: remark-parse, with menus set aside (link-runs.ts) and long documents read in pieces. */
export const remarkParseInPieces: Plugin<[ChunkOptions?], string, Root> = function (this: Processor, chunk: ChunkOptions = {}) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias
  const self = this;
  self.parser = (doc: string): Root => {
    // Where remark-parse finds its settings and the extensions other plugins (remark-gfm) add.
    const data = self.data() as {
      settings?: FromMarkdownOptions;
      micromarkExtensions?: FromMarkdownOptions['extensions'];
      fromMarkdownExtensions?: FromMarkdownOptions['mdastExtensions'];
    };
    const options = {
      ...data.settings,
      extensions: data.micromarkExtensions ?? [],
      mdastExtensions: data.fromMarkdownExtensions ?? [],
    };
    return parseWithLinkRuns(doc, (text) => parseInPieces(text, options, chunk));
  };
};
