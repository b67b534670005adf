/**
 * Scraper dialects that need help before Markdown parsing.
 *
 * Some converters print one block per line with no blank lines between them (every `<p>` a
 * line). Markdown reads that as one giant paragraph, or as lazy continuations of the last list
 * item, so the whole page would become a single block. When a document has (almost) no blank
 * lines, we put a blank line between lines that each stand as a block — never inside a code
 * fence, an open link bracket, a list or a table.
 */

/** Fewer blank lines than this per non-blank line means "one block per line". */
const MAX_BLANK_RATIO = 0.05;
/** Short documents carry too little evidence: at least this many lines, some of them prose. */
const MIN_LINES = 6;
const MIN_PROSE_LINES = 2;
const PROSE_LINE_WORDS = 15;

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^\s*([*+-]|\d{1,9}[.)])\s/;
const TABLE_ROW = /^\s*\|/;
const INDENTED = /^( {2,}|\t)\S/;

export function isLinePerBlock(text: string): boolean {
  let blank = 0;
  let nonBlank = 0;
  let prose = 0;
  // Leading and trailing blank lines say nothing about how blocks are separated.
  for (const line of text.trim().split('\n')) {
    if (line.trim() === '') blank++;
    else {
      nonBlank++;
      if (line.split(/\s+/).length >= PROSE_LINE_WORDS) prose++;
    }
  }
  return nonBlank >= MIN_LINES && prose >= MIN_PROSE_LINES && blank / nonBlank < MAX_BLANK_RATIO;
}

/** Net count of unclosed `[` on a line (escaped brackets ignored). */
function bracketDelta(line: string): number {
  let d = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '[') d++;
    else if (c === ']') d--;
  }
  return d;
}

export interface Separated {
  text: string;
  /** For each line of `text` (0-based), the 0-based line of the input it came from; null if unchanged. */
  origin: number[] | null;
}

/** Separate the blocks of a one-block-per-line document with blank lines. */
export function separateLineBlocks(text: string): Separated {
  if (!isLinePerBlock(text)) return { text, origin: null };
  const lines = text.split('\n');
  const out: string[] = [];
  const origin: number[] = [];
  let fence: string | null = null;
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    origin.push(i);
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1]!;
      continue;
    }
    depth = Math.max(0, depth + bracketDelta(line));
    const next = lines[i + 1];
    if (next === undefined || next.trim() === '' || line.trim() === '') continue;
    if (depth > 0) continue; // inside a link whose text spans lines
    if (/( {2}|\\)$/.test(line)) continue; // a hard line break is meant
    if (LIST_ITEM.test(line) && (LIST_ITEM.test(next) || INDENTED.test(next))) continue;
    if (INDENTED.test(next) && (LIST_ITEM.test(line) || INDENTED.test(line))) continue;
    if (TABLE_ROW.test(line) && TABLE_ROW.test(next)) continue;
    out.push('');
    origin.push(i);
  }
  return { text: out.join('\n'), origin };
}
