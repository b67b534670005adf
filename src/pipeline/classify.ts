/**
 * The statistical block classifier: the jusText and boilerpipe ideas on mdast blocks.
 *
 * 1. Each block gets a class from its own measures (length, link density, stopword density,
 *    sentence punctuation): good prose, near-good, short, or bad.
 * 2. Short and near-good blocks take the class of their neighbours: a short paragraph between
 *    two good ones is article text, the same paragraph among menus is not.
 * 3. The main content is the contiguous run of blocks with the highest score (good text counts
 *    for, boilerplate against): the maximum-sum segment, so one advert or link in the middle of
 *    the article does not cut it in two, while the menus above and the footer below fall away.
 */
import type { Block } from './blocks.js';
import { isFrontMatter } from './state.js';
import { startsWithDay } from '../metadata/dates.js';

export type BlockClass = 'good' | 'neargood' | 'short' | 'bad' | 'neutral';

export interface Classification {
  cls: BlockClass[];
  /** Class from the block's own measures, before its neighbours were considered. */
  initial: BlockClass[];
  /** Score that fed the main-content search, per block. */
  score: number[];
  main: { start: number; end: number };
  /** Why each block got its class, for --explain. */
  why: string[];
}

/** Thresholds, named here so they are tuned in one place. */
export const T = {
  /** Link density above which a block is link chrome. */
  maxLinkDensity: 0.33,
  /** ... except in prose that cites links sentence by sentence, up to this density. */
  citingMaxLinkDensity: 0.5,
  /** Words below which a block is "short" (cannot be judged alone). */
  shortWords: 8,
  /** Words from which a block ending like a sentence can be judged good prose. */
  sentenceWords: 12,
  /** Words from which any block can be judged good prose. */
  longWords: 25,
  /**
   * Stopword share of running prose, relative to the document's own prose level (languages and
   * stopword lists differ: English prose reaches 0.4 with our list, Russian 0.2).
   */
  stopwordsLow: 0.45,
  stopwordsHigh: 0.62,
  /** Absolute ceilings, so a document of lists cannot raise its own bar too high. */
  stopwordsLowMax: 0.18,
  stopwordsHighMax: 0.26,
  /** Below this prose level the language has no stopword list here: stopwords say nothing. */
  minProseLevel: 0.08,
  /** What a short block (a label, a time stamp, a one-line teaser) costs the main content. */
  shortPenalty: -5,
  /** A list of fewer words per item (at any depth) is a menu or a tag list ... */
  menuWordsPerItem: 4,
  /** ... unless at least one item in this many reads as a sentence. */
  menuSentenceShare: 4,
  /** Mean words per list entry below which a list of non-sentences is a list of headlines. */
  headlineWordsPerItem: 16,
  /** Cap on how much one bad block counts against the main content. */
  badCap: 40,
  /** Lines from which link-free lines that start with a day are a schedule ... */
  scheduleLines: 3,
  /** ... when at least this share of them do. */
  scheduleShare: 0.8,
};

/**
 * Link-free lines that mostly start with a day ("June 9 – Tampa, FL @ Amphitheatre"): a tour's
 * dates, a timeline. Data like a table's, short of stopwords like chrome: judged by its neighbours.
 */
function schedule(b: Block): boolean {
  if (b.links > 0 || (b.type !== 'paragraph' && b.type !== 'list')) return false;
  const lines = b.text.split('\n').filter((l) => l.trim());
  return lines.length >= T.scheduleLines && lines.filter(startsWithDay).length >= lines.length * T.scheduleShare;
}

/** A one-line, link-free paragraph that starts with a day: a schedule's line printed as a block of its own. */
function dayLine(b: Block): boolean {
  return b.type === 'paragraph' && b.links === 0 && !b.text.includes('\n') && startsWithDay(b.text);
}

/** Indices of blocks in a schedule: one block of such lines, or a run of day lines (one per block). */
function schedules(blocks: readonly Block[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const flush = (): void => {
    if (run.length >= T.scheduleLines) for (const i of run) out.add(i);
    run = [];
  };
  for (const b of blocks) {
    if (schedule(b)) out.add(b.index);
    if (dayLine(b)) run.push(b.index);
    else flush();
  }
  flush();
  return out;
}

/** How many of the longest sentence-like paragraphs set the document's prose level. */
const LEVEL_SAMPLE = 5;

/**
 * The document's own stopword level: the median over its longest sentence-like paragraphs. The
 * longest paragraphs are the article's, so the level is the same whether or not the page's chrome
 * is still there (which keeps cleaning a cleaned text from moving the bar).
 */
export function proseLevel(blocks: readonly Block[]): number {
  const longest = blocks
    .filter((b) => b.type === 'paragraph' && b.words >= T.sentenceWords && b.linkDensity < T.maxLinkDensity && b.endsWithPunct)
    .sort((a, b) => b.words - a.words || a.index - b.index)
    .slice(0, LEVEL_SAMPLE)
    .map((b) => b.stopwordDensity)
    .sort((a, b) => a - b);
  if (longest.length === 0) return 0.4;
  return longest[Math.floor(longest.length / 2)]!;
}

interface Bar { low: number; high: number }

function stopwordBar(level: number): Bar {
  if (level < T.minProseLevel) return { low: 0, high: 0 };
  return {
    low: Math.min(T.stopwordsLowMax, level * T.stopwordsLow),
    high: Math.min(T.stopwordsHighMax, level * T.stopwordsHigh),
  };
}

/** A sentence or more of prose, well above the stopword bar, with less link text than plain text. */
function citingProse(b: Block, bar: Bar): boolean {
  return b.type === 'paragraph' && b.linkDensity < T.citingMaxLinkDensity && b.endsWithPunct && b.sentences >= 1 &&
    b.words >= T.longWords && b.stopwordDensity >= bar.high;
}

function initialClass(b: Block, boilerplate: boolean, bar: Bar, inSchedule: boolean): { cls: BlockClass; why: string } {
  if (boilerplate) return { cls: 'bad', why: 'rule verdict' };
  if (isFrontMatter(b)) return { cls: 'neutral', why: 'front matter' };
  switch (b.type) {
    case 'heading':
      // A heading that is a link is a teaser for another page.
      return b.linkDensity > 0.5 ? { cls: 'bad', why: 'linked heading' } : { cls: 'neutral', why: 'heading' };
    case 'thematicBreak':
    case 'definition':
      return { cls: 'neutral', why: b.type };
    case 'code':
      return { cls: 'neargood', why: 'code block' };
    case 'table':
      return b.linkDensity > T.maxLinkDensity ? { cls: 'bad', why: 'link table' } : { cls: 'neargood', why: 'table' };
    default:
  }
  if (b.pipeRows) return b.linkDensity > T.maxLinkDensity ? { cls: 'bad', why: 'link table' } : { cls: 'neargood', why: 'pipe table rows' };
  if (b.words === 0) return { cls: b.images > 0 ? 'neutral' : 'short', why: b.images > 0 ? 'image' : 'no words' };
  if (b.linkDensity > T.maxLinkDensity && b.links > 0) {
    // Prose that cites its sources sentence by sentence is the article's, if its neighbours are.
    if (citingProse(b, bar)) return { cls: 'neargood', why: `prose with links (link density ${b.linkDensity.toFixed(2)})` };
    return { cls: 'bad', why: `link density ${b.linkDensity.toFixed(2)}` };
  }
  // Lists of a few words per item without sentences are menus or tag lists, link-free or not;
  // sub-menus count as items, and a stray "?" in a menu entry does not make it prose.
  if (b.type === 'list' && b.entries >= 3 && b.wordsPerEntry < T.menuWordsPerItem && b.sentences * T.menuSentenceShare < b.entries) {
    return { cls: 'bad', why: `list of ${b.entries} items, ${b.wordsPerEntry.toFixed(1)} words/item` };
  }
  // A schedule's lines are short and short of stopwords; they are data, like a table's rows.
  if (inSchedule) return { cls: 'neargood', why: `schedule: lines starting with a day (${b.words} words)` };
  if (b.words < T.shortWords) return { cls: 'short', why: `${b.words} words` };
  const sw = `stopwords ${b.stopwordDensity.toFixed(2)} (bar ${bar.high.toFixed(2)})`;
  const long = b.words >= T.longWords || (b.words >= T.sentenceWords && (b.endsWithPunct || b.sentences >= 1));
  if (b.stopwordDensity >= bar.high && long) return { cls: 'good', why: `prose: ${b.words} words, ${sw}` };
  if (b.stopwordDensity >= bar.low) return { cls: 'neargood', why: sw };
  // Stopwords say nothing about text in a script our lists do not cover (an Arabic quotation in
  // an Indonesian article, a Greek paragraph): judge it by its neighbours instead.
  if (!stopwordScript(b.text)) return { cls: 'neargood', why: `script without a stopword list (${sw})` };
  // "The tour dates:": a link-free line that introduces what follows is the article's, however few
  // stopwords it has; it goes with its neighbours, like a schedule's line.
  if (b.type === 'paragraph' && b.links === 0 && LEAD_IN.test(b.text)) return { cls: 'neargood', why: `a lead-in ending with a colon (${sw})` };
  return { cls: 'bad', why: `few ${sw}` };
}

const LEAD_IN = /[\p{L}\p{N})"”’*_]\s*[:：][*_\s]*$/u;

/** Scripts the stopword lists are written in (Latin and Cyrillic). */
const LISTED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}]/gu;
const LETTER = /\p{L}/gu;

/** Whether most of the text's letters are in a script the stopword lists cover. */
function stopwordScript(text: string): boolean {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return true;
  return (text.match(LISTED_SCRIPT)?.length ?? 0) * 2 >= letters;
}

/** Nearest non-neutral, non-short/near-good class in one direction ('bad' at the document edge). */
function neighbour(cls: BlockClass[], i: number, step: 1 | -1, skipNeargood: boolean): BlockClass {
  for (let j = i + step; j >= 0 && j < cls.length; j += step) {
    const c = cls[j]!;
    if (c === 'neutral' || c === 'short') continue;
    if (c === 'neargood' && skipNeargood) continue;
    return c;
  }
  return 'bad';
}

/** jusText's context-sensitive pass: short and near-good blocks join their surroundings. */
function resolveContext(cls: BlockClass[]): BlockClass[] {
  const out = [...cls];
  // Near-good blocks next to good ones are good.
  for (let i = 0; i < cls.length; i++) {
    if (cls[i] !== 'neargood') continue;
    const prev = neighbour(cls, i, -1, true);
    const next = neighbour(cls, i, 1, true);
    out[i] = prev === 'good' || next === 'good' ? 'good' : 'bad';
  }
  // Short blocks between good ones are good; between bad ones bad; at a border, follow the near-good.
  const mid = [...out];
  for (let i = 0; i < mid.length; i++) {
    if (mid[i] !== 'short') continue;
    const prev = neighbour(mid, i, -1, false);
    const next = neighbour(mid, i, 1, false);
    out[i] = prev === 'good' && next === 'good' ? 'good' : prev === 'bad' && next === 'bad' ? 'bad' : 'neargood';
  }
  return out;
}

/**
 * What a block adds to (or takes from) the main content. Short blocks count against it whatever
 * their neighbours: an article is long paragraphs, a teaser list or a footer is many short lines.
 * Prose that does not end like a sentence (a cut teaser) counts for half.
 */
function blockScore(b: Block, c: BlockClass, initial: BlockClass): number {
  if (initial === 'short') return T.shortPenalty;
  switch (c) {
    case 'good':
      return b.endsWithPunct || b.type !== 'paragraph' ? b.words : b.words / 2;
    case 'neargood':
      return b.words * 0.25;
    case 'short':
      return T.shortPenalty;
    case 'bad':
      return -Math.min(Math.max(b.words, 3), T.badCap);
    default:
      return 0;
  }
}

/**
 * A list of headline-length entries that mostly do not end like sentences: other pages' headlines
 * (once links are gone, as in html2text, they read like prose), or the article's own bullet
 * points. Like a teaser run it is no evidence either way for the main content: it neither
 * stretches the article over itself nor, inside the article, counts against it.
 */
function headlineList(b: Block): boolean {
  return b.type === 'list' && b.entries >= 3 && b.wordsPerEntry < T.headlineWordsPerItem && b.sentenceEntries * 2 < b.entries;
}

/** Maximum-sum contiguous segment (Kadane); with no positive block, an empty segment (end < start). */
function bestSegment(score: number[]): { start: number; end: number } {
  let best = -Infinity;
  let bestStart = 0;
  let bestEnd = -1;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < score.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += score[i]!;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  return best > 0 ? { start: bestStart, end: bestEnd } : { start: 0, end: -1 };
}

/**
 * `boilerplate`: blocks the rules call chrome outright. `teaser`: blocks of headline-and-summary
 * runs (other articles' teasers): their prose reads like the article's, so it is not scored as
 * article evidence, which keeps a run of teasers from stretching the main content over it; it is
 * not scored against it either, so a list-style article mistaken for teasers loses nothing unless
 * real chrome surrounds it.
 */
export function classify(blocks: readonly Block[], boilerplate: ReadonlySet<number>, teaser: ReadonlySet<number> = new Set()): Classification {
  const bar = stopwordBar(proseLevel(blocks));
  const scheduled = schedules(blocks);
  const initial = blocks.map((b) => initialClass(b, boilerplate.has(b.index), bar, scheduled.has(b.index)));
  const cls = resolveContext(initial.map((x) => x.cls));
  const score = blocks.map((b, i) => {
    const s = blockScore(b, cls[i]!, initial[i]!.cls);
    return teaser.has(i) || headlineList(b) ? Math.min(s, 0) : s;
  });
  const main = bestSegment(score);
  return { cls, initial: initial.map((x) => x.cls), score, main, why: initial.map((x) => x.why) };
}
