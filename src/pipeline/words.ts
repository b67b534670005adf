/**
 * Word-level text measures shared by the classifier and the rules.
 */
import * as stopwordLists from 'stopword';

/** A "word" as the quality metric counts it: a run of Unicode letters, digits, marks or underscores. */
const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/** Scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
/** Characters per word in those scripts, roughly (Chinese and Japanese words are 1-3 characters). */
const CHARS_PER_WORD = 2;

/**
 * Words as a reader would count them, for judging a block's length: like `countWords`, but a
 * run of Chinese, Japanese or Thai text counts as one word per two characters, not as one word.
 */
export function lengthInWords(text: string, wordCount = countWords(text)): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  if (unspaced === 0) return wordCount;
  return countWords(text.replace(UNSPACED, ' ')) + Math.ceil(unspaced / CHARS_PER_WORD);
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Stopwords of the languages scraped news is mostly written in. One merged set: a page's
 * language is not known for sure before cleaning, and the density measure only needs to tell
 * running prose (full of function words) from menus and labels (nearly none).
 *
 * Named one by one (not looked up by a computed key) so that a bundler keeps only these lists of
 * the package's 62: the CLI bundle then neither reads nor evaluates the others at start-up.
 */
function stopwordLanguages(): unknown[] {
  return [
    stopwordLists.eng, stopwordLists.deu, stopwordLists.fra, stopwordLists.spa, stopwordLists.ita,
    stopwordLists.por, stopwordLists.nld, stopwordLists.swe, stopwordLists.dan, stopwordLists.nob,
    stopwordLists.pol, stopwordLists.rus, stopwordLists.ces,
  ];
}

let stopwordSet: Set<string> | undefined;
function stopwords(): Set<string> {
  if (stopwordSet) return stopwordSet;
  const set = new Set<string>();
  for (const list of stopwordLanguages()) {
    if (Array.isArray(list)) for (const w of list) if (typeof w === 'string') set.add(w.toLowerCase());
  }
  stopwordSet = set;
  return set;
}

/** Share of the words that are stopwords (0 for empty text). */
export function stopwordDensity(text: string): number {
  return stopwordShare(words(text));
}

/** `stopwordDensity` of text already split into words. */
export function stopwordShare(ws: readonly string[]): number {
  if (ws.length === 0) return 0;
  const set = stopwords();
  let n = 0;
  for (const w of ws) if (set.has(w.toLowerCase())) n++;
  return n / ws.length;
}

/** Sentence-final punctuation, including closing quotes/brackets after it, in several scripts. */
export const TERMINAL_PUNCT = /[.!?…。！？:;]["'”’»)\]]*\s*$/u;

export function endsLikeSentence(text: string): boolean {
  return TERMINAL_PUNCT.test(text.trim());
}

/** Number of sentence ends inside the text (a rough count of sentences). */
export function sentenceCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}"”’)][.!?…。！？]+(?=["'”’»)]*(\s|$))/gu);
  return m ? m.length : 0;
}

/** Normalised form used to recognise the same block twice (case, spacing, punctuation ignored). */
export function blockKey(text: string): string {
  return keyOfWords(words(text));
}

/** `blockKey` of text already split into words. */
export function keyOfWords(ws: readonly string[]): string {
  return ws.join(' ').toLowerCase();
}
