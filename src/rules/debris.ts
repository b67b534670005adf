import type { Nodes } from 'mdast';
import type { Rule } from './types.js';

/** Blocks with no words: lone `*`, `***`, `|`, `·`, dashes, thematic breaks. */
export const separator: Rule = {
  id: 'separator',
  description: 'Separators and lone symbols left between sections ("\\*", "***", "---")',
  category: 'debris',
  test(block) {
    if (block.type === 'thematicBreak') return { reason: 'thematic break', strength: 'strong' };
    if ((block.type === 'paragraph' || block.type === 'heading') && block.words === 0 && block.images === 0) {
      const t = block.text.trim();
      return { reason: t ? `lone symbols "${t.slice(0, 10)}"` : 'empty block', strength: 'strong' };
    }
    return undefined;
  },
  examples: { removed: ['\\*', '* * *', '---', '|'], kept: ['Yes.'] },
};

function onlyLinksWithoutText(node: Nodes): boolean {
  let links = 0;
  let ok = true;
  const visit = (n: Nodes): void => {
    if (!ok) return;
    if (n.type === 'link') {
      links++;
      if (n.children.some((c) => c.type === 'image')) ok = false;
      return;
    }
    if (n.type === 'text' && n.value.trim() !== '') ok = false;
    if (n.type === 'image') ok = false;
    if ('children' in n) for (const c of n.children) visit(c as Nodes);
  };
  visit(node);
  return ok && links > 0;
}

/** Links whose text is empty (icon links) and nothing else. */
export const emptyLinks: Rule = {
  id: 'empty-links',
  description: 'Blocks made only of links without text (icon links)',
  category: 'debris',
  test(block) {
    if (block.type !== 'paragraph' && block.type !== 'list') return undefined;
    if (block.words > 0) return undefined;
    if (onlyLinksWithoutText(block.node)) return { reason: `${block.links} link(s) without text`, strength: 'strong' };
    return undefined;
  },
  examples: { removed: ['[](https://example.org/)', '- [](https://example.org/a)\n- [](https://example.org/b)'], kept: ['[Read the report](https://example.org/report)'] },
};

/** Link farms: blocks that are mostly link text, with several links. */
const FARM_MIN_LINKS = 3;
const FARM_MIN_DENSITY = 0.7;

export const linkFarm: Rule = {
  id: 'link-farm',
  description: 'Blocks that are mostly links (link density above 0.7 with 3+ links)',
  category: 'debris',
  test(block) {
    if (block.type !== 'paragraph' && block.type !== 'list' && block.type !== 'table' && block.type !== 'blockquote') return undefined;
    if (block.links >= FARM_MIN_LINKS && block.linkDensity >= FARM_MIN_DENSITY) {
      return { reason: `link density ${block.linkDensity.toFixed(2)} > ${FARM_MIN_DENSITY} (${block.links} links, ${block.words} words)`, strength: 'weak' };
    }
    return undefined;
  },
  examples: {
    removed: ['[One story](/a) [Another story](/b) [A third story](/c) [Fourth](/d)'],
    kept: ['The report, [published on Monday](/r), found that [most households](/h) spend more on energy than a year ago.'],
  },
};

/** A paragraph that is only an image (or images): dangling when it is outside the article. */
export const danglingImage: Rule = {
  id: 'dangling-image',
  description: 'Image-only blocks outside the main content',
  category: 'debris',
  test(block, ctx) {
    if (block.type !== 'paragraph' || block.words > 0 || block.images === 0) return undefined;
    if (block.index >= ctx.main.start && block.index <= ctx.main.end) return undefined;
    return { reason: `${block.images} image(s) outside the main content`, strength: 'strong' };
  },
  // Needs a main content run to be outside of; the fixtures exercise it in context.
  examples: { removed: [], kept: ['Some prose.\n\n![A chart](https://example.org/chart.png)'] },
};
