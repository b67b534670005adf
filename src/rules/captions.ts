import { phraseRule } from './phrase.js';
import type { Rule } from './types.js';

/**
 * Image captions' credit lines: "Photo: Jane Doe / Agency", "Image credit: ...", "Foto: ...",
 * "Crédit photo : ...", "Imagen: ...". Short lines only; the words of a real caption that
 * describes the picture are left to the classifier (and `--keep captions` keeps both).
 */
const CREDIT_LINES = [
  /^\W*(photo(graph)?s?|images?|pictures?|illustrations?|graphics?|video|credits?|source|courtesy)(\s+(credit|by|courtesy|source))?\s*[:：|/]/i,
  /^\W*(foto(s|grafie)?|bild(er|quelle)?|quelle)\s*[:：|/]/i,
  /^\W*(crédits?( photo)?|photos?|illustration|source)\s*:/i,
  /^\W*(imagen(es)?|fotograf[ií]a|fuente|cr[ée]dito)\s*[:：|/]/i,
  /^\W*\(?(photo|image|picture|foto|bild)\s+(by|von|de|par|courtesy of)\s/i,
];

/**
 * A caption ends with the picture's credit in brackets: "... sits at a dealership in Littleton,
 * Colo. (AP Photo/David Zalubowski)", "(Foto: dpa)", "(Photo by Jane Doe/Getty Images)". Article
 * prose does not end a paragraph that way, however much it reads like prose otherwise.
 */
const CREDIT_AT_END = /\((?:[^()]*\b(?:photos?|fotos?|images?|pictures?|bild|imagen|illustration)\s*(?:\/|:|by\b|von\b|de\b|par\b|credit|courtesy)|[^()]*\b(?:getty images|shutterstock|istock(?:photo)?|alamy)\b)[^()]*\)\W*$/iu;
/** Longer paragraphs are article text that happens to end with a credit. */
const CAPTION_MAX_WORDS = 80;

const creditLines = phraseRule({
  id: 'captions',
  description: '',
  category: 'captions',
  patterns: CREDIT_LINES,
  maxWords: 15,
  types: ['paragraph'],
  strength: 'weak',
  examples: { removed: [], kept: [] },
});

export const captions: Rule = {
  id: 'captions',
  description: 'Image captions: credit lines ("Photo: ...", "Foto: ...", "Imagen: ...") and text ending with a bracketed photo credit',
  category: 'captions',
  test(block, ctx) {
    const line = creditLines.test(block, ctx);
    if (line) return line;
    if (block.type !== 'paragraph' || block.words === 0 || block.words > CAPTION_MAX_WORDS) return undefined;
    const m = CREDIT_AT_END.exec(block.text.trim());
    if (!m) return undefined;
    return { reason: `caption ending with the credit "${m[0].trim().slice(0, 40)}"`, strength: 'strong' };
  },
  examples: {
    removed: [
      'Photo: Jane Doe / Example Agency', 'Image credit: Example Archive', 'Foto: Max Mustermann/dpa', 'Crédit photo : Jean Dupont', 'Imagen: Archivo',
      'A long row of unsold cars sits at a dealership in Littleton, Colorado, on Sunday. (AP Photo/Jane Doe)',
      'Firefighters clear the road above the village after the landslide. (Photo by Max Muster/Getty Images)',
      'Die Feuerwehr räumt die Straße oberhalb des Dorfes. (Foto: Max Mustermann)',
    ],
    kept: [
      'Photos from the night show crowds filling the square long after the speeches had ended.',
      'The council published the photographs (taken by a drone in May) on its website on Monday.',
    ],
  },
};
