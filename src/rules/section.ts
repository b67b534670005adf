/**
 * Section helpers: a heading such as "Related articles" or "Comments" introduces blocks that
 * belong to it until the next heading of the same or a higher level.
 */
import type { Block } from '../pipeline/blocks.js';

/** Most blocks a boilerplate section may swallow: a safety bound, not a tuning knob. */
const MAX_SECTION_BLOCKS = 60;

/** Index one past the last block of the section that `headingIndex` opens. */
export function sectionAfter(blocks: readonly Block[], headingIndex: number): number {
  const heading = blocks[headingIndex];
  const depth = heading?.depth || 6;
  let i = headingIndex + 1;
  for (; i < blocks.length && i - headingIndex <= MAX_SECTION_BLOCKS; i++) {
    const b = blocks[i]!;
    if (b.type === 'heading' && b.depth <= depth) break;
    // Long running prose is not part of a boilerplate section.
    if (b.type === 'paragraph' && b.words >= 40 && b.linkDensity < 0.2 && b.sentences >= 2) break;
  }
  return i;
}
