/**
 * A boilerplate rule is a small named unit: it looks at one block (and, read-only, its context)
 * and says why the block is boilerplate, or nothing.
 */
import type { RootContent } from 'mdast';
import type { Category, Metadata } from '../types.js';
import type { LineRole } from '../metadata/index.js';
import type { Block } from '../pipeline/blocks.js';

export interface Verdict {
  /** Human-readable evidence: the matched phrase, a measured value. */
  reason: string;
  /**
   * 'strong': the block goes wherever it is. 'weak': boilerplate evidence that only removes the
   * block when the statistical classifier does not see it as article prose.
   */
  strength: 'strong' | 'weak';
  /**
   * Also remove the blocks that follow, up to (not including) this index: for section headings
   * such as "Related articles" or "Comments" that introduce a whole section of boilerplate.
   */
  sectionEnd?: number;
}

export interface RuleContext {
  blocks: readonly Block[];
  metadata: Metadata;
  /** Blocks the metadata stage recognised as byline, date line, tag line... */
  lines: ReadonlyMap<RootContent, LineRole>;
  /** Index of the first and last block of the main content, as the classifier sees it. */
  main: { start: number; end: number };
  /**
   * False in the first look, when `main` is still the whole document and the rules' strong verdicts
   * are what the classifier's search starts from; true once the classifier has placed it.
   */
  mainKnown: boolean;
  /** How often each block key occurs in the document. */
  keyCounts: ReadonlyMap<string, number>;
  /** Keys of blocks recurring across a site's documents in this batch. */
  siteTemplate: ReadonlySet<string>;
}

export interface Rule {
  /** Stable kebab-case id, used by --disable and in every removal record. */
  id: string;
  /** One line, shown by --list-rules. */
  description: string;
  category: Category;
  test(block: Block, ctx: RuleContext): Verdict | undefined;
  /**
   * Markdown documents run as tests: the rule must flag the LAST block of each `removed`
   * example and must not flag the last block of each `kept` example.
   */
  examples: { removed: string[]; kept: string[] };
}
