import type { Rule } from './types.js';
import { phraseVerdict } from './phrase.js';
import { sectionAfter } from './section.js';

/** Comment prompts, in several languages. */
const COMMENT_PROMPTS = [
  /\b(leave a (comment|reply)|post a comment|add (a|your) comment|comment on|join the (discussion|conversation)|\d+ comments?|comments? \(\d+\)|no comments( yet)?|be the first to comment|show comments|view comments|load comments|comment policy|(read|see) (all )?comments|comments are closed|commenting)\b/i,
  /\b(kommentare?|kommentieren|diskutieren sie mit|leserkommentare)\b/i,
  /\b(commentaires?|laisser un commentaire|réagissez|réagir)\b/i,
  /\b(comentarios?|deja (un|tu) comentario|comenta)\b/i,
];

/** Headings that open a comment section. */
const COMMENT_HEADINGS = /^\W*(\d+\s+)?(comments?|responses?|replies|reader comments|discussion|leave a (reply|comment)|kommentare|commentaires|comentarios|réactions)\b/i;

export const comments: Rule = {
  id: 'comments',
  description: 'Comment prompts and comment sections',
  category: 'comments',
  test(block, ctx) {
    if (block.type === 'heading' && COMMENT_HEADINGS.test(block.text) && block.index > ctx.main.start) {
      const end = sectionAfter(ctx.blocks, block.index);
      return { reason: `comment section heading "${block.text.slice(0, 40)}"`, strength: 'strong', sectionEnd: end };
    }
    return phraseVerdict(block, { patterns: COMMENT_PROMPTS, maxWords: 14 });
  },
  examples: {
    removed: ['Leave a comment', '12 Comments', 'Kommentare (3)', 'Laisser un commentaire', 'Deja un comentario'],
    kept: ['Critics of the plan have commented that it would do little for tenants, and the minister did not respond to requests for comment on Friday.'],
  },
};
