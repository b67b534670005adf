import type { Rule } from './types.js';

/** Shorter repeats are ordinary phrases ("Yes.", "Photo"), not duplicated blocks. */
const MIN_WORDS = 4;
/** Repeats shorter than this are chrome (labels, teasers) wherever they are. */
const STRONG_BELOW_WORDS = 15;

export const repeated: Rule = {
  id: 'repeated',
  description: 'Blocks repeated within the document (the later copies)',
  category: 'repeated',
  test(block, ctx) {
    if (block.words < MIN_WORDS || block.type === 'code' || block.type === 'table') return undefined;
    if ((ctx.keyCounts.get(block.key) ?? 0) < 2) return undefined;
    const first = ctx.blocks.find((b) => b.key === block.key);
    if (!first || first.index === block.index) return undefined;
    // Inside the article a repeat may be real (a recipe in two meal plans): only weak evidence there.
    const inMain = (i: number): boolean => i >= ctx.main.start && i <= ctx.main.end;
    return { reason: `repeats block at line ${first.line ?? '?'}`, strength: inMain(block.index) && inMain(first.index) && block.words >= STRONG_BELOW_WORDS ? 'weak' : 'strong' };
  },
  examples: {
    removed: ['Jane Doe is a reporter covering energy and climate.\n\nShe wrote this article.\n\nJane Doe is a reporter covering energy and climate.'],
    kept: ['Jane Doe is a reporter covering energy and climate.'],
  },
};

export const siteTemplate: Rule = {
  id: 'site-template',
  description: 'Blocks that recur across many documents of the same site in this batch',
  category: 'repeated',
  test(block, ctx) {
    if (block.words === 0 || !ctx.siteTemplate.has(block.key)) return undefined;
    return { reason: 'recurs across documents of the same site', strength: 'strong' };
  },
  examples: { removed: [], kept: ['A paragraph that is unique to this article.'] },
};
