import type { Rule, RuleContext } from './types.js';
import type { Block } from '../pipeline/blocks.js';

/**
 * Teaser lists: runs of "headline, then a line or two of summary" repeated several times. Once
 * links are gone (html2text), related-article and front-page teasers look like prose; their
 * rhythm gives them away: an article section holds several paragraphs under a heading, a teaser
 * one or two short ones.
 */
const MIN_TEASERS = 3;
/** Words under one teaser heading (summary plus date/author lines). */
const TEASER_MAX_WORDS = 70;
const TEASER_MAX_BLOCKS = 3;

interface Run { start: number; end: number; count: number }

/** Runs of consecutive teaser-shaped sections, found once per document. */
const runsCache = new WeakMap<readonly Block[], Run[]>();

function teaserRuns(blocks: readonly Block[]): Run[] {
  const cached = runsCache.get(blocks);
  if (cached) return cached;
  const runs: Run[] = [];
  // The run being built: its first block, one past its last, and how many teasers it holds.
  let start = -1;
  let end = -1;
  let count = 0;
  const close = (): void => {
    if (count >= MIN_TEASERS) runs.push({ start, end, count });
    count = 0;
  };
  let i = 0;
  while (i < blocks.length) {
    const h = blocks[i]!;
    if (h.type !== 'heading') {
      close();
      i++;
      continue;
    }
    let j = i + 1;
    let words = 0;
    while (j < blocks.length && blocks[j]!.type !== 'heading' && j - i <= TEASER_MAX_BLOCKS + 1) {
      words += blocks[j]!.words;
      j++;
    }
    const closed = j >= blocks.length || blocks[j]!.type === 'heading';
    // A teaser is a headline with a summary: a heading with nothing under it is not one.
    if (closed && j - i - 1 <= TEASER_MAX_BLOCKS && words > 0 && words <= TEASER_MAX_WORDS && h.words >= 3) {
      if (count === 0) start = i;
      end = j;
      count++;
    } else {
      close();
    }
    i = j;
  }
  close();
  runsCache.set(blocks, runs);
  return runs;
}

function afterArticleStart(block: Block, ctx: RuleContext): boolean {
  return block.index > ctx.main.start;
}

export const teasers: Rule = {
  id: 'teasers',
  description: 'Runs of headline-plus-summary teasers (related or front-page article lists)',
  category: 'related',
  test(block, ctx) {
    const run = teaserRuns(ctx.blocks).find((r) => block.index >= r.start && block.index < r.end);
    if (!run || !afterArticleStart(block, ctx) && run.start <= ctx.main.start) return undefined;
    return { reason: `${run.count} headline-and-summary teasers in a row (blocks ${run.start}-${run.end - 1})`, strength: 'weak' };
  },
  examples: {
    removed: [
      '## One headline here\n\nA short summary of one story.\n\n## Another headline here\n\nA summary of another story.\n\n## A third headline here\n\nAnd a third summary.',
    ],
    kept: [
      '## Background to the case\n\nThe case began in 2015, when the first complaint was filed by a group of tenants who said their landlord had ignored repeated requests for repairs over several winters, leaving families without heating for weeks at a time.\n\nThe city inspected the building twice and found dozens of violations.\n\nThe landlord disputed every one of them in court.\n\nA judge eventually sided with the tenants.',
    ],
  },
};
