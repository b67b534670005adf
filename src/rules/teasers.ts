import type { Rule, RuleContext } from './types.js';
import { plainText, type Block } from '../pipeline/blocks.js';
import type { Image, Link, Paragraph } from 'mdast';
import { blockKey, countWords } from '../pipeline/words.js';

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
/** Shorter headings are section labels ("Travel", "More"), not another story's headline. */
const MIN_HEADLINE_WORDS = 3;
/**
 * Mean heading length from which a run of short headed sections reads as other articles'
 * headlines (sentences: "Police arrest two men after a chase on the ring road") rather than the
 * article's own subheadings (labels: "Background", "A block plane"), which list-style articles
 * put over one short paragraph each.
 */
const HEADLINE_WORDS = 7;

export interface Run {
  start: number;
  end: number;
  count: number;
  /** Mean length of the run's headings in words. */
  headlineWords: number;
}

/** A link to a picture file (a gallery's larger version), not to another page. */
const PICTURE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#].*)?$/i;

/**
 * The length of the headline a block stands for, 0 when it is no headline: a heading, or a card's
 * picture (a paragraph that is only an image linking to another page), whose alt text is the other
 * story's headline once the converter has dropped the card's own title.
 */
function headlineWords(b: Block): number {
  if (b.type === 'heading') return b.words;
  if (b.type !== 'paragraph' || b.words > 0 || b.images !== 1 || b.links !== 1) return 0;
  const link = (b.node as Paragraph).children.find((c): c is Link => c.type === 'link');
  const image = link?.children.find((c): c is Image => c.type === 'image');
  // A picture linking to its own larger file belongs to a gallery, not to a card.
  if (!image?.alt || !link || PICTURE_FILE.test(link.url)) return 0;
  return countWords(image.alt);
}

/**
 * A teaser in one paragraph, as html2text prints a card: the headline in bold, the summary in
 * italics after it ("**Ford recalls 168,000 pickups** *A loose cable can stall the engine.*").
 * The headline's length in words, 0 when the block is not shaped so.
 */
function cardHeadlineWords(b: Block): number {
  if (b.type !== 'paragraph' || b.links > 0 || b.words > TEASER_MAX_WORDS) return 0;
  const parts = (b.node as Paragraph).children.filter((c) => c.type !== 'break' && !(c.type === 'text' && !c.value.trim()));
  if (parts.length !== 2 || parts[0]!.type !== 'strong' || parts[1]!.type !== 'emphasis') return 0;
  const headline = countWords(plainText(parts[0]!));
  return headline >= MIN_HEADLINE_WORDS && countWords(plainText(parts[1]!)) >= MIN_HEADLINE_WORDS ? headline : 0;
}

/** Runs of consecutive teaser-shaped sections, found once per document. */
const runsCache = new WeakMap<readonly Block[], Run[]>();

/**
 * `isTitle` tells the page's own headline: the section under it is the article's opening (a dek,
 * a byline, the first paragraph), not a teaser, however short it is.
 */
export function teaserRuns(blocks: readonly Block[], isTitle: (b: Block) => boolean = () => false): Run[] {
  const cached = runsCache.get(blocks);
  if (cached) return cached;
  const runs: Run[] = [];
  // The run being built: its first block, one past its last, and how many teasers it holds.
  let start = -1;
  let end = -1;
  let count = 0;
  let headingWords = 0;
  /** A section label just before the first card of a run that has not started yet. */
  let label: number | null = null;
  const close = (): void => {
    if (count >= MIN_TEASERS) runs.push({ start, end, count, headlineWords: headingWords / count });
    count = 0;
    headingWords = 0;
  };
  const card = blocks.map(cardHeadlineWords);
  // A picture straight under a heading is that teaser's own picture, not the next headline.
  const headline = blocks.map((b, k) =>
    card[k]! > 0 ? card[k]! : b.type !== 'heading' && blocks[k - 1]?.type === 'heading' ? 0 : headlineWords(b));
  let i = 0;
  while (i < blocks.length) {
    const h = blocks[i]!;
    if (card[i]! > 0) {
      // A whole teaser in one block.
      if (count === 0) start = label ?? i;
      label = null;
      end = i + 1;
      count++;
      headingWords += card[i]!;
      i++;
      continue;
    }
    if (h.type === 'heading' && headline[i]! < MIN_HEADLINE_WORDS && card[i + 1]! > 0) {
      // A section label over cards ("Travel", "Autos") belongs to the run; the card after it ends
      // the run past it, or starts the run from it.
      if (count === 0) label = i;
      i++;
      continue;
    }
    if (headline[i] === 0 || isTitle(h)) {
      close();
      i++;
      continue;
    }
    let j = i + 1;
    let words = 0;
    while (j < blocks.length && headline[j] === 0 && j - i <= TEASER_MAX_BLOCKS + 1) {
      words += blocks[j]!.words;
      j++;
    }
    const closed = j >= blocks.length || headline[j]! > 0;
    // A teaser is a headline with a summary: a heading with nothing under it is not one.
    if (closed && j - i - 1 <= TEASER_MAX_BLOCKS && words > 0 && words <= TEASER_MAX_WORDS && headline[i]! >= MIN_HEADLINE_WORDS) {
      if (count === 0) start = i;
      end = j;
      count++;
      headingWords += headline[i]!;
    } else {
      close();
    }
    i = j;
  }
  close();
  runsCache.set(blocks, runs);
  return runs;
}

/** The page's headline: the heading the metadata stage took the title from, or one equal to it. */
export function titleTest(ctx: Pick<RuleContext, 'metadata' | 'lines'>): (b: Block) => boolean {
  const key = ctx.metadata.title ? blockKey(ctx.metadata.title) : null;
  return (b) => ctx.lines.get(b.node) === 'title' || (key !== null && b.key === key);
}

/** Teaser runs whose headings read as headlines, not as the article's own subheadings. */
export function headlineRuns(blocks: readonly Block[], isTitle: (b: Block) => boolean = () => false): Run[] {
  return teaserRuns(blocks, isTitle).filter((r) => r.headlineWords >= HEADLINE_WORDS);
}

function afterArticleStart(block: Block, ctx: RuleContext): boolean {
  return block.index > ctx.main.start;
}

export const teasers: Rule = {
  id: 'teasers',
  description: 'Runs of headline-plus-summary teasers (related or front-page article lists)',
  category: 'related',
  test(block, ctx) {
    const run = headlineRuns(ctx.blocks, titleTest(ctx)).find((r) => block.index >= r.start && block.index < r.end);
    if (!run || !afterArticleStart(block, ctx) && run.start <= ctx.main.start) return undefined;
    return { reason: `${run.count} headline-and-summary teasers in a row (blocks ${run.start}-${run.end - 1})`, strength: 'weak' };
  },
  examples: {
    removed: [
      '## Ferry company adds a second winter crossing to the islands\n\nThe extra sailing runs on Fridays.\n\n## Volunteers count record numbers of seals on the sandbanks\n\nAlmost twice as many pups as last year.\n\n## Council puts plans for a new bus station out to consultation\n\nPeople have six weeks to comment.',
      // html2text's cards: the headline in bold and the summary in italics, in one paragraph, under section labels.
      '**Ferry company adds a second winter crossing** *The extra sailing runs on Fridays from December.*\n\n#### Travel\n\n**Volunteers count record numbers of seals** *Almost twice as many pups as last year.*\n\n#### Autos\n\n**Council puts plans for a new bus station out** *People have six weeks to comment on them.*',
      // Cards whose headline survives only as their picture's alt text.
      '[![Ferry company adds a second winter crossing to the islands](https://example.org/ferry.jpg)](https://example.org/news/ferry)\n\nISLANDS\n\nThe extra sailing runs on Fridays.\n\n[![Volunteers count record numbers of seals on the sandbanks](https://example.org/seals.jpg)](https://example.org/news/seals)\n\nWILDLIFE\n\nAlmost twice as many pups as last year.\n\n[![Council puts plans for a new bus station out to consultation](https://example.org/bus.jpg)](https://example.org/news/bus)\n\nTRANSPORT\n\nPeople have six weeks to comment.',
    ],
    kept: [
      '## Background to the case\n\nThe case began in 2015, when the first complaint was filed by a group of tenants who said their landlord had ignored repeated requests for repairs over several winters, leaving families without heating for weeks at a time.\n\nThe city inspected the building twice and found dozens of violations.\n\nThe landlord disputed every one of them in court.\n\nA judge eventually sided with the tenants.',
      // Short bold labels before italic text are the article's notes, not headlines.
      '**Step one:** *soak the beans overnight in cold water.*\n\n**Step two:** *boil them for ten minutes, then simmer.*\n\n**Step three:** *season only once they are soft.*',
      // A gallery: each picture links to its own larger file, and the text under it is its caption.
      '[![Crews clear the road above the village after the landslide](https://example.org/a.jpg)](https://example.org/a-large.jpg)\n\nThe road was closed for a week.\n\n[![Farmers lead their cattle down to the valley before the storm](https://example.org/b.jpg)](https://example.org/b-large.jpg)\n\nThree farms were cut off.\n\n[![The new bridge opens to traffic on a grey Monday morning](https://example.org/c.jpg)](https://example.org/c-large.jpg)\n\nIt replaces the one the flood took.',
      // A list-style article: short labels over one paragraph each are its own subheadings.
      '## A block plane\n\nIt trims end grain and eases doors that stick.\n\n## A combination square\n\nIt marks lines square to an edge.\n\n## A pull saw\n\nIt cuts on the stroke towards you.',
    ],
  },
};
