import type { Rule } from './types.js';
import { perDocument } from './per-document.js';

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
 * A merged copy: one long block whose words all stand, in the same order, in several other blocks
 * of the page. Pages carry a second, flattened rendering of the article (a hidden text version, a
 * print or reader copy, a summary box stitched from its paragraphs); the converter runs it into one
 * paragraph. The structured copy is the article; the merged one only doubles it. `repeated` does
 * not see it, because no single block has the same words.
 */
const MERGED_MIN_WORDS = 60;
/** Word 4-grams, as the copy's sentences are split over paragraphs, headings and list items. */
const GRAM = 4;
/** Share of the block's 4-grams found elsewhere: a block that merely quotes the article stays. */
const MERGED_COVERED = 0.8;
/** Distinct blocks its words come from: one block repeated is the `repeated` rule's case. */
const MERGED_SOURCES = 3;

/** The block's runs of GRAM words, from its key (lower-cased words). */
function blockGrams(key: string): string[] {
  const ws = key.split(' ');
  const out: string[] = [];
  for (let i = 0; i + GRAM <= ws.length; i++) out.push(ws.slice(i, i + GRAM).join(' '));
  return out;
}

/** Which blocks each 4-gram occurs in. */
const gramIndex = perDocument(({ blocks }) => {
  const grams = new Map<string, number[]>();
  for (const b of blocks) {
    if (b.type === 'code' || b.words < GRAM) continue;
    for (const g of blockGrams(b.key)) {
      const where = grams.get(g);
      if (!where) grams.set(g, [b.index]);
      else if (where[where.length - 1] !== b.index) where.push(b.index);
    }
  }
  return grams;
});

export const mergedCopy: Rule = {
  id: 'merged-copy',
  description: 'A long block that repeats the text of several other blocks run together (a flattened second copy)',
  category: 'repeated',
  test(block, ctx) {
    // Which copy is the article is only known once the main content is: see below.
    if (!ctx.mainKnown || block.words < MERGED_MIN_WORDS || block.type !== 'paragraph') return undefined;
    const grams = gramIndex(ctx);
    const own = blockGrams(block.key);
    const sources = new Set<number>();
    let covered = 0;
    // Only copies inside the main content count: when the structured blocks lie outside it (a
    // list of teasers, say) the merged block is the article as this page gives it, and stays.
    const { start, end } = ctx.main;
    for (const g of own) {
      const other = grams.get(g)?.find((i) => i !== block.index && i >= start && i <= end);
      if (other === undefined) continue;
      covered++;
      sources.add(other);
    }
    const share = covered / own.length;
    if (share < MERGED_COVERED || sources.size < MERGED_SOURCES) return undefined;
    return { reason: `${Math.round(share * 100)}% of its words stand in ${sources.size} other blocks`, strength: 'strong' };
  },
  examples: {
    removed: [
      [
        '## Plan',
        'Start saving early and keep a record of what you spend each month, because small costs add up.',
        'Pay off the loans with the highest interest first, then the others one after another.',
        'Invest what is left in broad index funds and leave it there for many years to grow.',
        'Keep a reserve of six months of costs in cash for the bad years that will come.',
        'Plan Start saving early and keep a record of what you spend each month, because small costs add up. Pay off the loans with the highest interest first, then the others one after another. Invest what is left in broad index funds and leave it there for many years to grow. Keep a reserve of six months of costs in cash for the bad years that will come.',
      ].join('\n\n'),
    ],
    kept: [
      // A summary that quotes one line of the article but says the rest in its own words.
      [
        'Start saving early and keep a record of what you spend each month, because small costs add up.',
        'Pay off the loans with the highest interest first, then the others one after another.',
        'In short: start saving early and keep a record of what you spend each month, then think about the order of your debts, look at the rates each lender charges, and only after that choose where the rest of the money should go, which for most readers means a broad fund held for a long time rather than single shares.',
      ].join('\n\n'),
    ],
  },
};

/**
 * A template is the frame around each article. When most of a document's words recur across the
 * batch, the document is a copy of another (the same page scraped twice), not one with a frame.
 */
const MAX_TEMPLATE_SHARE = 0.5;

const templateShare = perDocument(({ blocks, siteTemplate }) => {
  let total = 0;
  let template = 0;
  for (const b of blocks) {
    total += b.words;
    if (siteTemplate.has(b.key)) template += b.words;
  }
  return total > 0 ? template / total : 0;
});

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
