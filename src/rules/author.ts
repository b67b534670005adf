import type { Rule, RuleContext } from './types.js';
import type { Block } from '../pipeline/blocks.js';
import { phraseRule } from './phrase.js';
import { sectionAfter } from './section.js';

/** Lines pointing to an author's other articles. */
const ARCHIVE = [
  /^\W*(articles|posts|stories|more|all (articles|posts|stories)|other articles|latest) (by|from)\b/i,
  /\b(view all (posts|articles|stories) by|more (articles|stories|posts) (by|from)|see (all|more) (articles|stories) by|read more (from|by))\b/i,
  /\b(alle (artikel|beiträge) von|weitere (artikel|beiträge) von|mehr von)\b/i,
  /\b(tous les articles de|autres articles de|plus d'articles de)\b/i,
  /\b(más (artículos|noticias) de|todos los artículos de|otros artículos de)\b/i,
];

export const authorArchive = phraseRule({
  id: 'author-archive',
  description: 'Author-archive lines ("Articles by", "View all posts by")',
  category: 'author',
  patterns: ARCHIVE,
  maxWords: 14,
  examples: {
    removed: ['Articles by: [Jane Doe](https://example.org/author/jane)', 'View all posts by Jane Doe', 'Alle Artikel von Max Mustermann'],
    kept: ['Articles by the dozens were written about the case in the weeks that followed, most of them repeating the police version of events without question.'],
  },
});

const ABOUT_HEADING = /^\W*(about the authors?|about (me|us)|the authors?|author bio(graphy)?|über (den|die) autor(in)?|zum autor|zur autorin|à propos de l'auteur|l'auteur|sobre el autor|sobre la autora|sobre o autor|sobre a autora|l'autore|sull'autore|over de auteur)\W*$/i;
/** "About" before a name: "About Jane Doe", "Sobre Ana Ruiz", "Über Max Muster", "À propos de ...". */
const ABOUT_NAME = /^\W*(?:about|sobre|über|à propos de|a proposito di|over)\s+(.+?)\W*$/iu;

/** "X is a journalist...", "X writes about ...": the sentence shapes of a bio. */
const BIO_SHAPE = /^[\p{Lu}][\p{L}'.-]+(\s+[\p{Lu}][\p{L}'.-]+){0,3},?\s+(is|was|has been|writes|covers|ist|est|es)\s+(an?|the|ein|eine|un|une|una|el|la|le|der|die|author|editor|freelance|senior|contributing|professor|reporter|journalist|writer|currently)\b/u;

/**
 * A blogger's welcome box: "Thank you for stopping by! My name is Regan and I live in ...", "Hi, I'm
 * Ana!", "My name is Ana and I ...". A greeting or "my name is", at the very start: not a quotation.
 */
const SELF_INTRO = /^(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Ww]elcome|[Tt]hanks?(?: you)? for (?:stopping by|visiting))\b[^.!?"“]{0,40}[.!?,]\s*(?:[Mm]y name is|I'm|I am|[Mm]eu nome é|[Mm]e llamo|[Jj]e m'appelle|[Ii]ch bin) \p{Lu}|[Mm]y name is \p{Lu}\p{L}+ and I\b)/u;

/** Bios sit after the article text. */
function inTail(block: Block, ctx: RuleContext): boolean {
  const span = ctx.main.end - ctx.main.start;
  return block.index >= ctx.main.start + span * 0.6;
}

function namesAuthor(block: Block, ctx: RuleContext): string | undefined {
  for (const name of ctx.metadata.authors) {
    if (name && block.text.trimStart().toLowerCase().startsWith(name.toLowerCase())) return name;
  }
  return undefined;
}

/** "About Jane Doe", Jane Doe being the article's author: the bio box's heading. */
function aboutAuthor(block: Block, ctx: RuleContext): boolean {
  const name = ABOUT_NAME.exec(block.text.trim())?.[1]?.toLowerCase();
  return name !== undefined && ctx.metadata.authors.some((a) => a.toLowerCase() === name);
}

/** What bios say their subject is. */
const PROFESSION = /\b(journalist|writer|author|editor|reporter|correspondent|columnist|analyst|professor|researcher|contributor|freelance|blogger|photographer|journalistin|autor(in)?|redakteur(in)?|journaliste|rédact(eur|rice)|auteur|periodista|escritor(a)?|redactor(a)?|investigador(a)?)\b/i;

/** Bios are a few sentences, not an article section. */
const BIO_MAX_WORDS = 120;

export const authorBio: Rule = {
  id: 'author-bio',
  description: 'Author biographies (and their repeats) after the article, and "About the author" sections',
  category: 'author',
  test(block, ctx) {
    if ((block.type === 'heading' || (block.type === 'paragraph' && block.words <= 5)) && (ABOUT_HEADING.test(block.text) || aboutAuthor(block, ctx))) {
      return { reason: `"${block.text.trim()}" heading`, strength: 'strong', sectionEnd: sectionAfter(ctx.blocks, block.index) };
    }
    if (block.type !== 'paragraph' || block.words > BIO_MAX_WORDS || !inTail(block, ctx)) return undefined;
    if (SELF_INTRO.test(block.text)) return { reason: 'a first-person welcome introducing its writer, after the article', strength: 'strong' };
    const author = namesAuthor(block, ctx);
    if (author && BIO_SHAPE.test(block.text.trim())) {
      return { reason: `bio of the author "${author}" after the article`, strength: 'strong' };
    }
    if (BIO_SHAPE.test(block.text.trim()) && PROFESSION.test(block.text) && block.index > ctx.main.end - 3 && block.sentences <= 3) {
      return { reason: 'biography-shaped paragraph at the end of the article', strength: 'weak' };
    }
    return undefined;
  },
  examples: {
    removed: [
      'About the author',
      '# A headline\n\nBy Jane Doe\n\nArticle text goes on for a while and then ends with a full stop.\n\nMore text here in the article, with enough words to look like prose.\n\n*Jane Doe is a freelance journalist based in Lisbon. She writes about energy and climate.*',
      'Soup of the week\n\nThe soup takes an hour and feeds four.\n\nThank you for stopping by! My name is Ana and I live in Porto with my husband and two sons. I share the recipes we cook at home.',
    ],
    kept: ["I'm not sure the plan will work, the mayor said, but we have to try something before winter.",
      '"Hi, my name is Tim and I am a liar," the prosecutor quoted him as saying.', "I'm A Celebrity returns to the jungle for a new series.",
      'Jane Doe is a nurse in Lisbon who, like thousands of her colleagues, has not had a pay rise in ten years.'],
  },
};
