import { phraseRule } from './phrase.js';
import type { Rule } from './types.js';

/** Press and media contact lines. */
const CONTACT = [
  /^\W*(for (media|press) (inquiries|enquiries|contacts?)|media (contact|inquiries|enquiries)|press (contact|inquiries|office)|contact us|contact:|kontakt|pressekontakt|medienkontakt|contact presse|contact média|contacto de prensa|contacto)\b/i,
];

export const mediaContact = phraseRule({
  id: 'media-contact',
  description: 'Media and press contact lines',
  category: 'contact',
  patterns: CONTACT,
  maxWords: 30,
  examples: {
    removed: ['For media inquiries: [press@example.org](mailto:press@example.org)', 'Pressekontakt: presse@example.org', 'Contacto de prensa: prensa@example.org'],
    kept: ['Contact with the crew was lost shortly after take-off, and the search continued through the night.'],
  },
});

/**
 * "Acme is a global provider of ...": the company profile a press release ends with. Its first
 * sentence presents a name, and it speaks the profile's own vocabulary.
 */
const PROFILE_OPENING = /^\W*(\p{Lu}[\p{L}\p{N}&.®™'’-]*(\s+(\p{Lu}[\p{L}\p{N}&.®™'’-]*|&|and|of|de|du|la|le|und))*(\s*\([^)]{1,40}\))?,?)\s+((is|are|ist|est|es|é)\s+(a|an|the|one of|ein|eine|einer|un|une|l['’]un|uno|una|um|uma|headquartered|based)|(has|hat|a|tiene|tem)\s+(its|seinen|son|su|sua)\s|employs|beschäftigt|emploie|emplea|emprega)\b/u;
const PROFILE_TERMS = /\b(headquartered|headquarters|employs|employees|subsidiaries|offices in|listed on|traded on|stock exchange|founded in|mission is|vision (of|is)|solutions? provider|leading (global )?provider|provider of|customers in|in \d+ countries|hat seinen sitz|mitarbeitende|mitarbeiter|beschäftigt|siège|collaborateurs|salariés|sede en|empleados|sede em|colaboradores|funcionários)/giu;
/** Terms (distinct) a profile holds at least: a news article may describe a company once in passing. */
const PROFILE_MIN_TERMS = 2;
const PROFILE_MAX_WORDS = 150;

export const companyProfile: Rule = {
  id: 'company-profile',
  description: 'The company profile a press release ends with ("Acme is a leading provider of ..., headquartered in ...")',
  category: 'contact',
  test(block, ctx) {
    if (block.type !== 'paragraph' || block.words > PROFILE_MAX_WORDS) return undefined;
    // Only in the last part of the page: the profile closes a release.
    if (block.index <= ctx.main.start + (ctx.main.end - ctx.main.start) / 2) return undefined;
    const opening = PROFILE_OPENING.exec(block.text);
    if (!opening) return undefined;
    const terms = new Set((block.text.match(PROFILE_TERMS) ?? []).map((t) => t.toLowerCase()));
    if (terms.size < PROFILE_MIN_TERMS) return undefined;
    return { reason: `presents "${opening[1]!.trim()}" with ${[...terms].slice(0, 3).join(', ')}`, strength: 'strong' };
  },
  examples: {
    removed: [
      'The quarterly results were published on Monday.\n\nThe company said sales rose.\n\nAcme is a global solutions provider focused on logistics software. Acme is headquartered in Basel, has subsidiaries in 12 countries and employs around 900 people.',
      'The quarterly results were published on Monday.\n\nThe company said sales rose.\n\nAcme is headquartered in Basel (Switzerland), has subsidiaries in 12 countries and employs around 900 people worldwide.',
      'Die Zahlen wurden am Montag veröffentlicht.\n\nDer Umsatz stieg.\n\nBeispiel AG ist ein führender Anbieter von Software. Das Unternehmen hat seinen Sitz in Zug und beschäftigt 400 Mitarbeitende.',
    ],
    kept: [
      'Acme is a global solutions provider, and its shares fell by a third on Monday after the company said it had lost its largest customer, a carmaker that accounted for a fifth of sales.',
      'The quarterly results were published on Monday.\n\nThe company said sales rose.\n\nShares of the group, which is headquartered in Basel and employs around 900 people, fell by a third after the announcement.',
    ],
  },
};
