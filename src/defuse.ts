/**
 * Defuse pathological Markdown before remark-parse sees it.
 *
 * The parser and serializer winnow builds on recurse once per nesting level and have quadratic (or
 * worse) paths for some shapes: thousands of `>`/list levels overflow the stack, deep emphasis takes
 * depth^4 to stringify, an unclosed `[` makes GFM's autolink-literal scan walk back over the whole
 * paragraph at every word, very long paragraphs are quadratic in lines. Others are linear but costly
 * per unit: a line of a paragraph costs what dozens of characters of it cost, a table row a hundred
 * times more than text, a quote level on every line of a long quote more again. Broken converters
 * produce exactly these shapes, so this pass rewrites them — in one linear scan, touching nothing
 * else — into shapes the parser handles quickly, and says what it did (one warning per rule).
 *
 * Text inside fenced code, raw HTML blocks (`<pre>`, `<!--`, ...) and front matter is never changed
 * (fenced code is re-indented as a whole when its list item moves). Ordinary documents come out
 * byte-identical: every limit below is far beyond what real articles use.
 *
 * Also here: two shapes that never settle under parse+stringify (so `clean` could not be
 * idempotent) are rewritten into stable ones — an HTML block left open inside a list item, and a
 * GFM e-mail literal whose domain has an underscore.
 */
import type { Warning } from './types.js';

export interface DefuseLimits {
  /** Container markers (`>`, list bullets) on one line beyond this are dropped. */
  maxLineDepth: number;
  /** List nesting by indentation beyond this turns deeper items into siblings at this depth. */
  maxListDepth: number;
  /** Open `[` nested deeper than this are escaped. */
  maxBracketDepth: number;
  /** An `[` still open this many characters later is escaped (GFM autolink-literal walk-back). */
  maxBracketSpan: number;
  /** Emphasis delimiters (`*`, `_`, `~`) open at once in one paragraph beyond this are escaped. */
  maxOpenEmphasis: number;
  /**
   * Closers with nothing to close (`]`, emphasis) in one paragraph beyond this are escaped: each
   * one makes micromark (and GFM footnotes) walk back over the whole paragraph.
   */
  maxDangling: number;
  /** Lines longer than this are split into paragraphs at a space before a letter. */
  maxLineLength: number;
  /**
   * Body rows of one table beyond this are made text (the table ends there): GFM's tables cost a
   * hundred times more per row than text, in parsing, the winnow stages and printing.
   */
  maxTableRows: number;
  /**
   * Lines of one paragraph beyond this are joined with spaces (a soft line break and a space read
   * the same): micromark's cost per line is that of dozens of characters, and GFM's autolink
   * literals make a paragraph's cost grow faster than its line count.
   */
  maxParagraphLines: number;
  /**
   * Most inline constructs (line endings and Markdown punctuation) in one paragraph-like run;
   * past it the run is split into paragraphs. micromark's cost per paragraph grows with the
   * square of this count (it splices its event list once per construct).
   */
  maxParagraphCost: number;
}

export const DEFAULT_DEFUSE_LIMITS: Readonly<DefuseLimits> = {
  maxLineDepth: 8,
  maxListDepth: 16,
  maxBracketDepth: 32,
  maxBracketSpan: 4_000,
  maxOpenEmphasis: 32,
  maxDangling: 32,
  maxLineLength: 30_000,
  maxParagraphLines: 1_000,
  maxTableRows: 2_000,
  maxParagraphCost: 2_000,
};

export interface Defused {
  text: string;
  warnings: Warning[];
  /**
   * For each line of `text` (0-based), the input line it came from; null when `text` is the input
   * unchanged. Lines are inserted (paragraph splits) or, in a runaway paragraph, joined to the line
   * before (which keeps its origin).
   */
  origin: number[] | null;
}

/** Stable rule ids of the warnings, one per kind of rewrite. */
export type DefuseRule =
  | 'defuse-nesting' | 'defuse-list-depth' | 'defuse-brackets' | 'defuse-unclosed-bracket'
  | 'defuse-emphasis' | 'defuse-long-line' | 'defuse-long-paragraph' | 'defuse-paragraph-lines' | 'defuse-long-table'
  | 'defuse-unclosed-html'
  | 'defuse-email-literal';

const MESSAGES: Record<DefuseRule, (count: number, limits: DefuseLimits) => string> = {
  'defuse-nesting': (n, l) => `flattened ${n} line${s(n)} nested deeper than ${l.maxLineDepth} levels (quote/list markers)`,
  'defuse-list-depth': (n, l) => `${n} list item${s(n)} nested deeper than ${l.maxListDepth} levels made siblings`,
  'defuse-brackets': (n, l) => `escaped ${n} bracket${s(n)} nested deeper than ${l.maxBracketDepth} levels or unmatched beyond ${l.maxDangling}`,
  'defuse-unclosed-bracket': (n, l) => `escaped ${n} \`[\` not closed within ${l.maxBracketSpan} characters`,
  'defuse-emphasis': (n, l) => `escaped ${n} emphasis marker${s(n)} beyond ${l.maxOpenEmphasis} open at once or ${l.maxDangling} unmatched`,
  'defuse-long-line': (n, l) => `split ${n} line${s(n)} longer than ${l.maxLineLength} characters or ${l.maxParagraphCost} inline constructs into paragraphs`,
  'defuse-long-paragraph': (n, l) => `split ${n} paragraph${s(n)} with more than ${l.maxParagraphCost} lines and inline constructs`,
  'defuse-paragraph-lines': (n, l) => `joined the lines of ${n} paragraph${s(n)} longer than ${l.maxParagraphLines} lines (past that line, soft line breaks became spaces)`,
  'defuse-long-table': (n, l) => `made the rows past row ${l.maxTableRows} of ${n} table${s(n)} into paragraphs of text`,
  'defuse-unclosed-html': (n) => `closed ${n} HTML block${s(n)} left open at the end of a list item`,
  'defuse-email-literal': (n) => `split ${n} e-mail-like literal${s(n)} whose domain would not survive a round trip`,
};

function s(n: number): string {
  return n === 1 ? '' : 's';
}

/** Counts rewrites per rule and remembers the first (1-based, input) line of each. */
class Report {
  private readonly seen = new Map<DefuseRule, { count: number; line: number }>();
  add(rule: DefuseRule, line: number, count = 1): void {
    const entry = this.seen.get(rule);
    if (entry) entry.count += count;
    else this.seen.set(rule, { count, line: line + 1 });
  }
  warnings(limits: DefuseLimits): Warning[] {
    return [...this.seen].map(([rule, { count, line }]) => ({ rule, message: MESSAGES[rule](count, limits), line }));
  }
}

export function defuse(text: string, limits: Partial<DefuseLimits> = {}): Defused {
  const l: DefuseLimits = { ...DEFAULT_DEFUSE_LIMITS, ...limits };
  const report = new Report();
  const blocks = new BlockPass(l, report).run(text.split('\n'));
  const result = inlinePass(blocks, l, report).join('\n');
  if (result === text) return { text, warnings: report.warnings(l), origin: null };
  return { text: result, warnings: report.warnings(l), origin: blocks.map((line) => line.source) };
}

// ---------------------------------------------------------------------------------------------
// Block pass: container nesting, list depth, fenced code, long paragraphs, unclosed HTML blocks.

/** One output line and what the block pass learnt about it. */
interface Line {
  text: string;
  /** Input line (0-based) it came from, for warnings. */
  source: number;
  /** Inside fenced code (fence lines included): never touched by the inline pass. */
  code: boolean;
  /** Where the inline content starts (after quote/list markers and indentation). */
  contentStart: number;
  /** Number of `>` markers in front, to continue a quote on an inserted line. */
  quotes: number;
  /** Blank (only container markers and whitespace). */
  blank: boolean;
  /** Starts a block of its own (list item, heading): inline constructs do not reach across it. */
  starts?: boolean;
}

interface Marker { kind: 'quote' | 'list'; start: number; end: number }

interface ListLevel {
  /** Content column in the input and in the output (they differ once deep items were moved). */
  orig: number;
  now: number;
  /** Output column of the item's marker. */
  marker: number;
}

const FENCE = /^(`{3,}|~{3,})/;
/** HTML block starts whose end condition is a terminator, not a blank line (CommonMark types 1–5). */
const HTML_BLOCK_OPEN: [RegExp, string][] = [
  [/^<(script|pre|style|textarea)(?=[\s>]|$)/i, '</$1>'],
  [/^<!--/, '-->'],
  [/^<\?/, '?>'],
  [/^<![A-Za-z]/, '>'],
  [/^<!\[CDATA\[/, ']]>'],
];

class BlockPass {
  private readonly out: Line[] = [];
  /** Open list items by quote depth (lists inside quotes nest on their own). */
  private readonly lists = new Map<number, ListLevel[]>();
  /** The stack of the current line's quote depth. */
  private list: ListLevel[] = [];
  private fence: { close: RegExp; quotes: number; indent: number } | null = null;
  private runCost = 0;
  /** Lines of the current run so far. */
  private runLines = 0;
  /** What starts a line of the current run's paragraph after a blank line: quote markers, indentation. */
  private runPrefix = '';
  private runQuotes = 0;
  /** Set when the run is a paragraph whose lines may be joined. */
  private runJoin: { joined: boolean; cost: number; tail?: string } | null = null;
  /** Set when the run is a table: its body rows so far, and whether rows are being made text. */
  private table: { quotes: number; rows: number; text: boolean } | null = null;
  /** Inside an HTML block that runs to a terminator (`<pre>`, `<!--`, ...): its lines are raw text. */
  private rawHtml: { end: RegExp; quotes: number; column: number } | null = null;
  private openHtml: { terminator: RegExp; text: string; column: number; lastLine: number } | null = null;

  constructor(private readonly limits: DefuseLimits, private readonly report: Report) {}

  run(lines: string[]): Line[] {
    // Front matter is YAML or TOML, not Markdown: passed through as it is.
    let from = 0;
    const fm = /^(---|\+\+\+)[ \t]*$/.exec(lines[0] ?? '');
    if (fm) {
      const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === fm[1]);
      if (close > 0) from = close + 1;
    }
    for (let i = 0; i < from; i++) this.push({ text: lines[i]!, source: i, code: true, contentStart: lines[i]!.length, quotes: 0, blank: false });
    for (let i = from; i < lines.length; i++) this.line(lines[i]!, i);
    this.closeHtml();
    return this.out;
  }

  private line(raw: string, index: number): void {
    if (this.fence) return this.fenceLine(raw, index);
    let text = raw;
    let markers = containerMarkers(text);
    const quotes = markers.filter((m) => m.kind === 'quote').length;

    if (markers.length > this.limits.maxLineDepth) {
      const keep = markers[this.limits.maxLineDepth - 1]!;
      const drop = markers.at(-1)!;
      text = text.slice(0, keep.end) + text.slice(drop.end);
      markers = markers.slice(0, this.limits.maxLineDepth);
      this.report.add('defuse-nesting', index);
    }

    const contentFrom = markers.at(-1)?.end ?? 0;
    const rest = text.slice(contentFrom);
    const blank = rest.trim() === '';
    if (blank) {
      this.runCost = 0;
      this.endRun();
      this.push({ text, source: index, code: false, contentStart: text.length, quotes, blank });
      return;
    }

    // List nesting is tracked after the line's quote markers, when they all come first.
    const quoteEnd = markers[quotes - 1]?.end ?? 0;
    this.list = this.stackFor(quotes);
    if (markers.slice(0, quotes).every((m) => m.kind === 'quote')) {
      const remainder = text.slice(quoteEnd);
      const rewritten = this.listLine(remainder, containerMarkers(remainder), index);
      if (rewritten !== remainder) text = text.slice(0, quoteEnd) + rewritten;
    }
    const lineMarkers = containerMarkers(text);
    const contentStart = contentStartOf(text, lineMarkers);
    const content = text.slice(contentStart);

    if (quotes === 0) this.trackHtml(text, contentStart, content);
    const inHtml = this.rawHtmlLine(content, quotes, text.slice(quoteEnd), lineMarkers.some((m) => m.kind === 'list'));

    // A paragraph-like run that is too long gets a blank line (inside the same quotes), but never
    // inside what may be indented code, where a blank line would become part of the code, nor in a
    // table (whose rows past maxTableRows become text instead). Past maxParagraphLines, the lines
    // of a plain paragraph are joined.
    const cost = 1 + constructCount(content);
    // A list item or a heading starts a new paragraph of its own.
    const starts = lineMarkers.some((m) => m.kind === 'list') || content.startsWith('#');
    if (starts) {
      this.runCost = 0;
      this.endRun();
    }
    // A line in other quotes starts a block of its own (or is a lazy line: not joined either).
    if (this.runLines > 0 && quotes !== this.runQuotes) this.endRun();
    if (this.runLines === 0) {
      const plain = markers.slice(0, quotes).every((m) => m.kind === 'quote') && !inHtml;
      this.startRun(text.slice(quoteEnd), quotes, lineMarkers.some((m) => m.kind === 'list'), content, plain);
    }
    if (this.table) {
      if (++this.table.rows > this.limits.maxTableRows && this.tableRowAsText(quotes, content, index)) return;
    } else if (this.runLines > 0 && content.includes('|') && TABLE_DELIMITER.test(text) && this.out.at(-1)?.text.includes('|')) {
      // A delimiter row under a row with a pipe: a table starts (it may interrupt a paragraph).
      this.table = { quotes, rows: 0, text: false };
      this.runJoin = null;
    }
    if (this.runLines >= this.limits.maxParagraphLines && !inHtml && !this.table && this.join(quotes, lineMarkers, content, index)) return;
    this.runLines++;
    if (this.runCost > 0 && this.runCost + cost > this.limits.maxParagraphCost && !this.table && !inHtml && !this.mayBeIndentedCode(text.slice(quoteEnd))) {
      this.push({ text: '>'.repeat(quotes), source: index, code: false, contentStart: quotes, quotes, blank: true });
      this.report.add('defuse-long-paragraph', index);
      this.runCost = 0;
    }
    this.runCost += cost;

    const fence = this.mayBeIndentedCode(text.slice(quoteEnd)) ? null : FENCE.exec(content);
    if (fence && !(fence[1]!.startsWith('`') && content.slice(fence[0].length).includes('`'))) {
      const close = new RegExp(`^\\${fence[1]![0]}{${fence[1]!.length},}[ \\t]*$`);
      this.fence = { close, quotes, indent: contentStart };
      this.runCost = 0;
      this.endRun();
      this.push({ text, source: index, code: true, contentStart, quotes, blank: false });
      return;
    }
    if (!inHtml && (cost > this.limits.maxParagraphCost || text.length > this.limits.maxLineLength)) {
      const pieces = splitLine(text, contentStart, this.limits);
      if (pieces.length > 1) {
        this.report.add('defuse-long-line', index);
        this.push({ text: pieces[0]!, source: index, code: false, contentStart, quotes, blank: false, starts });
        // Each piece is a paragraph in the line's containers (its list item, if any).
        for (const piece of pieces.slice(1)) this.newParagraph(piece, quotes, index);
        this.runCost = constructCount(pieces.at(-1)!);
        return;
      }
    }
    this.push({ text, source: index, code: false, contentStart, quotes, blank: false, starts });
    // A heading or a thematic break is a block of one line: the next line starts a paragraph.
    if (content.startsWith('#') || ONE_LINE_BLOCK.test(content)) this.endRun();
  }

  private endRun(): void {
    this.runLines = 0;
    this.runJoin = null;
    this.table = null;
  }

  /**
   * At the first line of a run: its lines may be joined when it is a plain paragraph (not indented
   * code, an HTML block, a table, link definitions, nor containers in an unusual order). A
   * paragraph that must be split keeps the indentation of its list item, if it is in one.
   */
  private startRun(rest: string, quotes: number, item: boolean, content: string, plain: boolean): void {
    this.runPrefix = (quotes ? `${'>'.repeat(quotes)} ` : '') + ' '.repeat(this.itemColumn(rest, item));
    this.runQuotes = quotes;
    const paragraph = plain && !this.mayBeIndentedCode(rest) && !/^[<|]/.test(content) && !DEFINITION_START.test(content)
      && !ONE_LINE_BLOCK.test(content) && !content.startsWith('#') && !this.openHtml;
    if (paragraph) this.runJoin = { joined: false, cost: 0 };
  }

  /**
   * The content column of the list item a line is in (`rest`: the line after its quote markers;
   * `item`: it starts an item itself), or 0.
   */
  private itemColumn(rest: string, item: boolean): number {
    const top = this.list.at(-1);
    return top && (item || indentWidth(rest) >= top.now) ? top.now : 0;
  }

  /** A new paragraph at this line, in the run's containers (after a blank line). */
  private newParagraph(text: string, quotes: number, index: number): void {
    const prefix = this.runPrefix;
    this.push({ text: prefix.trimEnd(), source: index, code: false, contentStart: prefix.length, quotes, blank: true });
    this.push({ text: prefix + text, source: index, code: false, contentStart: prefix.length, quotes, blank: false });
  }

  /**
   * A body row past the limit of a table's rows: the table ends before the first such row, and the
   * rows from there on are text, joined with spaces into paragraphs (a paragraph of one line never
   * reads as a table). GFM's tables cost far more per row than text. Returns false when the line
   * is not a row of the same table (then the text paragraph is closed first).
   */
  private tableRowAsText(quotes: number, content: string, index: number): boolean {
    const table = this.table!;
    const last = this.out.at(-1)!;
    if (quotes !== table.quotes) {
      if (table.text) this.push({ text: '', source: index, code: false, contentStart: 0, quotes: 0, blank: true });
      this.endRun();
      return false;
    }
    if (!table.text || last.text.length + 1 + content.length > this.limits.maxLineLength) {
      if (!table.text) this.report.add('defuse-long-table', index);
      table.text = true;
      this.newParagraph(content, quotes, index);
    } else {
      last.text = `${last.text} ${content}`;
    }
    return true;
  }

  /**
   * A line past the limit of a paragraph's lines: its content is appended to the line before, with
   * a space, unless it could start a block of its own or the line before ends in a hard break.
   * When the joined line grows too long, a blank line starts a new paragraph at this line, in the
   * same containers. Returns false when the line is to be kept as it is.
   */
  private join(quotes: number, markers: Marker[], content: string, index: number): boolean {
    const run = this.runJoin;
    const last = this.out.at(-1);
    if (!run || !last || last.blank || last.code) return false;
    // The joined line is only ever appended to (it stays a cheap rope): its end is looked up in
    // what was appended last.
    if (quotes !== this.runQuotes || markers.some((m) => m.kind === 'list') || mayStartBlock(content)
      || endsInHardBreak(run.tail ?? last.text) || content.includes('|')) {
      run.tail = undefined;
      return false;
    }
    const cost = constructCount(content);
    const piece = endsInHardBreak(content) ? content : trimEndSpace(content);
    if (last.text.length + 1 + piece.length > this.limits.maxLineLength || run.cost + cost > this.limits.maxParagraphCost) {
      // Too long: a new paragraph starts at this line, if it would read as one.
      if (!BARE_PARAGRAPH_START.test(content) || DEFINITION_START.test(content)) {
        run.tail = undefined;
        return false;
      }
      this.newParagraph(piece, quotes, index);
      run.cost = cost;
      this.runCost = 1 + cost;
    } else {
      if (run.tail === undefined) last.text = trimEndSpace(last.text);
      last.text = `${last.text} ${piece}`;
      run.cost += cost;
      this.runCost += cost;
    }
    run.tail = piece;
    if (!run.joined) {
      run.joined = true;
      this.report.add('defuse-paragraph-lines', index);
    }
    return true;
  }

  /** Whether the line is inside (or opens) an HTML block that ends with a terminator. */
  private rawHtmlLine(content: string, quotes: number, rest: string, item: boolean): boolean {
    const raw = this.rawHtml;
    // The block ends with its terminator, or with its container (a quote, a list item).
    if (raw && (quotes < raw.quotes || (raw.column > 0 && indentWidth(rest) < raw.column))) this.rawHtml = null;
    else if (raw) {
      if (raw.end.test(content)) this.rawHtml = null;
      return true;
    }
    if (content[0] !== '<') return false;
    for (const [start, terminator] of HTML_BLOCK_OPEN) {
      const match = start.exec(content);
      if (!match) continue;
      const end = new RegExp(escapeRegExp(terminator.replace('$1', match[1] ?? '')), 'i');
      if (!end.test(content.slice(match[0].length))) this.rawHtml = { end, quotes, column: this.itemColumn(rest, item) };
      return true;
    }
    return false;
  }

  private push(line: Line): void {
    this.out.push(line);
  }

  /** Inside fenced code: only the closing fence (in the same containers) matters. */
  private fenceLine(raw: string, index: number): void {
    const fence = this.fence!;
    this.list = this.stackFor(fence.quotes);
    let text = raw;
    const shift = this.list.length ? this.list.at(-1)!.orig - this.list.at(-1)!.now : 0;
    if (shift > 0 && fence.quotes === 0) {
      const spaces = /^ */.exec(text)![0].length;
      text = text.slice(Math.min(shift, spaces));
    }
    // Only the fence's own quote markers: a code line may itself start with `>`.
    const markers = leadingQuotes(text, fence.quotes);
    const quotesHere = markers.length;
    const after = text.slice(markers.at(-1)?.end ?? 0);
    const indent = /^[ \t]*/.exec(after)![0].length;
    const ended = quotesHere < fence.quotes
      || (fence.quotes === 0 && after.trim() !== '' && indent < Math.min(fence.indent, this.list.at(-1)?.orig ?? 0));
    if (ended) {
      this.fence = null;
      this.line(raw, index);
      return;
    }
    const close = fence.close.test(after.trimStart());
    this.push({ text, source: index, code: true, contentStart: text.length, quotes: fence.quotes, blank: false });
    if (close) this.fence = null;
  }

  private stackFor(quotes: number): ListLevel[] {
    let stack = this.lists.get(quotes);
    if (!stack) this.lists.set(quotes, (stack = []));
    return stack;
  }

  /**
   * Keep track of list items opened by indentation (`text` is the line after its quote markers;
   * positions are columns, tabs to multiples of 4). Items deeper than the limit become siblings of
   * the deepest allowed item; lines that belong to a moved item move left with it.
   */
  private listLine(text: string, markers: Marker[], index: number): string {
    const indent = indentWidth(text);
    while (this.list.length && this.list.at(-1)!.orig > indent) this.list.pop();
    const top = this.list.at(-1);
    const shift = top ? top.orig - top.now : 0;
    const lists = markers.filter((m) => m.kind === 'list');
    if (lists.length === 0 || (top && indent >= top.orig + 4)) {
      return shift > 0 ? ' '.repeat(Math.max(0, indent - shift)) + text.trimStart() : text;
    }
    const first = lists[0]!;
    const firstColumn = columnOf(text, first.start);
    if (this.list.length >= this.limits.maxListDepth) {
      // Too deep: this item becomes a sibling of the deepest allowed one.
      const sibling = this.list.pop()!;
      const delta = sibling.marker - firstColumn;
      for (const marker of lists) this.pushLevel(text, marker, delta);
      this.list.splice(this.limits.maxListDepth);
      this.report.add('defuse-list-depth', index);
      return ' '.repeat(sibling.marker) + text.slice(first.start);
    }
    const delta = -Math.min(shift, indent);
    for (const marker of lists) {
      if (this.list.length >= this.limits.maxListDepth) break;
      this.pushLevel(text, marker, delta);
    }
    return delta !== 0 ? ' '.repeat(indent + delta) + text.trimStart() : text;
  }

  private pushLevel(text: string, marker: Marker, delta: number): void {
    const column = columnOf(text, contentColumn(text, marker));
    this.list.push({ orig: column, now: column + delta, marker: columnOf(text, marker.start) + delta });
  }

  private mayBeIndentedCode(text: string): boolean {
    return indentWidth(text) >= (this.list.at(-1)?.orig ?? 0) + 4;
  }

  /**
   * An HTML block of types 1–5 inside a list item runs to the end of the item when its terminator
   * never comes, and each parse+stringify then adds a blank line to it. Close it on its last line.
   */
  private trackHtml(text: string, contentStart: number, content: string): void {
    const column = indentWidth(text);
    const open = this.openHtml;
    if (open) {
      if (column < open.column) {
        this.closeHtml();
      } else {
        open.lastLine = this.out.length;
        if (open.terminator.test(text)) this.openHtml = null;
        return;
      }
    }
    const item = this.list.at(-1);
    if (!item || contentStart < item.orig || content[0] !== '<') return;
    for (const [start, terminator] of HTML_BLOCK_OPEN) {
      const match = start.exec(content);
      if (!match) continue;
      const end = terminator.replace('$1', match[1] ?? '');
      const pattern = new RegExp(escapeRegExp(end), 'i');
      if (pattern.test(content.slice(match[0].length))) return;
      this.openHtml = { terminator: pattern, text: end, column: item.orig, lastLine: this.out.length };
      return;
    }
  }

  private closeHtml(): void {
    const open = this.openHtml;
    if (!open) return;
    this.openHtml = null;
    const line = this.out[open.lastLine];
    if (!line) return;
    line.text = `${line.text} ${open.text}`;
    this.report.add('defuse-unclosed-html', line.source);
  }
}

/** A thematic break or a setext heading's underline: a block of one line. */
const ONE_LINE_BLOCK = /^(?:([-*_])(?:[ \t]*\1){2,}|=+)[ \t]*$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
/** A line ending in a hard line break (two spaces or a backslash). */
function endsInHardBreak(text: string): boolean {
  const end = text.charCodeAt(text.length - 1);
  return end === 0x5c || (end === 0x20 && text.charCodeAt(text.length - 2) === 0x20);
}

function trimEndSpace(text: string): string {
  const end = text.charCodeAt(text.length - 1);
  return end === 0x20 || end === 0x09 ? text.replace(/[ \t]+$/, '') : text;
}

/**
 * Content of a paragraph's continuation line that may end the paragraph or read differently at
 * the start of a line: an HTML block, a table row, a heading, a thematic break or setext
 * underline, a fence.
 */
function mayStartBlock(content: string): boolean {
  switch (content[0]) {
    case '<': case '|': case '#': return true;
    case '-': case '*': case '_': case '=': return ONE_LINE_BLOCK.test(content) || SETEXT_UNDERLINE.test(content);
    case '`': case '~': return FENCE.test(content);
    default: return false;
  }
}
/** Content that, after a blank line, starts a paragraph (and not a block of another kind). */
const BARE_PARAGRAPH_START = /^(?![#>|<]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|(?:([-*_])(?:[ \t]*\1){2,}|=+)[ \t]*$)\S/;
/** A link or footnote definition at the start of a paragraph. */
const DEFINITION_START = /^\[[^\]\n]{0,999}\]:/;

const TABLE_DELIMITER = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Characters that start an inline construct (or split micromark's data events). */
const CONSTRUCT_CHARS = new Set(['[', ']', '*', '_', '~', '`', '\\', '<', '&', '!']);

/** Constructs in a piece of text; an escape and the character it escapes count once. */
function constructCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 0x5c: i++; // `\`: the escaped character counts with it
      // falls through
      case 0x5b: case 0x5d: case 0x2a: case 0x5f: case 0x7e: case 0x60: case 0x3c: case 0x26: case 0x21:
        count++;
    }
  }
  return count;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Up to `max` leading `>` markers (each after optional whitespace). */
function leadingQuotes(text: string, max: number): Marker[] {
  const markers: Marker[] = [];
  let pos = 0;
  while (markers.length < max) {
    let start = pos;
    while (text[start] === ' ' || text[start] === '\t') start++;
    if (text[start] !== '>') break;
    let end = start + 1;
    if (text[end] === ' ' || text[end] === '\t') end++;
    markers.push({ kind: 'quote', start, end });
    pos = end;
  }
  return markers;
}

/** Column of `index` in `text`, tabs to the next multiple of 4. */
function columnOf(text: string, index: number): number {
  let column = 0;
  for (let i = 0; i < index && i < text.length; i++) column = text[i] === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}

/** Width of the leading whitespace, tabs to the next multiple of 4. */
function indentWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/**
 * The container markers at the start of a line: `>` and list bullets (`-`, `*`, `+`, `1.`, `1)`),
 * each after optional whitespace. Stops at a thematic break (`- - -` is not three lists).
 */
function containerMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  let pos = 0;
  let breakFrom: Map<string, number> | undefined;
  for (;;) {
    let start = pos;
    while (text[start] === ' ' || text[start] === '\t') start++;
    const ch = text[start];
    if (ch === '>') {
      let end = start + 1;
      if (text[end] === ' ' || text[end] === '\t') end++;
      markers.push({ kind: 'quote', start, end });
      pos = end;
      continue;
    }
    let end = -1;
    if (ch === '-' || ch === '*' || ch === '+') end = start + 1;
    else if (ch !== undefined && ch >= '0' && ch <= '9') {
      let i = start;
      while (i < text.length && i - start < 10 && text[i]! >= '0' && text[i]! <= '9') i++;
      if (i - start <= 9 && (text[i] === '.' || text[i] === ')')) end = i + 1;
    }
    if (end === -1) return markers;
    const after = text[end];
    if (after !== undefined && after !== ' ' && after !== '\t') return markers;
    if (ch === '-' || ch === '*') {
      breakFrom ??= thematicBreakStarts(text);
      if ((breakFrom.get(ch) ?? Infinity) <= start) return markers;
    }
    if (after !== undefined) end++;
    markers.push({ kind: 'list', start, end });
    pos = end;
  }
}

/**
 * For `-` and `*`: the first index from which the rest of the line is a thematic break of that
 * character (only it and spaces, at least three times). One backward scan, so that a line of
 * thousands of markers stays linear.
 */
function thematicBreakStarts(text: string): Map<string, number> {
  const starts = new Map<string, number>();
  for (const ch of ['-', '*']) {
    let count = 0;
    let from = Infinity;
    for (let i = text.length - 1; i >= 0; i--) {
      const c = text[i];
      if (c === ch) {
        count++;
        if (count >= 3) from = i;
      } else if (c !== ' ' && c !== '\t') break;
    }
    starts.set(ch, from);
  }
  return starts;
}

/** Column where a list item's content starts: after the marker and up to 4 spaces. */
function contentColumn(text: string, marker: Marker): number {
  let end = marker.end;
  let spaces = 0;
  while (text[end + spaces] === ' ' && spaces < 4) spaces++;
  if (spaces < 4 && text[end + spaces] !== undefined) end += spaces;
  return end;
}

function contentStartOf(text: string, markers: Marker[]): number {
  let start = markers.at(-1)?.end ?? 0;
  while (text[start] === ' ' || text[start] === '\t') start++;
  return start;
}

// ---------------------------------------------------------------------------------------------
// Inline pass: brackets, emphasis, e-mail literals, per paragraph-like run of lines.

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>()[\]]*/iy;
const TAG = /<\/?[A-Za-z][^<>\n]{0,1000}>|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]{0,2000}>/y;
/** The domain part of GFM's e-mail literal, and a domain label CommonMark's autolink accepts. */
const EMAIL_DOMAIN = /[\w-]+(?:\.[\w-]+)+/y;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const DESTINATION_END = new Set([')', ' ', '\t', '<', '[', ']']);

/** Text to insert before a character: a backslash escape, or a space. */
interface Escape { line: number; pos: number; insert?: string }

function inlinePass(lines: Line[], limits: DefuseLimits, report: Report): string[] {
  const escapes: Escape[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    if (line && !line.code && !line.blank && !(line.starts && i > start)) continue;
    if (i > start) new InlineScan(lines, start, i, limits, report, escapes).run();
    start = line?.starts && !line.code && !line.blank ? i : i + 1;
  }
  const out = lines.map((line) => line.text);
  if (escapes.length === 0) return out;
  const byLine = new Map<number, Escape[]>();
  for (const escape of escapes) {
    const list = byLine.get(escape.line);
    if (list) list.push(escape);
    else byLine.set(escape.line, [escape]);
  }
  for (const [index, edits] of byLine) {
    edits.sort((a, b) => a.pos - b.pos);
    const text = out[index]!;
    let rebuilt = '';
    let from = 0;
    let last = -1;
    for (const { pos, insert = '\\' } of edits) {
      if (pos === last) continue;
      last = pos;
      rebuilt += text.slice(from, pos) + insert;
      from = pos;
    }
    out[index] = rebuilt + text.slice(from);
  }
  return out;
}

/** Scans lines [from, to) of one paragraph-like run as one inline text. */
class InlineScan {
  private readonly brackets: { line: number; pos: number; offset: number }[] = [];
  private bracketBottom = 0;
  private readonly open = new Map<string, number>();
  private pending = 0;
  private danglingBrackets = 0;
  private danglingEmphasis = 0;
  private offset = 0;
  /** Backtick runs of the run, by length, for finding where a code span closes. */
  private readonly ticks = new Map<number, { line: number; pos: number }[]>();
  private readonly tickCursor = new Map<number, number>();

  constructor(
    private readonly lines: Line[], private readonly from: number, private readonly to: number,
    private readonly limits: DefuseLimits, private readonly report: Report, private readonly escapes: Escape[],
  ) {}

  run(): void {
    this.indexBackticks();
    let line = this.from;
    let pos = this.lines[line]!.contentStart;
    while (line < this.to) {
      const text = this.lines[line]!.text;
      if (pos >= text.length) {
        this.offset += 1;
        line++;
        if (line < this.to) pos = this.lines[line]!.contentStart;
        continue;
      }
      const next = this.step(line, pos, text);
      if (typeof next === 'number') {
        this.offset += next - pos;
        pos = next;
      } else {
        // Code span closing on a later line.
        for (let l = line; l < next.line; l++) this.offset += this.lines[l]!.text.length + 1;
        line = next.line;
        pos = next.pos;
      }
      this.dropStaleBracket();
    }
  }

  /** Handles the construct at `pos`; returns where scanning continues. */
  private step(line: number, pos: number, text: string): number | { line: number; pos: number } {
    const ch = text[pos]!;
    switch (ch) {
      case '\\':
        if (!PUNCTUATION.test(text[pos + 1] ?? '')) return pos + 1;
        // An escape counts as the character it escapes, so that spans measure the same on text
        // this pass escaped and on the same text read again.
        this.offset -= 1;
        return pos + 2;
      case '`': {
        let end = pos;
        while (text[end] === '`') end++;
        const close = this.closingTicks(end - pos, line, end);
        if (!close) return end;
        return close.line === line ? close.pos : close;
      }
      case '<': {
        TAG.lastIndex = pos;
        return TAG.test(text) ? TAG.lastIndex : pos + 1;
      }
      case 'h': case 'H': case 'w': case 'W': {
        if (pos > 0 && !WHITESPACE.test(text[pos - 1]!) && !'(*_~'.includes(text[pos - 1]!)) return pos + 1;
        BARE_URL.lastIndex = pos;
        return BARE_URL.test(text) ? BARE_URL.lastIndex : pos + 1;
      }
      case '!':
        return text[pos + 1] === '[' ? this.openBracket(line, pos + 1) : pos + 1;
      case '[':
        return this.openBracket(line, pos);
      case ']':
        if (this.brackets.length > this.bracketBottom) this.brackets.pop();
        else if (++this.danglingBrackets > this.limits.maxDangling) {
          this.escape(line, pos);
          this.report.add('defuse-brackets', this.lines[line]!.source);
        }
        return text[pos + 1] === '(' ? this.destination(pos + 2, text) : pos + 1;
      case '*': case '_': case '~':
        return this.emphasis(line, pos, text);
      case '@':
        return this.email(line, pos, text);
      default:
        return pos + 1;
    }
  }

  /**
   * Skip a link destination (a URL, maybe a long data URI): nothing in it is inline Markdown, and
   * for micromark it is a handful of events, so it does not count towards a bracket's span.
   */
  private destination(from: number, text: string): number {
    let end = from;
    while (end < text.length && !DESTINATION_END.has(text[end]!)) end++;
    this.offset -= end - from;
    return end;
  }

  private openBracket(line: number, pos: number): number {
    if (this.brackets.length - this.bracketBottom >= this.limits.maxBracketDepth) {
      this.escape(line, pos);
      this.report.add('defuse-brackets', this.lines[line]!.source);
    } else {
      this.brackets.push({ line, pos, offset: this.offset });
    }
    return pos + 1;
  }

  /** The oldest open `[` that has stayed open too long is escaped (it is the expensive one). */
  private dropStaleBracket(): void {
    const oldest = this.brackets[this.bracketBottom];
    if (!oldest || this.offset - oldest.offset <= this.limits.maxBracketSpan) return;
    this.bracketBottom++;
    this.escape(oldest.line, oldest.pos);
    this.report.add('defuse-unclosed-bracket', this.lines[oldest.line]!.source);
    if (this.bracketBottom > 1024 && this.bracketBottom * 2 > this.brackets.length) {
      this.brackets.splice(0, this.bracketBottom);
      this.bracketBottom = 0;
    }
  }

  /**
   * A run of one delimiter character. Opening runs add to the count of open delimiters, closing
   * runs of the same character take from it; openers past the limit are escaped.
   */
  private emphasis(line: number, pos: number, text: string): number {
    const ch = text[pos]!;
    let end = pos;
    while (text[end] === ch) end++;
    const length = end - pos;
    const before = pos > this.lines[line]!.contentStart ? text[pos - 1]! : ' ';
    const after = end < text.length ? text[end]! : ' ';
    const beforeSpace = WHITESPACE.test(before);
    const afterSpace = WHITESPACE.test(after);
    const beforePunct = PUNCTUATION.test(before);
    const afterPunct = PUNCTUATION.test(after);
    const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
    const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
    const canOpen = ch === '_' ? left && (!right || beforePunct) : left;
    const canClose = ch === '_' ? right && (!left || afterPunct) : right;

    let remaining = length;
    const open = this.open.get(ch) ?? 0;
    if (canClose && open > 0) {
      const matched = Math.min(open, remaining);
      this.open.set(ch, open - matched);
      this.pending -= matched;
      remaining -= matched;
    } else if (canClose && ++this.danglingEmphasis > this.limits.maxDangling) {
      for (let i = pos; i < end; i++) this.escape(line, i);
      this.report.add('defuse-emphasis', this.lines[line]!.source, length);
      return end;
    }
    if (canOpen && remaining > 0) {
      const room = Math.max(0, this.limits.maxOpenEmphasis - this.pending);
      const kept = Math.min(room, remaining);
      const excess = remaining - kept;
      for (let i = 0; i < excess; i++) this.escape(line, pos + i);
      if (excess > 0) this.report.add('defuse-emphasis', this.lines[line]!.source, excess);
      this.pending += kept;
      this.open.set(ch, (this.open.get(ch) ?? 0) + kept);
    }
    return end;
  }

  /**
   * GFM turns `x@y._z` into an e-mail link (it matches the text, so escapes do not help);
   * remark-stringify writes it as `<x@y._z>`, which CommonMark does not read as a link because a
   * domain label may not contain `_` or start/end with `-`: each round trip adds another `<>`.
   * A space before the first such label leaves a domain GFM will not link, or one that round-trips.
   */
  private email(line: number, pos: number, text: string): number {
    const before = text[pos - 1];
    if (before === undefined || !/[\w+.-]/.test(before)) return pos + 1;
    EMAIL_DOMAIN.lastIndex = pos + 1;
    const match = EMAIL_DOMAIN.exec(text);
    if (!match || /[\d_-]$/.test(match[0])) return pos + 1;
    let at = pos + 1;
    for (const label of match[0].split('.')) {
      if (!DOMAIN_LABEL.test(label)) {
        this.escapes.push({ line, pos: at, insert: ' ' });
        this.report.add('defuse-email-literal', this.lines[line]!.source);
        break;
      }
      at += label.length + 1;
    }
    return EMAIL_DOMAIN.lastIndex;
  }

  private escape(line: number, pos: number): void {
    this.escapes.push({ line, pos });
  }

  private indexBackticks(): void {
    for (let line = this.from; line < this.to; line++) {
      const text = this.lines[line]!.text;
      for (let pos = text.indexOf('`', this.lines[line]!.contentStart); pos !== -1;) {
        let end = pos;
        while (text[end] === '`') end++;
        const runs = this.ticks.get(end - pos);
        if (runs) runs.push({ line, pos: end });
        else this.ticks.set(end - pos, [{ line, pos: end }]);
        pos = text.indexOf('`', end);
      }
    }
  }

  /** The end of the next backtick run of `length` after (line, pos), or null if there is none. */
  private closingTicks(length: number, line: number, pos: number): { line: number; pos: number } | null {
    const runs = this.ticks.get(length);
    if (!runs) return null;
    let cursor = this.tickCursor.get(length) ?? 0;
    while (cursor < runs.length && (runs[cursor]!.line < line || (runs[cursor]!.line === line && runs[cursor]!.pos <= pos))) cursor++;
    this.tickCursor.set(length, cursor);
    return runs[cursor] ?? null;
  }
}

// ---------------------------------------------------------------------------------------------
// Long or dense lines.

/**
 * Split a line that is too long or too dense into paragraphs, at a space before a paragraph start
 * (the space is dropped): each piece is a paragraph again. A line with no such space is left whole
 * when it is merely long (one long URL or data URI: a break could ruin it). When it is dense, as
 * runs of brackets, images or emphasis with no space are, it is cut before a construct character
 * outside links, and a piece that could start a block there (`*`, `~`,
 * `` ` ``, `<`, a link definition) gets a backslash in front, which keeps the character as text:
 * micromark's cost per paragraph grows with the square of its constructs. Table rows are left
 * alone. Returns the pieces; the first keeps the line's container markers.
 */
function splitLine(text: string, contentStart: number, limits: DefuseLimits): string[] {
  if (text[contentStart] === '|') return [text];
  const pieces: string[] = [];
  let start = 0;
  let cost = 0;
  let spaced = -1;
  let dense = -1;
  // Open parentheses and brackets: a cut never falls in a link, unless brackets are nested so deep
  // that the inline pass escapes them anyway.
  let parens = 0;
  let brackets = 0;
  for (let pos = contentStart + 1; pos < text.length; pos++) {
    const ch = text[pos]!;
    const escaped = text[pos - 1] === '\\';
    if (CONSTRUCT_CHARS.has(ch) && !escaped) cost++;
    if (text[pos - 1] === ' ' && startsParagraph(text, pos)) spaced = pos;
    else if (!escaped && parens === 0 && (brackets === 0 || brackets > limits.maxBracketDepth) && DENSE_CUT.has(ch)) dense = pos;
    if (!escaped) {
      if (ch === '(') parens++;
      else if (ch === ')' && parens > 0) parens--;
      else if (ch === '[') brackets++;
      else if (ch === ']' && brackets > 0) brackets--;
    }
    // A dense cut comes at half the limit, so that the pieces stay under it after a round trip
    // (which may add escapes) instead of being cut again on every pass.
    if (cost >= limits.maxParagraphCost >> 1 && spaced <= start && dense > start) {
      pieces.push(text.slice(start, dense));
      start = dense;
    } else if (cost < limits.maxParagraphCost && pos - start < limits.maxLineLength) {
      continue;
    } else if (spaced > start) {
      pieces.push(text.slice(start, spaced - 1));
      start = spaced;
    } else {
      continue;
    }
    cost = constructCount(text.slice(start, pos + 1));
  }
  pieces.push(text.slice(start));
  if (pieces.length === 1) return pieces;
  // A piece cut before a construct character keeps it as text when it could start a block; the
  // first piece, cut inside a run of `*` or `=`, could now read as a thematic break or underline.
  const first = pieces[0]!;
  if (ONE_LINE_BLOCK.test(first.slice(contentStart))) pieces[0] = `${first.slice(0, contentStart)}\\${first.slice(contentStart)}`;
  return pieces.map((piece, i) => (i > 0 && !startsParagraph(piece, 0) && !SAFE_DENSE_START.has(piece[0]!) ? `\\${piece}` : piece));
}


/** Where a dense line without spaces may be cut (`_` and `&` are left out: they fill long URLs). */
const DENSE_CUT = new Set(['[', ']', '*', '~', '`', '\\', '<', '!']);
/** Construct characters that start a paragraph and nothing else at the start of a line. */
const SAFE_DENSE_START = new Set(['\\', '!', ']']);

/**
 * Characters that cannot start any block other than a paragraph: a letter, an opening quote or
 * parenthesis, `*`/`_` before a letter, and a link or image (`[`, `![`) unless it reads as a link
 * reference definition (`[label]:`).
 */
function startsParagraph(text: string, pos: number): boolean {
  const ch = text[pos]!;
  if (ch === '*' || ch === '_') return LETTER.test(text[pos + 1] ?? '');
  if (ch === '[' || (ch === '!' && text[pos + 1] === '[')) {
    DEFINITION.lastIndex = pos;
    return !DEFINITION.test(text);
  }
  return LETTER.test(ch) || ch === '(' || ch === '"' || ch === '\u201C';
}

const DEFINITION = /\[[^\]\n]{0,999}\]:/y;

const LETTER = /\p{L}/u;
