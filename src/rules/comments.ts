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
const COMMENT_HEADINGS = /\b(comments?|responses|replies|discussion|leave a (reply|comment)|kommentare|leserkommentare|commentaires|comentarios|réactions)\b/i;
/** Headings longer than this are titles that mention comments, not section labels. */
const COMMENT_HEADING_MAX_WORDS = 6;

/** Time stamps of comments: "2 days ago", "3 hours ago at 08:51 am", "vor 2 Stunden", "il y a 3 jours", "hace 2 días". */
const STAMP = /^\W*(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|^\W*vor\s+\d+\s+(sekunden|minuten|stunden|tagen|wochen|monaten|jahren)\b|^\W*il y a\s+\d+\s+(secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)\b|^\W*hace\s+\d+\s+(segundos?|minutos?|horas?|días?|semanas?|meses|años?)\b/i;
/** A thread has several stamps; one stamp alone may be the article's own "updated 2 hours ago". */
const MIN_STAMPS = 3;
const STAMP_MAX_WORDS = 10;

function isStamp(text: string, words: number): boolean {
  return words <= STAMP_MAX_WORDS && STAMP.test(text);
}

export const comments: Rule = {
  id: 'comments',
  description: 'Comment prompts and comment sections',
  category: 'comments',
  test(block, ctx) {
    if (block.type === 'heading' && block.words <= COMMENT_HEADING_MAX_WORDS && COMMENT_HEADINGS.test(block.text) && block.index > ctx.main.start) {
      const end = sectionAfter(ctx.blocks, block.index);
      return { reason: `comment section heading "${block.text.slice(0, 40)}"`, strength: 'strong', sectionEnd: end };
    }
    const prompt = phraseVerdict(block, { patterns: COMMENT_PROMPTS, maxWords: 20 });
    if (prompt) return prompt;
    // A comment thread: the first of several time-stamped entries, up to the end of the last one.
    if (!isStamp(block.text, block.words)) return undefined;
    const stamps = ctx.blocks.filter((b) => isStamp(b.text, b.words));
    if (stamps.length < MIN_STAMPS) return undefined;
    if (stamps[0] !== block) return { reason: `comment time stamp (${stamps.length} in the thread)`, strength: 'strong' };
    const last = stamps[stamps.length - 1]!.index;
    let end = last + 1;
    while (end < ctx.blocks.length && end - last <= 4 && ctx.blocks[end]!.type !== 'heading') end++;
    // The commenter's name usually precedes the first stamp.
    return { reason: `comment thread: ${stamps.length} time-stamped entries`, strength: 'strong', sectionEnd: end };
  },
  examples: {
    removed: [
      'Leave a comment', '12 Comments', 'Kommentare (3)', 'Laisser un commentaire', 'Deja un comentario',
      'Some prose.\n\nAnna\n\n2 days ago at 07:52 am\n\nGreat piece.\n\nBob\n\n3 days ago\n\nI disagree.\n\nCy\n\n5 days ago',
    ],
    kept: ['Critics of the plan have commented that it would do little for tenants, and the minister did not respond to requests for comment on Friday.'],
  },
};
