/**
 * Section helpers: a heading such as "Related articles" or "Comments" introduces blocks that
 * belong to it until the next heading of the same or a higher level.
 */
import type { Block } from '../pipeline/blocks.js';

/** Most blocks a boilerplate section may swallow: a safety bound, not a tuning knob. */
const MAX_SECTION_BLOCKS = 60;

/** An excerpt cut off mid-text: "... a plan for …", "... [...]". */
const CUT_OFF = /(\u2026|\.\.\.|\[(\u2026|\.\.\.)\])\s*$/u;

/** Blocks a card may hold between its picture and its excerpt (a row of share links). */
const CARD_GAP = 1;

/** Whether a picture-only block stands just above block `i` (at most CARD_GAP blocks between). */
function underPicture(blocks: readonly Block[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 1 - CARD_GAP); j--) {
    const b = blocks[j]!;
    if (b.type === 'paragraph' && b.words === 0 && b.images > 0) return true;
  }
  return false;
}

function isCardExcerpt(blocks: readonly Block[], i: number): boolean {
  const { node, text } = blocks[i]!;
  const boldTitle = node.type === 'paragraph' && node.children.length > 1 && node.children[0]!.type === 'strong';
  return boldTitle || CUT_OFF.test(text) || underPicture(blocks, i);
}

/** Index one past the last block of the section that `headingIndex` opens. */
export function sectionAfter(blocks: readonly Block[], headingIndex: number): number {
  const heading = blocks[headingIndex];
  const depth = heading?.depth || 6;
  let i = headingIndex + 1;
  for (; i < blocks.length && i - headingIndex <= MAX_SECTION_BLOCKS; i++) {
    const b = blocks[i]!;
    if (b.type === 'heading' && b.depth <= depth) break;
    // Long running prose is not part of a boilerplate section, unless it is a card's excerpt:
    // under its picture (with maybe a row of share links between), cut off with an ellipsis, or
    // after the card's title in bold.
    if (b.type === 'paragraph' && b.words >= 40 && b.linkDensity < 0.2 && b.sentences >= 2 && !isCardExcerpt(blocks, i)) break;
  }
  return i;
}
