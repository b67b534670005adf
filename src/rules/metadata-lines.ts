import type { Rule } from './types.js';

/** Bylines, date lines and tag lines were read into the metadata; in the text they are chrome. */
export const metadataLines: Rule = {
  id: 'metadata-lines',
  description: 'Byline, date line and tag lines (kept in the metadata instead)',
  category: 'metadata',
  test(block, ctx) {
    const role = ctx.lines.get(block.node);
    if (!role || role === 'title' || role === 'description') return undefined;
    return { reason: `${role} read into metadata`, strength: 'strong' };
  },
  examples: { removed: [], kept: ['The meeting took place on June 1, 2018, in Moscow, and lasted four hours.'] },
};
