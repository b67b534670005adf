import type { Rule, RuleContext } from './types.js';

/** Shorter repeats are ordinary phrases ("Yes.", "Photo"), not duplicated blocks. */
const MIN_WORDS = 4;
/** A question: the block's last sentence asks it (bold or quoted maybe). */
const QUESTION = /[?？]["'”’»)*_]*\s*$/u;

export const repeated: Rule = {
  id: 'repeated',
  description: 'Blocks repeated within the document (the later copies)',
  category: 'repeated',
  test(block, ctx) {
    if (block.words < MIN_WORDS || block.type === 'code' || block.type === 'table') return undefined;
    if ((ctx.keyCounts.get(block.key) ?? 0) < 2) return undefined;
    const first = ctx.blocks.find((b) => b.key === block.key);
    if (!first || first.index === block.index) return undefined;
    // The same question put to each guest of an interview series is the article's own structure.
    if (QUESTION.test(block.text) && block.index >= ctx.main.start && block.index <= ctx.main.end) return undefined;
    // A repeat is strong evidence even inside the article: on real pages the second copy is a
    // teaser, a caption or a bio printed twice far more often than repeated prose. (Weak evidence
    // here keeps Readability's synthetic repeated-paragraph pages whole but costs real pages more.)
    return { reason: `repeats block at line ${first.line ?? '?'}`, strength: 'strong' };
  },
  examples: {
    removed: ['Jane Doe is a reporter covering energy and climate.\n\nShe wrote this article.\n\nJane Doe is a reporter covering energy and climate.'],
    kept: [
      'Jane Doe is a reporter covering energy and climate.',
      '**What do you cook at home?**\n\nMostly soups, and bread on Sundays.\n\n**What do you cook at home?**',
    ],
  },
};

/**
 * A template is the frame around each article. When most of a document's words recur across the
 * batch, the document is a copy of another (the same page scraped twice), not one with a frame.
 */
const MAX_TEMPLATE_SHARE = 0.5;
const templateShares = new WeakMap<RuleContext['blocks'], number>();

function templateShare(ctx: RuleContext): number {
  let share = templateShares.get(ctx.blocks);
  if (share === undefined) {
    let total = 0;
    let template = 0;
    for (const b of ctx.blocks) {
      total += b.words;
      if (ctx.siteTemplate.has(b.key)) template += b.words;
    }
    share = total > 0 ? template / total : 0;
    templateShares.set(ctx.blocks, share);
  }
  return share;
}

export const siteTemplate: Rule = {
  id: 'site-template',
  description: 'Blocks that recur across many documents of the same site in this batch',
  category: 'repeated',
  test(block, ctx) {
    if (block.words === 0 || !ctx.siteTemplate.has(block.key)) return undefined;
    if (templateShare(ctx) > MAX_TEMPLATE_SHARE) return undefined;
    return { reason: 'recurs across documents of the same site', strength: 'strong' };
  },
  examples: { removed: [], kept: ['A paragraph that is unique to this article.'] },
};
