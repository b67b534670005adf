import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { tidy } from './tidy.js';

/** remarkWinnowTidy: removes what stripping left dangling. */
export const remarkWinnowTidy: Plugin<[], Root> = () => (tree) => {
  tidy(tree);
};
