import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { tidy } from './tidy.js';
import { placeTitle } from './title.js';
import { joinSplitParagraphs } from './repair.js';
import { state } from './state.js';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';

const autolinkTransforms = gfmAutolinkLiteralFromMarkdown().transforms ?? [];

/**
 * remarkWinnowTidy: removes what stripping left dangling, puts the title first, and joins a
 * sentence that a removed block (an advert, a separator, the title moved away) had cut in two.
 * In that order, so that the output is already what a second pass would make of it.
 */
export const remarkWinnowTidy: Plugin<[], Root> = () => (tree, file) => {
  tidy(tree);
  placeTitle(tree, state(file).metadata.title);
  joinSplitParagraphs(tree);
  // Text that GFM reads as a link (an e-mail address or URL left by an unwrapped placeholder
  // link, a title) is printed as the link the next reader would see, not as text that changes.
  for (const transform of autolinkTransforms) transform(tree);
};
