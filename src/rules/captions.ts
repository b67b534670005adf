import { phraseVerdict } from './phrase.js';
import type { Nodes } from 'mdast';
import type { Rule } from './types.js';
import { blockKey } from '../pipeline/words.js';

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
/** ... or with a credit label run on after the caption: "... used in duvets and jackets.Photo: Getty Images". */
const CREDIT_LABEL_AT_END = /(?:Photo|PHOTO|Image|IMAGE|Picture|Foto|FOTO|Bild|Credit|Imagen)s?(?: credit)?\s*(?::|by\b)\s*[^.:!?]{2,60}$/u;
/** A caption repeats its image's description: this many words at least, to tell it from a label. */
const ALT_MIN_WORDS = 5;
/** Longer paragraphs are article text that happens to end with a credit. */
const CAPTION_MAX_WORDS = 80;

/** Short credit lines ("Photo: ..."): weak, since a short sentence may start the same way. */
const CREDIT_LINE_TEST = { patterns: CREDIT_LINES, maxWords: 15, types: ['paragraph'], strength: 'weak' } as const;

/** Keys of the alt texts of the images in a node (blockKey form). */
function altTexts(node: Nodes): string[] {
  if (node.type === 'image') return node.alt ? [blockKey(node.alt)] : [];
  if (!('children' in node)) return [];
  return (node.children as Nodes[]).flatMap((c) => altTexts(c));
}

export const captions: Rule = {
  id: 'captions',
  description: 'Image captions: credit lines ("Photo: ...", "Foto: ...", "Imagen: ...") and text ending with a bracketed photo credit',
  category: 'captions',
  test(block, ctx) {
    const line = phraseVerdict(block, CREDIT_LINE_TEST);
    if (line) return line;
    if (block.type !== 'paragraph' || block.words === 0 || block.words > CAPTION_MAX_WORDS) return undefined;
    const text = block.text.trim();
    const m = CREDIT_AT_END.exec(text) ?? CREDIT_LABEL_AT_END.exec(text);
    if (m) return { reason: `caption ending with the credit "${m[0].trim().slice(0, 40)}"`, strength: 'strong' };
    // The text of the image above (in this paragraph or the one before) printed again under it.
    const alts = [...altTexts(block.node), ...(block.index > 0 ? altTexts(ctx.blocks[block.index - 1]!.node) : [])];
    const key = block.key;
    if (block.words < ALT_MIN_WORDS || !alts.some((alt) => alt.length >= key.length * 0.8 && alt.includes(key))) return undefined;
    return { reason: 'caption repeating the text of the image above', strength: 'strong' };
  },
  examples: {
    removed: [
      'Photo: Jane Doe / Example Agency', 'Image credit: Example Archive', 'Foto: Max Mustermann/dpa', 'Crédit photo : Jean Dupont', 'Imagen: Archivo',
      'A long row of unsold cars sits at a dealership in Littleton, Colorado, on Sunday. (AP Photo/Jane Doe)',
      'Firefighters clear the road above the village after the landslide. (Photo by Max Muster/Getty Images)',
      'Die Feuerwehr räumt die Straße oberhalb des Dorfes. (Foto: Max Mustermann)',
      'Duck feathers drying after being cleaned, to be used in duvets and jackets.Photo: Example Images',
      '![Two micrographs of lung tissue, showing tuft cells in yellow](https://example.org/a.jpg)\n\nTwo micrographs of lung tissue, showing tuft cells in yellow.',
      '![Crews clear the road above the village](https://example.org/b.jpg)\nCrews clear the road above the village',
    ],
    kept: [
      'Photos from the night show crowds filling the square long after the speeches had ended.',
      'The council published the photographs (taken by a drone in May) on its website on Monday.',
      '![Crews clear the road](https://example.org/b.jpg)\n\nCrews clear the road above the village after the landslide, which cut off three farms for a week.',
      'The exhibition shows the photos: portraits of the miners and their families.',
    ],
  },
};
