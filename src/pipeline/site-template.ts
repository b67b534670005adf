/**
 * Site templates: the blocks a site prints on every page (menus, footers, the same subscription
 * box or disclaimer). A batch's first pass collects each document's block keys; blocks whose key
 * recurs across many documents of one site are handed to `clean()` as `siteTemplate` and removed
 * by the `site-template` rule.
 */
import { unified } from 'unified';
import { remarkParseInPieces } from './parse.js';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { remarkWinnowRepair } from './repair.js';
import { collectBlocks } from './blocks.js';
import { prepareText } from './prepare.js';
import { isFrontMatter } from './state.js';

/** Blocks this short are common words ("Share", "Menu"), not a template's evidence. */
const MIN_KEY_WORDS = 3;

const reader = unified().use(remarkParseInPieces).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkWinnowRepair).freeze();

/**
 * The keys (`Block.key`) of a document's top-level blocks, read the way `clean()` reads them
 * (same text fix-ups, parser and repairs), so a key found here matches the block there. Each key
 * once per document: a count across documents must not be inflated by repeats inside one.
 */
export function blockKeys(markdown: string): string[] {
  const tree = reader.runSync(reader.parse(prepareText(markdown).body));
  const keys = new Set<string>();
  for (const b of collectBlocks(tree)) {
    if (!isFrontMatter(b.node) && b.key.split(' ').length >= MIN_KEY_WORDS) keys.add(b.key);
  }
  return [...keys];
}
