import { phraseRule } from './phrase.js';

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

export const captions = phraseRule({
  id: 'captions',
  description: 'Credit lines of images ("Photo: ...", "Image credit: ...", "Foto: ...", "Imagen: ...")',
  category: 'captions',
  patterns: CREDIT_LINES,
  maxWords: 15,
  types: ['paragraph'],
  strength: 'weak',
  examples: {
    removed: ['Photo: Jane Doe / Example Agency', 'Image credit: Example Archive', 'Foto: Max Mustermann/dpa', 'Crédit photo : Jean Dupont', 'Imagen: Archivo'],
    kept: ['Photos from the night show crowds filling the square long after the speeches had ended.'],
  },
});
