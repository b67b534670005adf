/**
 * Shared shape of the phrase rules: a block that is short enough to be a notice, not prose, and
 * matches one of a family of phrases (several languages) is boilerplate.
 */
import type { Block } from '../pipeline/blocks.js';
import type { Rule, Verdict } from './types.js';

export interface PhraseMatch {
  phrase: string;
}

/** First pattern of the family that matches the text, with the matched words. */
export function matchPhrase(text: string, patterns: readonly RegExp[]): PhraseMatch | undefined {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return { phrase: m[0].trim().slice(0, 60) };
  }
  return undefined;
}

export interface PhraseTest {
  patterns: readonly RegExp[];
  /** Longer blocks are prose that merely mentions the phrase. */
  maxWords: number;
  /** Which kinds of block the rule looks at (default: paragraphs, headings, lists, quotes). */
  types?: readonly Block['type'][];
  strength?: Verdict['strength'];
}

const DEFAULT_TYPES: readonly Block['type'][] = ['paragraph', 'heading', 'list', 'blockquote', 'table'];

export function phraseVerdict(block: Block, t: PhraseTest): Verdict | undefined {
  if (!(t.types ?? DEFAULT_TYPES).includes(block.type)) return undefined;
  if (block.words === 0 || block.words > t.maxWords) return undefined;
  const m = matchPhrase(block.text, t.patterns);
  if (!m) return undefined;
  return { reason: `phrase "${m.phrase}" in a ${block.words}-word ${block.type}`, strength: t.strength ?? 'strong' };
}

/** A rule that is nothing but a phrase family and a length limit. */
export function phraseRule(def: Omit<Rule, 'test'> & PhraseTest): Rule {
  const { patterns, maxWords, types, strength, ...rule } = def;
  const test: PhraseTest = { patterns, maxWords, types, strength };
  return { ...rule, test: (block) => phraseVerdict(block, test) };
}
