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

/** A time stamp in a machine's format ("2019-11-13T23:06:00+01:00"): page data, never written for a reader. */
const MACHINE_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** Keywords joined by commas without spaces ("retire early,early retirement,finance"): a page's meta keywords. */
const KEYWORD_PARTS = 4;
const KEYWORD_PART_WORDS = 5;

export const pageData: Rule = {
  id: 'page-data',
  description: 'Page data printed as text: machine time stamps and comma-joined keyword lists',
  category: 'debris',
  test(block) {
    if (block.type !== 'paragraph') return undefined;
    const text = block.text.trim();
    if (MACHINE_STAMP.test(text)) return { reason: 'a machine time stamp', strength: 'strong' };
    // Prose puts a space after its commas; a keyword field has none between at least four parts.
    if (/,\s/.test(text) || block.endsWithPunct) return undefined;
    const parts = text.split(',');
    const keyword = (p: string): boolean => /\p{L}/u.test(p) && p.trim().split(/\s+/).length <= KEYWORD_PART_WORDS;
    if (parts.length < KEYWORD_PARTS || !parts.every(keyword)) return undefined;
    return { reason: `${parts.length} keywords joined by commas without spaces`, strength: 'strong' };
  },
  examples: {
    removed: ['2019-11-13T23:06:00+01:00', 'How to retire early,Early retirement,Personal finance,Retirement'],
    kept: ['1,200,000,000', 'Apples, pears, plums, cherries', 'The index rose to 1,234.5 points.'],
  },
};
