import type { Rule, RuleContext } from './types.js';
import { phraseVerdict } from './phrase.js';
import { sectionAfter } from './section.js';
import { perDocument } from './per-document.js';

/** Comment prompts and widgets, in several languages: chrome wherever they stand in a short block. */
const COMMENT_PROMPTS = [
  /\b(leave a (comment|reply)|post a comment|add (a|your) comment|join the (discussion|conversation)|\d+ comments?|comments? \(\d+\)|no comments( yet)?|be the first to comment|show comments|view comments|load comments|comment policy|(read|see) (all )?comments|comments are closed)\b/i,
  /\b(kommentare \(\d+\)|\d+ kommentare?|diskutieren sie mit|leserkommentare|jetzt kommentieren)\b/i,
  /\b(\d+ commentaires?|laisser un commentaire|réagissez)\b/i,
  /\b(\d+ comentarios?|deja (un|tu) comentario)\b/i,
  // The comment form's own lines, as blog software prints them in many languages.
  /\b(leave a reply|your e-?mail( address)? will not be published|required fields are marked|deixe (um comentário|uma resposta)|o seu (endereço de )?e-?mail não será publicado|campos obrigatórios são marcados|deja una respuesta|tu (dirección de )?correo( electrónico)? no será publicad[oa]|los campos obligatorios están marcados|laisser une réponse|votre adresse (e-?mail|de messagerie) ne sera pas publiée|les champs obligatoires sont indiqués|schreibe einen kommentar|hinterlasse einen kommentar|deine e-?mail-adresse wird nicht veröffentlicht|erforderliche felder sind mit|lascia un commento|lascia una risposta|il tuo indirizzo (e-?mail )?non sarà pubblicato|i campi obbligatori sono contrassegnati)/i,
];

/**
 * Requests for the readers' feedback, tips and letters: "We want to hear your suggestions", "Email
 * comments and suggestions for fact-checks to ...". A notice of a few sentences, never the article's.
 */
const FEEDBACK_PROMPTS = [
  /\b((we|we'd|we would) (want|like|love) to hear (from you|your|what you think)|(email|e-mail|send) (us )?(your )?(comments|suggestions|feedback|tips|news tips)|(have|got) a (news )?tip\?|share your (thoughts|feedback|story) with us|letters? to the editor)/i,
  /\b(schreiben sie uns|ihre meinung (ist|interessiert) uns|écrivez-nous|envoyez-nous vos|escríbenos|envíanos tus)\b/i,
];
const FEEDBACK_MAX_WORDS = 50;

/**
 * Words that also occur in the article's own sentences ("declined to comment on", "kommentierte",
 * "a réagi"): a comment label in a block of a few words, only weak evidence in a longer one.
 */
const COMMENT_WORDS = [
  /\b(comment on|commenting)\b/i,
  /\b(kommentare?|kommentieren)\b/i,
  /\b(commentaires?|réagir)\b/i,
  /\b(comentarios?|comenta)\b/i,
];

/** Headings that open a comment section. */
const COMMENT_HEADINGS = /\b(comments?|responses|replies|discussion|leave a (reply|comment)|kommentare|leserkommentare|commentaires|comentarios|réactions)\b/i;
/** Headings longer than this are titles that mention comments, not section labels. */
const COMMENT_HEADING_MAX_WORDS = 6;
/**
 * Headings that count the comments on the article and repeat its title ("10 thoughts on “...”",
 * "One response to ...", "3 Kommentare zu ...", "5 réflexions sur ..."): a comment section
 * whatever the title's length.
 */
const COUNTED_COMMENTS = /^\W*(\d+|one|ein|eine|un|une|uno|una|um|uma)\s+(thoughts?|responses?|repl(y|ies)|comments?|gedanken(\s+zu)?|kommentare?|antwort(en)?|réflexions?|commentaires?|réponses?|comentarios?|comentários?|respuestas?|respostas?|commenti|pensieri|risposte)\s+(on|to|zu|zum|zur|auf|sur|à|en|sobre|a|em|para|su|a)\b/iu;
/** Comment words in a block of up to this many words are a label ("Comments", "Kommentare"). */
const PROMPT_LABEL_WORDS = 8;
/**
 * Longer blocks are prose that mentions comments: a prompt still removes them, comment words only
 * where the block does not read as the article's prose ("The company declined to comment on it.").
 */
const PROMPT_MAX_WORDS = 20;

/** Time stamps of comments: "2 days ago", "3 hours ago at 08:51 am", "vor 2 Stunden", "il y a 3 jours", "hace 2 días". */
const STAMP = /^\W*(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|^\W*vor\s+\d+\s+(sekunden|minuten|stunden|tagen|wochen|monaten|jahren)\b|^\W*il y a\s+\d+\s+(secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)\b|^\W*hace\s+\d+\s+(segundos?|minutos?|horas?|días?|semanas?|meses|años?)\b/i;
/** A thread has several stamps; one stamp alone may be the article's own "updated 2 hours ago". */
const MIN_STAMPS = 3;
const STAMP_MAX_WORDS = 10;

/**
 * A date with a time of day on its own line ("August 8, 2018 at 3:17 pm", "8. August 2018 um
 * 15:17", "2018-08-08 15:17"): under a comment heading, each comment's stamp. Alone it is no
 * evidence (a live blog prints the same), so it only carries a section a heading has opened.
 */
const DATE_TIME_STAMP = /^\W*(?:\p{L}+,?\s+)?(?:\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})[\s,]+(?:at|um|à|a las|às|alle|om|kl\.?|-|–|,)?\s*\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?\W*$/iu;
/** Most blocks between two stamps of one thread under a comment heading (a long comment's paragraphs). */
const MAX_STAMP_GAP = 8;

/** Under a comment heading: one past the last comment of the thread of stamps that follows it. */
function stampedThreadEnd(blocks: RuleContext['blocks'], heading: number, end: number): number {
  let last = -1;
  for (let i = heading + 1; i < blocks.length && i - Math.max(last, heading) <= MAX_STAMP_GAP; i++) {
    const b = blocks[i]!;
    if (b.type === 'heading' && b.depth <= (blocks[heading]!.depth || 6)) break;
    if (isStamp(b.text, b.words) || (b.words <= STAMP_MAX_WORDS && DATE_TIME_STAMP.test(b.text))) last = i;
  }
  if (last < 0) return end;
  let after = last + 1;
  // The last comment's text follows its stamp.
  while (after < blocks.length && after - last <= 4 && blocks[after]!.type !== 'heading') after++;
  return Math.max(end, after);
}

function isStamp(text: string, words: number): boolean {
  return words <= STAMP_MAX_WORDS && STAMP.test(text);
}

interface Thread { start: number; end: number; stamps: number }

/** The document's comment thread (first stamp to just after the last). */
const threadOf = perDocument(({ blocks }): Thread | null => {
  const stamps = blocks.filter((b) => isStamp(b.text, b.words));
  if (stamps.length < MIN_STAMPS) return null;
  const last = stamps[stamps.length - 1]!.index;
  let end = last + 1;
  // The last comment's text follows its stamp.
  while (end < blocks.length && end - last <= 4 && blocks[end]!.type !== 'heading') end++;
  return { start: stamps[0]!.index, end, stamps: stamps.length };
});

export const comments: Rule = {
  id: 'comments',
  description: 'Comment prompts and comment sections',
  category: 'comments',
  test(block, ctx) {
    const thread = threadOf(ctx);
    const heading = block.type === 'heading' && block.index > ctx.main.start &&
      ((block.words <= COMMENT_HEADING_MAX_WORDS && COMMENT_HEADINGS.test(block.text)) || COUNTED_COMMENTS.test(block.text));
    if (heading) {
      let end = sectionAfter(ctx.blocks, block.index);
      // Comments are prose: a thread that starts under the heading runs to its own end.
      if (thread && thread.start > block.index && thread.start < end) end = Math.max(end, thread.end);
      end = stampedThreadEnd(ctx.blocks, block.index, end);
      return { reason: `comment section heading "${block.text.slice(0, 40)}"`, strength: 'strong', sectionEnd: end };
    }
    const prompt = phraseVerdict(block, { patterns: COMMENT_PROMPTS, maxWords: PROMPT_MAX_WORDS }) ??
      phraseVerdict(block, { patterns: FEEDBACK_PROMPTS, maxWords: FEEDBACK_MAX_WORDS }) ??
      phraseVerdict(block, { patterns: COMMENT_WORDS, maxWords: PROMPT_LABEL_WORDS }) ??
      phraseVerdict(block, { patterns: COMMENT_WORDS, maxWords: PROMPT_MAX_WORDS, strength: 'weak' });
    if (prompt) return prompt;
    // A comment thread: the first of several time-stamped entries, up to the end of the last one.
    if (!thread || !isStamp(block.text, block.words)) return undefined;
    if (block.index !== thread.start) return { reason: `comment time stamp (${thread.stamps} in the thread)`, strength: 'strong' };
    return { reason: `comment thread: ${thread.stamps} time-stamped entries`, strength: 'strong', sectionEnd: thread.end };
  },
  examples: {
    removed: [
      'Leave a comment', '12 Comments', 'Some prose.\n\n### 10 thoughts on “Why some online businesses never take off”',
      'Some prose.\n\n## 3 Kommentare zu „Wie ein Dorf seinen Laden rettete“', 'Kommentare (3)', 'Laisser un commentaire', 'Deja un comentario',
      'Some prose.\n\nAnna\n\n2 days ago at 07:52 am\n\nGreat piece.\n\nBob\n\n3 days ago\n\nI disagree.\n\nCy\n\n5 days ago',
      'Your email address will not be published. Required fields are marked *',
      'We want to hear your suggestions and comments. Email the Example Desk with feedback and with claims you would like us to check. Follow us on social media too.',
      'O seu endereço de e-mail não será publicado. Campos obrigatórios são marcados com *',
      'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert',
    ],
    kept: [
      'Live: the storm reaches the coast.\n\nNovember 20, 2019 at 10:15 am\n\nWinds reach 120 km/h.\n\nNovember 20, 2019 at 10:40 am\n\nThe ferry is cancelled.\n\nNovember 20, 2019 at 11:05 am',
      'The newspaper published three letters from readers who objected to the plan, and the mayor said he would answer them in person at the next council meeting in March.',
      'Critics of the plan have commented that it would do little for tenants, and the minister did not respond to requests for comment on Friday.'],
  },
};
