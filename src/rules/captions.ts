import { matchPhrase, phraseVerdict } from './phrase.js';
import type { Nodes } from 'mdast';
import type { Rule } from './types.js';
import { blockKey, countWords } from '../pipeline/words.js';
import { plainText } from '../pipeline/blocks.js';
import { perDocument } from './per-document.js';

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

/** Picture libraries, named in a bracketed credit on their own. */
const STOCK_AGENCY = String.raw`(?:getty images|shutterstock|istock(?:photo)?|alamy)`;
/** Wire and picture agencies, after a photographer's name or alone at a caption's end. */
const AGENCY = String.raw`(?:reuters|ap|afp|epa|dpa|getty|bloomberg|xinhua|anadolu|efe|ansa|pa(?: wire)?|sipa|abaca|${STOCK_AGENCY})`;

/**
 * A caption ends with the picture's credit in brackets: "... sits at a dealership in Littleton,
 * Colo. (AP Photo/David Zalubowski)", "(Foto: dpa)", "(Photo by Jane Doe/Getty Images)". Article
 * prose does not end a paragraph that way, however much it reads like prose otherwise.
 */
const CREDIT_AT_END = new RegExp(String.raw`\((?:[^()]*\b(?:photos?|fotos?|images?|pictures?|bild|imagen|illustration)\s*(?:\/|:|by\b|von\b|de\b|par\b|credit|courtesy)|[^()]*\b${STOCK_AGENCY}\b)[^()]*\)\W*$`, 'iu');
/** ... or with a credit label run on after the caption: "... used in duvets and jackets.Photo: Getty Images". */
const CREDIT_LABEL_AT_END = /(?:Photo|PHOTO|Image|IMAGE|Picture|Foto|FOTO|Bild|Credit|Imagen)s?(?: credit)?\s*(?::|by\b)\s*[^.:!?]{2,60}$/u;
/**
 * ... or with the photographer and the agency after a slash, "(Joshua Roberts/Reuters)", or the
 * agency alone as the last word after the caption's last sentence ("... of the drug. Getty").
 */
const AGENCY_CREDIT_AT_END = new RegExp(String.raw`(?:\(\p{Lu}[^()/]{1,50}\/\s*${AGENCY}\b[^()]*\)|[.!?]["”’]?\s+${AGENCY})\W*$`, 'iu');
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

/** Text that repeats one of the alt texts (blockKey form), and is long enough not to be a label. */
function repeatsAlt(key: string, words: number, alts: readonly string[]): boolean {
  return words >= ALT_MIN_WORDS && alts.some((alt) => alt.length >= key.length * 0.8 && alt.includes(key));
}

/** The alt texts of every image on the page. */
const pageAlts = perDocument(({ blocks }) => blocks.flatMap((b) => (b.images > 0 ? altTexts(b.node) : [])));
/** A caption cut short for a slide show: "... to strengthen the military relations ... more". */
const CUT_MORE = /(?:\.\.\.|…)\s*more\W*$/i;

/** What a broken thumbnail link leaves: one token without letters, or a URL ("](https://...)"). */
function isDebris(text: string): boolean {
  return !/\s/.test(text) && (!/\p{L}/u.test(text) || text.includes('://'));
}

/**
 * A gallery: a list whose items hold images, each described by its own alt text printed again
 * under it (and maybe a credit line); items with nothing but an image or a link are its
 * thumbnails. One item with any other text makes it a list of the article's.
 */
function isGallery(node: Nodes): boolean {
  if (node.type !== 'list') return false;
  let described = 0;
  for (const item of node.children) {
    const alts = altTexts(item);
    for (const text of item.children.map((c) => plainText(c).trim()).filter(Boolean)) {
      if (repeatsAlt(blockKey(text), countWords(text), alts)) described++;
      else if (!matchPhrase(text, CREDIT_LINES) && !isDebris(text)) return false;
    }
  }
  return described > 0;
}

export const captions: Rule = {
  id: 'captions',
  description: 'Image captions: credit lines ("Photo: ...", "Foto: ...", "Imagen: ...") and text ending with a bracketed photo credit',
  category: 'captions',
  test(block, ctx) {
    const line = phraseVerdict(block, CREDIT_LINE_TEST);
    if (line) return line;
    if (isGallery(block.node)) return { reason: 'gallery: images, each with its description repeated under it', strength: 'strong' };
    if (block.type !== 'paragraph' || block.words === 0 || block.words > CAPTION_MAX_WORDS) return undefined;
    const text = block.text.trim();
    const m = CREDIT_AT_END.exec(text) ?? CREDIT_LABEL_AT_END.exec(text);
    if (m) return { reason: `caption ending with the credit "${m[0].trim().slice(0, 40)}"`, strength: 'strong' };
    // The text of the image above (in this paragraph or the one before) printed again under it.
    const above = block.index > 0 ? ctx.blocks[block.index - 1]! : null;
    if (block.images === 0 && !above?.images) {
      const key = CUT_MORE.test(block.text) ? block.key.replace(/ more$/, '') : block.key;
      if (repeatsAlt(key, block.words, pageAlts(ctx))) return { reason: 'caption repeating the description of an image elsewhere on the page', strength: 'strong' };
      return undefined;
    }
    const agency = AGENCY_CREDIT_AT_END.exec(text);
    if (agency) return { reason: `caption under an image, ending with the agency "${agency[0].trim().slice(0, 40)}"`, strength: 'strong' };
    const alts = [...altTexts(block.node), ...(above ? altTexts(above.node) : [])];
    if (!repeatsAlt(block.key, block.words, alts)) return undefined;
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
      '![](https://example.org/c.jpg)\n\nHouse members speak during a briefing after the vote on Thursday, October 31, 2019. (Jane Roberts/Reuters)',
      '![a woman, a joint, stock](https://example.org/d.jpg)\n\nA stock image of a woman holding a joint. Researchers have looked at the relationship between legalisation and use. Getty',
      '-   ![The two ministers shake hands in Hanoi on Wednesday](https://example.org/e.jpg)\n\n    The two ministers shake hands in Hanoi on Wednesday.\n\n    Photo: Jane Doe, AP\n\n-   [\n\n    ![photo](https://example.org/t.jpg)](https://example.org/g)\n-\n-   ![The minister reviews the honour guard at the ministry](https://example.org/f.jpg)\n\n    The minister reviews the honour guard at the ministry.',
      // A slide show's caption, printed apart from its picture and cut short.
      '![The two ministers shake hands in Hanoi on Wednesday during a visit to strengthen military ties](https://example.org/e.jpg)\n\nImage 1 of 8\n\nThe two ministers shake hands in Hanoi on Wednesday during a visit to ... more',
    ],
    kept: [
      'Photos from the night show crowds filling the square long after the speeches had ended.',
      'The council published the photographs (taken by a drone in May) on its website on Monday.',
      '![Crews clear the road](https://example.org/b.jpg)\n\nCrews clear the road above the village after the landslide, which cut off three farms for a week.',
      'The exhibition shows the photos: portraits of the miners and their families.',
      'The company said profits rose by a third. (Jane Roberts/Reuters)',
      '![A map](https://example.org/m.jpg)\n\nThe company said profits rose by a third, a figure that surprised analysts who had expected a fall after the loss of its largest customer to a rival.',
      '![The two ministers in Hanoi](https://example.org/e.jpg)\n\nImage 1 of 8\n\nThe two ministers in Hanoi agreed on Wednesday to hold joint exercises next spring.',
      '-   ![Harbour](https://example.org/h.jpg)\n\n    The harbour was rebuilt after the storm of 1953, when the sea wall failed.\n\n-   ![Mill](https://example.org/i.jpg)\n\n    The mill still grinds flour for the village bakery.',
    ],
  },
};
