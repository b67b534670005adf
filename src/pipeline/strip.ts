/**
 * remarkWinnowStrip: the only stage that removes. It measures the blocks, asks `decide` and
 * records every removal (rule, reason, line, text) in `file.data.winnow.removed`.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Category, Removal } from '../types.js';
import { collectBlocks } from './blocks.js';
import { decide } from './decide.js';
import { state } from './state.js';

export interface StripOptions {
  disable?: readonly string[];
  keep?: readonly Category[];
  drop?: readonly Category[];
  siteTemplate?: ReadonlySet<string>;
}

/** Below this share of the input's words, the result is implausible: fall back to a gentler pass. */
const MIN_KEPT_SHARE = 0.05;
/** ... unless the input is tiny anyway. */
const MIN_INPUT_WORDS = 150;

export const remarkWinnowStrip: Plugin<[StripOptions?], Root> = (options = {}) => {
  const disabled = new Set(options.disable ?? []);
  const keep = new Set(options.keep ?? []);
  const drop = new Set(options.drop ?? []);
  const siteTemplate = options.siteTemplate ?? new Set<string>();
  return (tree, file) => {
    const s = state(file);
    const blocks = collectBlocks(tree);
    const input = { blocks, metadata: s.metadata, lines: s.lines, disabled, keep, drop, siteTemplate, gentle: false };
    const first = decide(input);
    let { decisions } = first;
    const totalWords = blocks.reduce((n, b) => n + b.words, 0);
    const keptWords = blocks.reduce((n, b, i) => n + (decisions[i] ? 0 : b.words), 0);
    const { main } = first.classification;
    // A page of some size with no run of article prose, or one where almost nothing would be
    // left, is an index or a listing: say so rather than pass it off as an article.
    if (totalWords >= MIN_INPUT_WORDS && (main.end < main.start || keptWords < totalWords * MIN_KEPT_SHARE)) s.kind = 'listing';
    // Implausibly little left: of a real page, or anything at all of a short text.
    if ((totalWords >= MIN_INPUT_WORDS && keptWords < totalWords * MIN_KEPT_SHARE) || (keptWords === 0 && totalWords > 0)) {
      decisions = decide({ ...input, gentle: true }).decisions;
      s.warnings.push({
        rule: 'over-pruning-guard',
        message: `only ${keptWords} of ${totalWords} words would survive; used the gentler pass (phrase rules only)`,
      });
    }
    const removed: Removal[] = [];
    tree.children = tree.children.filter((_node, i) => {
      const d = decisions[i];
      if (!d) return true;
      const b = blocks[i]!;
      removed.push({ rule: d.rule, reason: d.reason, line: b.line === null ? null : s.inputLine(b.line), text: b.text.trim() });
      return false;
    });
    s.removed.push(...removed);
  };
};
